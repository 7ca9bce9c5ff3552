import WijkwebCore

/// An attack on a round's publication, as a coordinator's check: every published figure (all levels, no
/// breakdown and each breakdown, the comparisons with the rest of the parent and of the gemeente) becomes a
/// linear constraint on the unknown counts and score sums per recorded area and breakdown category, and
/// linear programming finds the tightest bounds an attacker can prove on every small group (1 to
/// minimum − 1 respondents): each area × category group and each hidden published cell. A group is
/// disclosed when its n is pinned to one value or its mean to within ±0.5. Docs/disclosure.md describes
/// the model; Tests/EndToEnd/disclosure_attack.py is an independent implementation of the same attack.
public enum DisclosureAudit {
  /// Respondents recorded in one area, in one category of one breakdown (nil: "no answer").
  public struct Group: Hashable, Sendable {
    public var area: String
    public var breakdown: String
    public var category: String?
    public init(area: String, breakdown: String, category: String?) {
      self.area = area
      self.breakdown = breakdown
      self.category = category
    }
  }

  /// A group's real size and score sum.
  public struct Truth: Sendable {
    public var count = 0
    public var sum = 0.0
    public init() {}
  }

  public struct Finding: Sendable, CustomStringConvertible {
    public var partID: String
    /// The dimension, or nil for the number of respondents.
    public var dimension: Dimension?
    public var group: String
    /// Whether the group's own figure is suppressed (hidden) in the publication.
    public var hidden = false
    /// What the attack found, in any language.
    public var finding: LocalizedMessage
    /// What the attack found, in English.
    public var detail: String { finding.text(.english) }
    public var description: String { text(.english) }

    /// The finding in `language`: part/dimension (or respondents), the group, what was found.
    public func text(_ language: Language) -> String {
      let what = dimension?.key ?? UIString.disclosureRespondents.text(language)
      let name = hidden ? group + " " + UIString.disclosureHidden.text(language) : group
      return "\(partID)/\(what): \(name): \(finding.text(language))"
    }
  }

  /// One published cell of a dimension (a figure) or of the respondents (a count only).
  struct Cell {
    var area: Area
    var category: String?
    var suppressed: Bool
    var n: Int?
    var mean: Double?
    var versusParent: Difference?
    var versusRest: Difference?

    /// The cells of a part and dimension in a profile; dimension nil: the numbers of respondents.
    static func of(_ profile: Profile, partID: String, dimension: Dimension?) -> [Cell] {
      guard let dimension else {
        return profile.respondents.filter { $0.partID == partID }.map {
          Cell(area: $0.area, category: $0.category, suppressed: $0.suppressed, n: $0.n)
        }
      }
      return profile.figures.filter { $0.partID == partID && $0.dimension == dimension }.map {
        Cell(area: $0.area, category: $0.category, suppressed: $0.suppressed || $0.summary == nil, n: $0.summary?.n,
             mean: $0.summary?.mean, versusParent: $0.versusParent, versusRest: $0.versusRest)
      }
    }
  }

  public struct Result: Sendable {
    public var findings: [Finding]
    public var groupsChecked: Int
  }

  /// What the attacker knows of the perturbation: the largest change of a published count and of a
  /// published sum (the method's published parameters; 0 and 0 for a publication of exact figures).
  public struct Slack: Sendable {
    public var count: Double
    public var sum: Double
    public init(count: Double, sum: Double) {
      self.count = count
      self.sum = sum
    }
    public static let cellKey = Slack(count: Double(CellKey.maximumCountChange), sum: CellKey.maximumSumChange)
  }

  /// Attacks the publication: `profiles` by breakdown id ("" for none), `truth` per part id and dimension
  /// (nil: the respondents, who answered at least one statement of the part; their sums are not used).
  public static func run(tree: AreaTree, profiles: [String: Profile], truth: [String: [Dimension?: [Group: Truth]]],
                         slack: Slack = .cellKey) -> Result {
    guard let plain = profiles[""] else { return Result(findings: [], groupsChecked: 0) }
    let breakdowns = profiles.keys.filter { !$0.isEmpty }.sorted()
    var findings: [Finding] = []
    var checked = 0
    let parts = Array(Set(plain.figures.map(\.partID))).sorted()
    for partID in parts {
      for dimension in [nil] + Dimension.allCases.map(Optional.some) {
        let model = Model(tree: tree, breakdowns: breakdowns, profiles: profiles, minimum: plain.minimumGroupSize, slack: slack)
        model.add(partID: partID, dimension: dimension)
        let program = LinearProgram(columns: model.columnCount, rows: model.rows)
        let groups = truth[partID]?[dimension] ?? [:]
        var targets: [(String, Bool, [Int: Double], [Int: Double], Truth)] = []
        for (group, real) in groups where (1 ..< model.minimum).contains(real.count) {
          guard let area = tree.index[group.area], let b = breakdowns.firstIndex(of: group.breakdown) else { continue }
          let category = model.categoryIndex(b, group.category)
          targets.append(("\(group.area)/\(group.breakdown)=\(group.category ?? "-")", false,
                          [model.column(0, area, b, category): 1], [model.column(1, area, b, category): 1], real))
        }
        for (breakdownID, profile) in profiles {
          let b = breakdownID.isEmpty ? nil : breakdowns.firstIndex(of: breakdownID)
          for figure in Cell.of(profile, partID: partID, dimension: dimension) where figure.suppressed {
            if b != nil && figure.category == nil { continue }
            guard let area = tree.index[figure.area.code] else { continue }
            var real = Truth()
            for code in [area] + tree.descendants(of: area) {
              let key = Group(area: tree.areas[code].code, breakdown: breakdownID.isEmpty ? (breakdowns.first ?? "") : breakdownID,
                              category: figure.category)
              if b == nil {
                for (group, value) in groups where group.area == key.area && group.breakdown == key.breakdown {
                  real.count += value.count
                  real.sum += value.sum
                }
              } else if let value = groups[key] {
                real.count += value.count
                real.sum += value.sum
              }
            }
            guard (1 ..< model.minimum).contains(real.count) else { continue }
            targets.append(("\(figure.area.code)/\(breakdownID.isEmpty ? "-" : breakdownID)=\(figure.category ?? "-")", true,
                            model.cell(0, area, b, figure.category), model.cell(1, area, b, figure.category), real))
          }
        }
        for (name, hidden, countExpression, sumExpression, real) in targets {
          checked += 1
          func found(_ finding: LocalizedMessage) {
            findings.append(Finding(partID: partID, dimension: dimension, group: name, hidden: hidden, finding: finding))
          }
          guard let (low, high) = program.bounds(of: countExpression) else {
            found(LocalizedMessage(.disclosureNoSolution))
            continue
          }
          if high - low < 1 - 1e-6 {
            found(LocalizedMessage(.disclosureCountPinned, real.count, low, high))
            continue
          }
          if low >= 1 - 1e-6, let (sumLow, sumHigh) = program.bounds(of: sumExpression), sumHigh / low - sumLow / high < 1 {
            found(LocalizedMessage(.disclosureMeanBounded))
          }
        }
      }
    }
    return Result(findings: findings, groupsChecked: checked)
  }

  /// The variables and constraints of one part and dimension.
  final class Model {
    let tree: AreaTree
    let breakdowns: [String]
    let profiles: [String: Profile]
    let minimum: Int
    let slack: Slack
    /// Per breakdown, its categories and then "no answer".
    let categories: [[String?]]
    /// Columns per area: count and sum of everyone, then per breakdown and category a count and a sum.
    let perArea: Int
    var rows: [LinearProgram.Row] = []

    init(tree: AreaTree, breakdowns: [String], profiles: [String: Profile], minimum: Int, slack: Slack) {
      self.slack = slack
      self.tree = tree
      self.breakdowns = breakdowns
      self.profiles = profiles
      self.minimum = minimum
      categories = breakdowns.map { id in (profiles[id]?.categories ?? []).map(Optional.some) + [nil] }
      perArea = 2 * (1 + categories.reduce(0) { $0 + $1.count })
    }

    var columnCount: Int { tree.areas.count * perArea }

    func categoryIndex(_ breakdown: Int, _ category: String?) -> Int {
      categories[breakdown].firstIndex(of: category) ?? (categories[breakdown].count - 1)
    }

    /// The column of a count (kind 0) or sum (kind 1) of an area's own respondents; breakdown nil: everyone.
    func column(_ kind: Int, _ area: Int, _ breakdown: Int?, _ category: Int) -> Int {
      guard let breakdown else { return area * perArea + kind }
      let before = categories[..<breakdown].reduce(0) { $0 + $1.count }
      return area * perArea + 2 + 2 * (before + category) + kind
    }

    /// The count or sum of a published cell: the area and everything below it.
    func cell(_ kind: Int, _ area: Int, _ breakdown: Int?, _ category: String?, sign: Double = 1, into: [Int: Double] = [:]) -> [Int: Double] {
      var result = into
      let index = breakdown.map { categoryIndex($0, category) } ?? 0
      for code in [area] + tree.descendants(of: area) {
        result[column(kind, code, breakdown, index), default: 0] += sign
      }
      return result
    }

    func add(partID: String, dimension: Dimension?) {
      let maximum = 10.0
      for area in tree.areas.indices {
        rows.append(.init([column(1, area, nil, 0): 1, column(0, area, nil, 0): -maximum], low: -.infinity, high: 0))
        for b in breakdowns.indices {
          for kind in 0 ... 1 {
            var row: [Int: Double] = [column(kind, area, nil, 0): -1]
            for category in categories[b].indices { row[column(kind, area, b, category)] = 1 }
            rows.append(.init(row, low: 0, high: 0))
          }
          for category in categories[b].indices {
            rows.append(.init([column(1, area, b, category): 1, column(0, area, b, category): -maximum], low: -.infinity, high: 0))
          }
        }
      }
      for (breakdownID, profile) in profiles {
        let b = breakdownID.isEmpty ? nil : breakdowns.firstIndex(of: breakdownID)
        for figure in Cell.of(profile, partID: partID, dimension: dimension) {
          if b != nil && figure.category == nil { continue }
          guard let area = tree.index[figure.area.code] else { continue }
          let count = cell(0, area, b, figure.category)
          guard !figure.suppressed, let published = figure.n else {
            rows.append(.init(count, low: 0, high: Double(minimum - 1) + slack.count))
            continue
          }
          let n = Double(published)
          rows.append(.init(count, low: max(Double(minimum), n - slack.count), high: n + slack.count))
          guard let mean = figure.mean else { continue }
          addMean(cell(1, area, b, figure.category), count, mean)
          let rests: [(Difference?, Int?)] = [(figure.versusParent, tree.parent[area]),
                                              (figure.versusRest, tree.root(of: area) == area ? nil : tree.root(of: area))]
          for case let (difference?, other?) in rests {
            let restCount = cell(0, area, b, figure.category, sign: -1, into: cell(0, other, b, figure.category))
            let restSum = cell(1, area, b, figure.category, sign: -1, into: cell(1, other, b, figure.category))
            rows.append(.init(restCount, low: Double(minimum), high: .infinity))
            addMean(restSum, restCount, mean - difference.estimate)
          }
        }
      }
    }

    /// |sum − mean · n| ≤ the largest sum change.
    func addMean(_ sum: [Int: Double], _ count: [Int: Double], _ mean: Double) {
      var row = sum
      for (key, value) in count { row[key, default: 0] -= mean * value }
      rows.append(.init(row, low: -slack.sum - 1e-6, high: slack.sum + 1e-6))
    }
  }
}
