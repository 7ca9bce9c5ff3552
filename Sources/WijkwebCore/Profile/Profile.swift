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

/// A neighbourhood profile: every figure of a round as published, protected by the cell-key method.
public struct Profile: Sendable {
  public var figures: [ProfileFigure]
  public var minimumGroupSize: Int
  public var weighted: Bool
  public var breakdown: String?
  public var categories: [String]
  /// The minimum group size applied to the previous round's figures (its own, or the raised minimum).
  public var previousMinimumGroupSize: Int?

  /// How figures are computed: protected (always, for publication) or exact (only for testing the
  /// arithmetic against independent computations).
  enum Protection { case cellKey, exact }

  /// Builds the published figures from rolled-up totals (and the previous round's, for trends).
  ///
  /// Every figure, including the groups compared with (the rest of the parent, the rest of the gemeente,
  /// the same area in the previous round), goes through `ScoreAccumulator.published(minimum:)`: groups below
  /// the minimum are hidden and all others are perturbed by their cell key, so no combination of figures
  /// gives a hidden group exactly. `previousRule` is the previous round's own minimum (raised to `rule`'s
  /// when that is higher); without it `rule` applies.
  public static func build(
    totals: ProfileTotals, previous: ProfileTotals?, rule: SuppressionRule, previousRule: SuppressionRule? = nil,
    breakdown: String? = nil, weighted: Bool = false
  ) -> Profile {
    build(totals: totals, previous: previous, rule: rule, previousRule: previousRule, breakdown: breakdown, weighted: weighted,
          protection: .cellKey)
  }

  static func build(
    totals: ProfileTotals, previous: ProfileTotals?, rule: SuppressionRule, previousRule: SuppressionRule?,
    breakdown: String?, weighted: Bool, protection: Protection
  ) -> Profile {
    let tree = totals.tree
    let minimum = rule.minimumGroupSize
    let previousMinimum = max(previousRule?.minimumGroupSize ?? minimum, minimum)
    func publish(_ accumulator: ScoreAccumulator, _ minimum: Int) -> ScoreSummary? {
      switch protection {
      case .cellKey: return accumulator.published(minimum: minimum)
      case .exact: return accumulator.count >= minimum ? accumulator.summary() : nil
      }
    }
    var figures: [ProfileFigure] = []
    let categoryCount = totals.categories.count + 1
    for (part, partID) in totals.partIDs.enumerated() {
      let previousPart = previous?.partIDs.firstIndex(of: partID)
      for (dimensionIndex, dimension) in Dimension.allCases.enumerated() {
        func accumulator(_ totals: ProfileTotals, _ area: Int, _ part: Int, _ category: Int) -> ScoreAccumulator {
          totals.accumulator(area: area, part: part, dimension: dimensionIndex, category: category == 0 ? nil : category - 1)
        }
        for area in tree.areas.indices {
          for category in 0 ..< categoryCount {
            let own = accumulator(totals, area, part, category)
            let summary = publish(own, minimum)
            var figure = ProfileFigure(
              area: tree.areas[area], partID: partID, dimension: dimension,
              category: category == 0 ? nil : totals.categories[category - 1], suppressed: summary == nil, summary: summary)
            if let summary {
              if let parent = tree.parent[area],
                 let rest = publish(accumulator(totals, parent, part, category).subtracting(own), minimum) {
                figure.versusParent = Comparison.welch(summary, rest)
              }
              let root = tree.root(of: area)
              if root != area, let rest = publish(accumulator(totals, root, part, category).subtracting(own), minimum) {
                figure.versusRest = Comparison.welch(summary, rest)
              }
              if let previous, let previousPart, category < previous.categories.count + 1,
                 let before = publish(accumulator(previous, area, previousPart, category), previousMinimum) {
                figure.versusPrevious = Comparison.welch(summary, before)
              }
            }
            figures.append(figure)
          }
        }
      }
    }
    return Profile(figures: figures, minimumGroupSize: minimum, weighted: weighted, breakdown: breakdown,
                   categories: totals.categories, previousMinimumGroupSize: previous == nil ? nil : previousMinimum)
  }
}
