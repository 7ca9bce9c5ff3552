/// One figure of a profile: an area, a part and a dimension (and a breakdown category), with its
/// statistics and comparisons, or suppressed.
public struct ProfileFigure: Sendable, Equatable {
  public var area: Area
  public var partID: String
  public var dimension: Dimension
  /// The breakdown category (a choice id), or nil for everyone in the area.
  public var category: String?
  /// Too few respondents (exactly or after perturbation), or none: no figure may be shown.
  public var suppressed: Bool
  /// The statistics; nil when suppressed or nobody answered.
  public var summary: ScoreSummary?
  /// This area minus the rest of its parent area (the parent without this area: nested samples).
  public var versusParent: Difference?
  /// This area minus the rest of its gemeente (the gemeente without this area).
  public var versusRest: Difference?
  /// This round minus the previous round, same area.
  public var versusPrevious: Difference?
}

/// The number of respondents of an area in a part (with at least one score there), and in a breakdown
/// category: a protected cell of its own, perturbed and suppressed by the same cell-key rule as every figure.
public struct ProfileRespondents: Sendable, Equatable {
  public var area: Area
  public var partID: String
  /// The breakdown category (a choice id), or nil for everyone in the area.
  public var category: String?
  /// The published (perturbed) number of respondents; nil when suppressed.
  public var n: Int?
  public var suppressed: Bool { n == nil }
}

/// A neighbourhood profile: every figure of a round as published, protected by the cell-key method.
public struct Profile: Sendable {
  public var figures: [ProfileFigure]
  /// The number of respondents per area, part and category (when there is a breakdown, also everyone).
  public var respondents: [ProfileRespondents] = [] {
    didSet { respondentIndex = Self.index(respondents) }
  }
  private var respondentIndex: [String: Int] = [:]

  private static func key(_ code: String, _ partID: String, _ category: String?) -> String {
    code + "\u{1}" + partID + "\u{1}" + (category.map { "=" + $0 } ?? "")
  }

  private static func index(_ respondents: [ProfileRespondents]) -> [String: Int] {
    Dictionary(respondents.enumerated().map { (key($1.area.code, $1.partID, $1.category), $0) }, uniquingKeysWith: { first, _ in first })
  }

  public init(figures: [ProfileFigure], respondents: [ProfileRespondents], minimumGroupSize: Int, weighted: Bool,
              breakdown: String?, categories: [String], previousMinimumGroupSize: Int?) {
    self.figures = figures
    self.respondents = respondents
    respondentIndex = Self.index(respondents)
    self.minimumGroupSize = minimumGroupSize
    self.weighted = weighted
    self.breakdown = breakdown
    self.categories = categories
    self.previousMinimumGroupSize = previousMinimumGroupSize
  }
  public var minimumGroupSize: Int
  public var weighted: Bool
  public var breakdown: String?
  public var categories: [String]
  /// The minimum group size applied to the previous round's figures (its own, or the raised minimum).
  public var previousMinimumGroupSize: Int?

  /// The respondents of a figure's area, part and category.
  public func respondents(of figure: ProfileFigure) -> ProfileRespondents? {
    respondents(area: figure.area.code, partID: figure.partID, category: figure.category)
  }

  /// The respondents of an area in a part (and category; nil for everyone).
  public func respondents(area code: String, partID: String, category: String?) -> ProfileRespondents? {
    respondentIndex[Self.key(code, partID, category)].map { respondents[$0] }
  }

  /// How figures are computed: protected (always, for publication) or exact (only for testing the
  /// arithmetic against independent computations).
  enum Protection { case cellKey, exact }

  /// Builds the published figures from rolled-up totals (and the previous round's, for trends).
  ///
  /// Every figure, including the groups compared with (the rest of the parent, the rest of the gemeente,
  /// the same area in the previous round), goes through `ScoreAccumulator.published(minimum:)`: groups below
  /// the minimum are hidden and all others are perturbed by their cell key, so no combination of figures
  /// gives a hidden group exactly. `previousRule` is the previous round's own minimum (raised to `rule`'s
  /// when that is higher); without it `rule` applies. For weighted totals, `counts` and `previousCounts` are
  /// the same rounds unweighted: their counts and cell keys decide suppression and the published n (and the
  /// respondents), so the weighted and unweighted publications hide the same groups and show the same n.
  public static func build(
    totals: ProfileTotals, previous: ProfileTotals?, rule: SuppressionRule, previousRule: SuppressionRule? = nil,
    breakdown: String? = nil, weighted: Bool = false, counts: ProfileTotals? = nil, previousCounts: ProfileTotals? = nil
  ) -> Profile {
    build(totals: totals, previous: previous, rule: rule, previousRule: previousRule, breakdown: breakdown, weighted: weighted,
          protection: .cellKey, counts: counts, previousCounts: previousCounts)
  }

  static func build(
    totals: ProfileTotals, previous: ProfileTotals?, rule: SuppressionRule, previousRule: SuppressionRule?,
    breakdown: String?, weighted: Bool, protection: Protection, counts: ProfileTotals? = nil, previousCounts: ProfileTotals? = nil
  ) -> Profile {
    let tree = totals.tree
    let minimum = rule.minimumGroupSize
    let previousMinimum = max(previousRule?.minimumGroupSize ?? minimum, minimum)
    func publish(_ accumulator: ScoreAccumulator, _ counted: ScoreAccumulator?, _ minimum: Int) -> ScoreSummary? {
      switch protection {
      case .cellKey: return accumulator.published(minimum: minimum, counted: counted)
      case .exact: return accumulator.count >= minimum && (counted?.count ?? minimum) >= minimum ? accumulator.summary() : nil
      }
    }
    var figures: [ProfileFigure] = []
    var respondents: [ProfileRespondents] = []
    let categoryCount = totals.categories.count + 1
    let people = counts ?? totals
    for (part, partID) in totals.partIDs.enumerated() {
      for area in tree.areas.indices {
        for category in 0 ..< categoryCount {
          let group = people.respondents(area: area, part: part, category: category == 0 ? nil : category - 1)
          let n: Int? = switch protection {
          case .cellKey: group.published(minimum: minimum)
          case .exact: group.count >= minimum ? group.count : nil
          }
          respondents.append(ProfileRespondents(
            area: tree.areas[area], partID: partID, category: category == 0 ? nil : totals.categories[category - 1], n: n))
        }
      }
      let previousPart = previous?.partIDs.firstIndex(of: partID)
      for (dimensionIndex, dimension) in Dimension.allCases.enumerated() {
        func accumulator(_ totals: ProfileTotals, _ area: Int, _ part: Int, _ category: Int) -> ScoreAccumulator {
          totals.accumulator(area: area, part: part, dimension: dimensionIndex, category: category == 0 ? nil : category - 1)
        }
        for area in tree.areas.indices {
          for category in 0 ..< categoryCount {
            let own = accumulator(totals, area, part, category)
            let ownCount = counts.map { accumulator($0, area, part, category) }
            let summary = publish(own, ownCount, minimum)
            /// The rest of `whole` without this area: a published group of its own.
            func publishRest(_ whole: Int) -> ScoreSummary? {
              publish(accumulator(totals, whole, part, category).subtracting(own),
                      counts.map { accumulator($0, whole, part, category).subtracting(accumulator($0, area, part, category)) }, minimum)
            }
            var figure = ProfileFigure(
              area: tree.areas[area], partID: partID, dimension: dimension,
              category: category == 0 ? nil : totals.categories[category - 1], suppressed: summary == nil, summary: summary)
            if let summary {
              if let parent = tree.parent[area],
                 let rest = publishRest(parent) {
                figure.versusParent = Comparison.welch(summary, rest)
              }
              let root = tree.root(of: area)
              if root != area, let rest = publishRest(root) {
                figure.versusRest = Comparison.welch(summary, rest)
              }
              if let previous, let previousPart, category < previous.categories.count + 1,
                 let before = publish(accumulator(previous, area, previousPart, category),
                                      previousCounts.map { accumulator($0, area, previousPart, category) }, previousMinimum) {
                figure.versusPrevious = Comparison.welch(summary, before)
              }
            }
            figures.append(figure)
          }
        }
      }
    }
    return Profile(figures: figures, respondents: respondents, minimumGroupSize: minimum, weighted: weighted, breakdown: breakdown,
                   categories: totals.categories, previousMinimumGroupSize: previous == nil ? nil : previousMinimum)
  }
}
