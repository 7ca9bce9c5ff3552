/// Who was reached: per area, the respondents by sex and age band against the population (the margins
/// loaded for weighting), the response rate where the number approached is known, and the groups whose
/// share among the respondents is more than `factor` times smaller than their share in the population.
///
/// Every respondent count comes from the protected publication (the respondents cells of the profile
/// broken down by sex and by age, cell-key perturbed and suppressed below the minimum), so reach shows no
/// count that `profile --by sex|age` does not already publish; a hidden cell leaves its group unknown.
public enum Reach {
  /// The factor by which a group's share among respondents may fall short of its population share before
  /// it is called under-represented (`--factor`): 1.5, so a group of 30% of residents and under 20% of
  /// respondents is named.
  public static let defaultFactor = 1.5

  /// The six groups compared, in the population file's order.
  public enum Group: Int, CaseIterable, Sendable {
    case men, women, age15to24, age25to44, age45to64, age65plus

    /// The group's name in `language`.
    public func name(in language: Language) -> String {
      switch self {
      case .men: return UIString.reachMen.text(language)
      case .women: return UIString.reachWomen.text(language)
      case .age15to24: return "15-24"
      case .age25to44: return "25-44"
      case .age45to64: return "45-64"
      case .age65plus: return "65+"
      }
    }

    /// The group's inhabitants in a population row.
    func population(_ row: AreaPopulation) -> Int {
      rawValue < 2 ? row.sex[rawValue] : row.age[rawValue - 2]
    }

    /// Whether the group is a sex (else an age band): shares are of men plus women, or of all bands.
    var isSex: Bool { rawValue < 2 }
  }

  /// One group of one area.
  public struct GroupFigure: Hashable, Sendable {
    public var group: Group
    /// Published respondents in the group; nil when a cell it is made of is hidden.
    public var respondents: Int?
    public var population: Int
    /// The group's share among the respondents who gave their sex (or age), 0...1; nil when a cell of the
    /// same question is hidden.
    public var respondentShare: Double?
    /// The group's share of the inhabitants, 0...1.
    public var populationShare: Double
    /// respondentShare / populationShare; nil when unknown or the group has no inhabitants.
    public var ratio: Double?
    /// Whether the share among respondents is below the population share divided by the factor (for a
    /// hidden group or share: even at its largest possible value).
    public var underRepresented: Bool
  }

  /// One area's reach.
  public struct AreaFigure: Hashable, Sendable {
    public var area: Area
    /// The published number of respondents; nil when hidden.
    public var respondents: Int?
    /// Inhabitants of 15 and older (the sum of the age bands).
    public var population: Int
    public var approached: Int?
    /// respondents / approached, when both are known.
    public var responseRate: Double?
    public var groups: [GroupFigure]
    public var underRepresented: [Group] { groups.filter(\.underRepresented).map(\.group) }
  }

  /// Published respondents of an area: everyone, and per breakdown choice (sex: man, vrouw; age: the
  /// questionnaire's bands). nil where the publication hides the cell.
  public struct PublishedCounts: Sendable {
    public var everyone: Int?
    public var sex: [String: Int?]
    public var age: [String: Int?]
    public init(everyone: Int?, sex: [String: Int?], age: [String: Int?]) {
      self.everyone = everyone
      self.sex = sex
      self.age = age
    }
  }

  /// The reach of every area with population margins, in tree order.
  /// `minimum` is the publication's minimum group size: a hidden group has at most minimum + 1 respondents,
  /// so it is named under-represented when even that many would be too few.
  public static func compute(tree: AreaTree, populations: [AreaPopulation], counts: (Area) -> PublishedCounts, minimum: Int,
                             approached: [String: Int] = [:], factor: Double = defaultFactor) -> [AreaFigure] {
    let margins = Weighting.margins(populations: populations, tree: tree)
    var result: [AreaFigure] = []
    for index in tree.areas.indices {
      guard let margin = margins[index] else { continue }
      let area = tree.areas[index]
      let published = counts(area)
      // A group's count sums the published cells of its choices (65-74 and 75+ make 65+); hidden if any is.
      var groupCounts: [Group: Int?] = [:]
      for (choices, offset, category) in [(published.sex, 0, Weighting.sexCategory), (published.age, 2, Weighting.ageCategory)] {
        for (choice, count) in choices {
          guard let band = category(choice), let group = Group(rawValue: offset + band) else { continue }
          let sofar = groupCounts[group] ?? 0
          // updateValue, not a subscript assignment: assigning nil would remove the entry and lose "hidden".
          groupCounts.updateValue(sofar.flatMap { total in count.map { total + $0 } }, forKey: group)
        }
      }
      let populationOf = (sex: margin.sex.reduce(0, +), age: margin.age.reduce(0, +))
      // A hidden cell holds fewer than the minimum after perturbation: at most minimum - 1 + 2 respondents.
      let hiddenBound = Double(minimum - 1 + CellKey.maximumCountChange)
      let groups = Group.allCases.map { group -> GroupFigure in
        let inhabitants = group.population(margin)
        let populationTotal = group.isSex ? populationOf.sex : populationOf.age
        let populationShare = populationTotal > 0 ? Double(inhabitants) / Double(populationTotal) : 0
        let siblings = Group.allCases.filter { $0.isSex == group.isSex }
        let known = Double(siblings.compactMap { groupCounts[$0] ?? 0 }.reduce(0, +))
        let hidden = siblings.filter { (groupCounts[$0] ?? 0) == nil }.count
        let respondents = groupCounts[group] ?? 0
        var share: Double?
        let upper: Double?
        if let respondents {
          if hidden == 0, known > 0 { share = Double(respondents) / known }
          upper = known > 0 ? Double(respondents) / known : nil
        } else {
          upper = hiddenBound / (known + hiddenBound)
        }
        let ratio = share.flatMap { populationShare > 0 ? $0 / populationShare : nil }
        let under = populationShare > 0 && (upper.map { $0 * factor < populationShare } ?? false)
        return GroupFigure(group: group, respondents: respondents, population: inhabitants, respondentShare: share,
                           populationShare: populationShare, ratio: ratio, underRepresented: under)
      }
      let approachedCount = approached[area.code]
      var rate: Double?
      if let approachedCount, approachedCount > 0, let n = published.everyone { rate = Double(n) / Double(approachedCount) }
      result.append(AreaFigure(area: area, respondents: published.everyone, population: populationOf.age, approached: approachedCount,
                               responseRate: rate, groups: groups))
    }
    return result
  }
}

/// Reads the numbers approached per area: CSV with the columns `code,approached` (letters sent, doors
/// knocked on: the team's own record, which no public source has). Every problem with its line.
public enum ApproachedFile {
  public static let maximumFileBytes = 5_000_000
  public static let maximumRows = 100_000

  public static func parse(_ text: String, source: String, known: Set<String>) throws -> [String: Int] {
    guard text.utf8.count <= maximumFileBytes else {
      throw FileProblems(source: source, problems: [FileProblem(line: nil, "The file is \(text.utf8.count) bytes; at most \(maximumFileBytes) are read.")])
    }
    let rows = CSV.parse(text)
    guard rows.count <= maximumRows + 1 else {
      throw FileProblems(source: source, problems: [FileProblem(line: nil, "The file has \(rows.count - 1) rows; at most \(maximumRows) are allowed.")])
    }
    guard let header = rows.first, header.fields.map({ $0.trimmingWhitespace.lowercased() }).prefix(2) == ["code", "approached"] else {
      throw FileProblems(source: source, problems: [FileProblem(line: 1, "The header must be code,approached.")])
    }
    var result: [String: Int] = [:]
    var problems: [FileProblem] = []
    for row in rows.dropFirst() {
      let code = row.fields.first?.trimmingWhitespace ?? ""
      let value = row.fields.count > 1 ? row.fields[1].trimmingWhitespace : ""
      guard known.contains(code) else {
        problems.append(FileProblem(line: row.line, "Unknown area code \"\(TerminalText.visible(String(code.prefix(40))))\"; `wijkweb areas list` shows the codes."))
        continue
      }
      guard let number = Int(value), number > 0, number <= 10_000_000 else {
        problems.append(FileProblem(line: row.line, "approached of \(code) is \"\(TerminalText.visible(String(value.prefix(40))))\", not a whole number of 1 or more."))
        continue
      }
      if result[code] != nil {
        problems.append(FileProblem(line: row.line, "\(code) appears twice."))
        continue
      }
      result[code] = number
    }
    if !problems.isEmpty { throw FileProblems(source: source, problems: problems) }
    return result
  }
}
