/// Suppression across the whole profile: the area hierarchy and breakdown tables together.
///
/// A group is shown only when it has at least the minimum number of respondents (primary suppression).
/// Then, for every shown group, the groups inside it (its sub-areas, or the categories of a breakdown)
/// are checked: whatever is hidden inside it (suppressed sub-groups plus respondents in no shown
/// sub-group) must be nobody or at least the minimum, otherwise "total minus the shown parts" would
/// reveal a small group; the smallest shown sub-group is suppressed too until that holds (secondary
/// suppression), or the parent itself when no sub-group is left. Everything below a suppressed area is
/// suppressed as well. The checks repeat until nothing changes, so a suppression made in one table is
/// respected in every other.
public enum ProfileSuppression {
  /// Decides which cells to suppress. `counts[area][category]`: respondents per area (rolled up) and
  /// category, category 0 being everyone; returns the same shape, true where suppressed.
  public static func suppressed(counts: [[Int]], tree: AreaTree, minimum: Int) -> [[Bool]] {
    let categoryCount = counts.first?.count ?? 1
    var hidden = counts.map { row in row.map { $0 < minimum } }
    var changed = true
    var rounds = 0
    while changed && rounds < 100 {
      changed = false
      rounds += 1
      // The area hierarchy, for everyone and for each category.
      for category in 0 ..< categoryCount {
        for area in tree.areas.indices {
          if hidden[area][category] {
            for below in tree.descendants(of: area) where !hidden[below][category] {
              hidden[below][category] = true
              changed = true
            }
            continue
          }
          let children = tree.children[area]
          if children.isEmpty { continue }
          if protect(total: counts[area][category], parts: children.map { counts[$0][category] },
                     hidden: children.map { hidden[$0][category] }, minimum: minimum, apply: { index in
                       hidden[children[index]][category] = true
                     }, hideTotal: { hidden[area][category] = true }) {
            changed = true
          }
        }
      }
      // The breakdown of each area over the categories.
      if categoryCount > 1 {
        for area in tree.areas.indices where !hidden[area][0] {
          let cells = Array(1 ..< categoryCount)
          if protect(total: counts[area][0], parts: cells.map { counts[area][$0] }, hidden: cells.map { hidden[area][$0] },
                     minimum: minimum, apply: { index in hidden[area][cells[index]] = true },
                     hideTotal: { hidden[area][0] = true }) {
            changed = true
          }
        }
      }
    }
    return hidden
  }

  /// Applies the secondary rule to one shown total and its parts; returns whether anything changed.
  static func protect(total: Int, parts: [Int], hidden: [Bool], minimum: Int, apply: (Int) -> Void, hideTotal: () -> Void) -> Bool {
    let result = Suppression.suppressedCells(parent: total, children: parts, rule: SuppressionRule(minimumGroupSize: minimum),
                                             alreadyHidden: hidden)
    var changed = false
    for index in parts.indices where result.children[index] && !hidden[index] {
      apply(index)
      changed = true
    }
    if result.parentSuppressed {
      hideTotal()
      changed = true
    }
    return changed
  }
}
