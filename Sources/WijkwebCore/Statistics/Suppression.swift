/// The privacy threshold for publishing group statistics.
public struct SuppressionRule: Sendable, Equatable {
  /// The lowest minimum group size a rule can have.
  public static let smallestMinimum = 5

  /// Groups with fewer respondents than this are never shown; never below 5.
  public var minimumGroupSize: Int {
    didSet { if minimumGroupSize < Self.smallestMinimum { minimumGroupSize = Self.smallestMinimum } }
  }

  /// A rule with the given minimum group size (default 10), raised to 5 when lower.
  public init(minimumGroupSize: Int = 10) {
    self.minimumGroupSize = max(Self.smallestMinimum, minimumGroupSize)
  }
}

/// Which groups of a table may be shown without revealing a small group, directly or by subtraction.
///
/// A table is a parent group (say a gemeente, or all respondents of an area) with groups inside it (wijken,
/// age bands). The groups need not cover the parent: the respondents in no group form a hidden rest
/// group, which is never published itself.
///
/// The rule, in plain words:
/// 1. Primary suppression: every group with fewer respondents than the minimum is hidden, also the
///    parent. Empty groups (n = 0) are hidden too; they carry no risk but have nothing to show.
/// 2. Secondary suppression, when the parent is shown: the parent minus the shown groups is the hidden
///    part (hidden groups plus the rest group). Anyone can work it out by subtraction, so it must be
///    either empty or at least the minimum. While it is smaller, the smallest shown group (the first one on
///    a tie) is hidden as well. Hiding every group makes the hidden part the whole parent, which is at
///    least the minimum, so a parent that passes step 1 stays shown.
/// A single hidden cell can therefore only be worked out when it is at least the minimum (the rest group
/// of, say, 50 respondents without a wijk), and several small hidden cells never add up to a small
/// recoverable group.
public enum Suppression {
  /// Which of a parent and its groups to hide; `parent` and `children` are respondent counts, and
  /// `children` are the groups inside the parent (covering it fully or not). `alreadyHidden` marks groups
  /// hidden for another reason (in another table), which stay hidden.
  public static func suppressedCells(
    parent: Int, children: [Int], rule: SuppressionRule, alreadyHidden: [Bool]? = nil
  ) -> (parentSuppressed: Bool, children: [Bool]) {
    let minimum = rule.minimumGroupSize
    var hidden = children.indices.map { children[$0] < minimum || (alreadyHidden?[$0] ?? false) }
    if parent < minimum { return (true, hidden) }
    let rest = max(0, parent - children.reduce(0) { $0 + max(0, $1) })
    var hiddenTotal = rest + zip(children, hidden).reduce(0) { $0 + ($1.1 ? max(0, $1.0) : 0) }
    while hiddenTotal > 0, hiddenTotal < minimum {
      let shown = children.indices.filter { !hidden[$0] }
      guard let next = shown.min(by: { (children[$0], $0) < (children[$1], $1) }) else { return (true, hidden) }
      hidden[next] = true
      hiddenTotal += children[next]
    }
    return (false, hidden)
  }

  /// Which cells of a breakdown (age bands within an area, say) to hide, with `total` the respondents of
  /// the whole breakdown; the same rule as `suppressedCells(parent:children:rule:)`. When even the total
  /// cannot be shown, every cell is hidden.
  public static func suppressedTable(total: Int, cells: [Int], rule: SuppressionRule) -> [Bool] {
    let result = suppressedCells(parent: total, children: cells, rule: rule)
    return result.parentSuppressed ? cells.map { _ in true } : result.children
  }
}
