/// One figure of a profile: an area, a part and a dimension (and a breakdown category), with its
/// statistics and comparisons, or suppressed.
public struct ProfileFigure: Sendable, Equatable {
  public var area: Area
  public var partID: String
  public var dimension: Dimension
  /// The breakdown category (a choice id), or nil for everyone in the area.
  public var category: String?
  /// Too few respondents (or protecting another small group): no figure may be shown.
  public var suppressed: Bool
  /// The statistics; nil when suppressed or nobody answered.
  public var summary: ScoreSummary?
  /// This area minus its parent area.
  public var versusParent: Difference?
  /// This area minus the rest of its gemeente.
  public var versusRest: Difference?
  /// This round minus the previous round, same area.
  public var versusPrevious: Difference?
}

/// A neighbourhood profile: every figure of a round, suppression applied.
public struct Profile: Sendable {
  public var figures: [ProfileFigure]
  public var minimumGroupSize: Int
  public var weighted: Bool
  public var breakdown: String?
  public var categories: [String]

  /// Builds the figures from rolled-up totals (and the previous round's, for trends).
  public static func build(
    totals: ProfileTotals, previous: ProfileTotals?, rule: SuppressionRule, breakdown: String? = nil, weighted: Bool = false
  ) -> Profile {
    let tree = totals.tree
    let minimum = rule.minimumGroupSize
    var figures: [ProfileFigure] = []
    let categoryCount = totals.categories.count + 1
    for (part, partID) in totals.partIDs.enumerated() {
      let previousPart = previous?.partIDs.firstIndex(of: partID)
      for (dimensionIndex, dimension) in Dimension.allCases.enumerated() {
        func accumulator(_ totals: ProfileTotals, _ area: Int, _ part: Int, _ category: Int) -> ScoreAccumulator {
          totals.accumulator(area: area, part: part, dimension: dimensionIndex, category: category == 0 ? nil : category - 1)
        }
        let counts = tree.areas.indices.map { area in (0 ..< categoryCount).map { accumulator(totals, area, part, $0).count } }
        let hidden = ProfileSuppression.suppressed(counts: counts, tree: tree, minimum: minimum)
        var previousHidden: [[Bool]]?
        if let previous, let previousPart {
          let previousCounts = tree.areas.indices.map { area in
            (0 ..< categoryCount).map { category in
              category < previous.categories.count + 1 ? accumulator(previous, area, previousPart, category).count : 0
            }
          }
          previousHidden = ProfileSuppression.suppressed(counts: previousCounts, tree: tree, minimum: minimum)
        }
        for area in tree.areas.indices {
          for category in 0 ..< categoryCount {
            let own = accumulator(totals, area, part, category)
            let suppressed = hidden[area][category]
            var figure = ProfileFigure(
              area: tree.areas[area], partID: partID, dimension: dimension,
              category: category == 0 ? nil : totals.categories[category - 1], suppressed: suppressed, summary: nil)
            if !suppressed, let summary = own.summary() {
              figure.summary = summary
              if let parent = tree.parent[area], !hidden[parent][category], let parentSummary = accumulator(totals, parent, part, category).summary() {
                figure.versusParent = Comparison.welch(summary, parentSummary)
              }
              let root = tree.root(of: area)
              if root != area, !hidden[root][category] {
                let rest = accumulator(totals, root, part, category).subtracting(own)
                if rest.count >= minimum, let restSummary = rest.summary() {
                  figure.versusRest = Comparison.welch(summary, restSummary)
                }
              }
              if let previous, let previousPart, let previousHidden, category < previous.categories.count + 1,
                 !previousHidden[area][category], let before = accumulator(previous, area, previousPart, category).summary() {
                figure.versusPrevious = Comparison.welch(summary, before)
              }
            }
            figures.append(figure)
          }
        }
      }
    }
    return Profile(figures: figures, minimumGroupSize: minimum, weighted: weighted, breakdown: breakdown, categories: totals.categories)
  }
}
