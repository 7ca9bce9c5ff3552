/// An area's population margins (CBS "Kerncijfers wijken en buurten"): inhabitants by sex and by age band.
public struct AreaPopulation: Hashable, Sendable {
  public var areaCode: String
  /// Men, women.
  public var sex: [Int]
  /// 15-24, 25-44, 45-64, 65 and older.
  public var age: [Int]

  public init(areaCode: String, sex: [Int], age: [Int]) {
    self.areaCode = areaCode
    self.sex = sex
    self.age = age
  }
}

/// Reads a population file: CSV with a `code` column (or CBS's `WijkenEnBuurten`) and the CBS columns for
/// men, women and the age bands (`Mannen_6`, `Vrouwen_7`, `k_15Tot25Jaar_9`, `k_25Tot45Jaar_10`,
/// `k_45Tot65Jaar_11`, `k_65JaarOfOuder_12`; the numeric suffix is optional). Every problem with its line.
public enum PopulationFile {
  static let columns = ["mannen", "vrouwen", "k_15tot25jaar", "k_25tot45jaar", "k_45tot65jaar", "k_65jaarofouder"]

  public static func parse(_ text: String, source: String) throws -> [AreaPopulation] {
    let rows = CSV.parse(text)
    guard let header = rows.first else {
      throw FileProblems(source: source, problems: [FileProblem(line: 1, "The population file is empty.")])
    }
    let names = header.fields.map { field -> String in
      var name = field.trimmingWhitespace.lowercased()
      while let last = name.last, last.isNumber || last == "_" { name.removeLast() }
      return name
    }
    guard let codeColumn = names.firstIndex(where: { $0 == "code" || $0 == "wijkenenbuurten" }) else {
      throw FileProblems(source: source, problems: [FileProblem(line: header.line,
        "The header needs a column code (or WijkenEnBuurten) with the area codes.")])
    }
    var indices: [Int] = []
    var problems: [FileProblem] = []
    for column in columns {
      if let index = names.firstIndex(of: column) { indices.append(index) } else {
        problems.append(FileProblem(line: header.line, "The header lacks the column \(column) (CBS kerncijfers)."))
      }
    }
    if !problems.isEmpty { throw FileProblems(source: source, problems: problems) }
    var result: [AreaPopulation] = []
    for row in rows.dropFirst() {
      let code = codeColumn < row.fields.count ? row.fields[codeColumn].trimmingWhitespace : ""
      var numbers: [Int] = []
      for (column, index) in zip(columns, indices) {
        let field = index < row.fields.count ? row.fields[index].trimmingWhitespace.filter { $0 != "." && $0 != " " } : ""
        guard let number = Int(field), number >= 0 else {
          problems.append(FileProblem(line: row.line, "\(column) of \(code.isEmpty ? "this row" : code) is \"\(field)\", not a count."))
          break
        }
        numbers.append(number)
      }
      if code.isEmpty { problems.append(FileProblem(line: row.line, "The row has no area code.")) }
      if numbers.count == 6, !code.isEmpty {
        result.append(AreaPopulation(areaCode: code, sex: Array(numbers[0 ..< 2]), age: Array(numbers[2 ..< 6])))
      }
    }
    if !problems.isEmpty { throw FileProblems(source: source, problems: problems) }
    return result
  }
}

/// Weights for a weighted profile: per area with a population, raking its respondents to the area's
/// margins by sex and age band.
///
/// Respondents are weighted within the smallest area above them (or their own) that has a population.
/// Those who said neither man nor vrouw, or gave no age, keep the mean weight of their area, so every
/// respondent counts; respondents in no area with a population get no weight and are left out of the
/// weighted figures (the caller reports how many).
public enum Weighting {
  /// One respondent: the area it was recorded in, and its sex and age categories.
  public struct Respondent: Sendable {
    public var areaCode: String?
    public var sex: Int?
    public var age: Int?
    public init(areaCode: String?, sex: Int?, age: Int?) {
      self.areaCode = areaCode
      self.sex = sex
      self.age = age
    }
  }

  /// The sex category (0 man, 1 vrouw) of a choice id, or nil.
  public static func sexCategory(_ choice: String?) -> Int? {
    switch choice { case "man": return 0; case "vrouw": return 1; default: return nil }
  }

  /// The CBS age band (0: 15-24, 1: 25-44, 2: 45-64, 3: 65 and older) of a choice id, or nil.
  public static func ageCategory(_ choice: String?) -> Int? {
    switch choice {
    case "15-24": return 0
    case "25-44": return 1
    case "45-64": return 2
    case "65-74", "75+": return 3
    default: return nil
    }
  }

  /// A weight per respondent (nil: no area with a population), or throws when a category with
  /// inhabitants has no respondents in an area.
  public static func weights(respondents: [Respondent], populations: [AreaPopulation], tree: AreaTree) throws -> [Double?] {
    let byCode = Dictionary(populations.map { ($0.areaCode, $0) }, uniquingKeysWith: { first, _ in first })
    // The weighting area of each respondent: its own area or the nearest one above with a population.
    var groups: [String: [Int]] = [:]
    for (index, respondent) in respondents.enumerated() {
      guard let code = respondent.areaCode, let area = tree.index[code] else { continue }
      if let owner = tree.lineage(of: area).map({ tree.areas[$0].code }).first(where: { byCode[$0] != nil }) {
        groups[owner, default: []].append(index)
      }
    }
    var result = [Double?](repeating: nil, count: respondents.count)
    for (code, members) in groups {
      guard let population = byCode[code] else { continue }
      let known = members.filter { respondents[$0].sex != nil && respondents[$0].age != nil }
      guard !known.isEmpty else { continue }
      let categories = [known.map { respondents[$0].sex ?? 0 }, known.map { respondents[$0].age ?? 0 }]
      guard let raked = Raking.weights(categories: categories, margins: [population.sex.map(Double.init), population.age.map(Double.init)]) else {
        throw WeightingError(areaCode: code)
      }
      for (member, weight) in zip(known, raked) { result[member] = weight }
      let mean = raked.reduce(0, +) / Double(raked.count)
      for member in members where result[member] == nil { result[member] = mean }
    }
    return result
  }
}

/// An area's margins could not be reached: a sex or age band with inhabitants has no respondents.
public struct WeightingError: Error, CustomStringConvertible, Sendable {
  public var areaCode: String
  public var description: String {
    "In \(areaCode) a sex or age band with inhabitants has no respondents, so it cannot be weighted; leave out --weighted or merge areas."
  }
}

extension Weighting {
  /// Each area's own margins: its row in the population file, or else the sum of its children's margins
  /// when every child has margins (recursively). Areas with neither have no margins and no weighted
  /// figures. By tree index.
  public static func margins(populations: [AreaPopulation], tree: AreaTree) -> [Int: AreaPopulation] {
    let byCode = Dictionary(populations.map { ($0.areaCode, $0) }, uniquingKeysWith: { first, _ in first })
    var result: [Int: AreaPopulation] = [:]
    // Children come after their parents, so walking backwards has every child's margins ready.
    for area in tree.areas.indices.reversed() {
      let code = tree.areas[area].code
      if let own = byCode[code] {
        result[area] = own
        continue
      }
      let children = tree.children[area]
      guard !children.isEmpty, children.allSatisfy({ result[$0] != nil }) else { continue }
      var sum = AreaPopulation(areaCode: code, sex: [0, 0], age: [0, 0, 0, 0])
      for child in children {
        guard let margins = result[child] else { continue }
        sum.sex = zip(sum.sex, margins.sex).map { $0 + $1 }
        sum.age = zip(sum.age, margins.age).map { $0 + $1 }
      }
      result[area] = sum
    }
    return result
  }

  /// Weights that rake the respondents of every area of `level` that has margins to those margins: per
  /// respondent, the weight for the figures of that level (nil: its area at that level has no margins).
  public static func weights(respondents: [Respondent], margins: [Int: AreaPopulation], tree: AreaTree, level: AreaLevel) throws -> [Double?] {
    let own = margins.filter { tree.areas[$0.key].level == level }.map(\.value)
    return try weights(respondents: respondents, populations: own, tree: tree)
  }
}
