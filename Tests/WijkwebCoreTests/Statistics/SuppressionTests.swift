import Testing
@testable import WijkwebCore

/// SplitMix64 (Steele, Lea & Flood 2014), so the random tables are the same on every run.
struct StatisticsSplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A number in 0..<bound.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

@Suite struct StatisticsSuppressionTests {
  static let rule = SuppressionRule()

  @Test func ruleMinimumIsAtLeastFive() {
    #expect(SuppressionRule().minimumGroupSize == 10)
    #expect(SuppressionRule(minimumGroupSize: 2).minimumGroupSize == 5)
    #expect(SuppressionRule(minimumGroupSize: 25).minimumGroupSize == 25)
    var rule = SuppressionRule()
    rule.minimumGroupSize = 1
    #expect(rule.minimumGroupSize == 5)
  }

  @Test(arguments: [
    (100, [50, 50], false, [false, false]),  // nothing small, nothing hidden
    (100, [90, 3, 4, 3], false, [false, true, true, true]),  // the hidden cells add up to 10
    (100, [60, 36, 4], false, [false, true, true]),  // 4 alone is recoverable: hide the next smallest
    (100, [50, 47], false, [false, true]),  // a rest of 3 is recoverable: hide 47
    (100, [95], false, [true]),  // rest 5
    (100, [], false, []),  // only a rest, of 100
    (100, [70, 30], false, [false, false]),
    (80, [50, 20], false, [false, false]),  // rest 10 is big enough
    (12, [9], false, [true]),  // 9 plus rest 3 = 12
    (15, [11, 4], false, [true, true]),  // 4 then 11 hidden: only the parent is shown
    (15, [11, 4, 0], false, [true, true, true]),
    (100, [40, 0, 60], false, [false, true, false]),  // an empty group is hidden but is no risk
    (8, [5, 3], true, [true, true]),  // parent too small
    (100, [30, 30, 35, 2, 3], false, [true, false, false, true, true]),  // smallest first, then the first on a tie
  ])
  func examples(parent: Int, children: [Int], parentHidden: Bool, hidden: [Bool]) {
    let result = Suppression.suppressedCells(parent: parent, children: children, rule: Self.rule)
    #expect(result.parentSuppressed == parentHidden)
    #expect(result.children == hidden)
  }

  @Test func tableHidesEverythingWhenTheTotalIsHidden() {
    #expect(Suppression.suppressedTable(total: 7, cells: [4, 3], rule: Self.rule) == [true, true])
    #expect(Suppression.suppressedTable(total: 40, cells: [20, 15, 5], rule: Self.rule) == [false, true, true])
    #expect(Suppression.suppressedTable(total: 40, cells: [12, 12, 11, 5], rule: SuppressionRule(minimumGroupSize: 5))
      == [false, false, false, false])
  }

  /// Many random tables: no small group is shown, and for a shown parent the part that subtraction reveals
  /// (parent minus the shown groups) is empty or at least the minimum, so no hidden group below the
  /// minimum can be derived. Secondary suppression stops as soon as it is safe.
  @Test func randomTablesNeverRevealASmallGroup() {
    var random = StatisticsSplitMix64(state: 20_240_601)
    var secondaryCount = 0
    for _ in 0 ..< 20_000 {
      let minimum = 5 + random.below(16)
      let rule = SuppressionRule(minimumGroupSize: minimum)
      let childCount = random.below(8)
      let children = (0 ..< childCount).map { _ in
        switch random.below(4) {
        case 0: random.below(minimum)
        case 1: random.below(3)
        default: random.below(4 * minimum)
        }
      }
      let rest = random.below(3) == 0 ? random.below(2 * minimum) : 0
      let parent = children.reduce(0, +) + rest
      let result = Suppression.suppressedCells(parent: parent, children: children, rule: rule)
      let table = Suppression.suppressedTable(total: parent, cells: children, rule: rule)

      #expect(result.children.count == children.count && table.count == children.count)
      for (n, hidden) in zip(children, result.children) where n < minimum { #expect(hidden, "group of \(n) shown") }
      for (n, hidden) in zip(children, table) where n < minimum { #expect(hidden, "cell of \(n) shown") }
      // Hiding every group leaves the parent itself as the revealed part, so a parent of at least the
      // minimum is always shown.
      #expect(result.parentSuppressed == (parent < minimum))
      if result.parentSuppressed {
        #expect(table.allSatisfy { $0 })
        continue
      }
      #expect(table == result.children)
      let revealed = parent - zip(children, result.children).reduce(0) { $0 + ($1.1 ? 0 : $1.0) }
      #expect(revealed == 0 || revealed >= minimum, "parent \(parent) children \(children) reveal \(revealed)")
      let hiddenNonEmpty = zip(children, result.children).filter { $0.1 && $0.0 > 0 }.map(\.0) + (rest > 0 ? [rest] : [])
      if hiddenNonEmpty.count == 1 { #expect(hiddenNonEmpty[0] >= minimum, "a single small hidden group") }

      // Not more than needed: without the last (largest) secondary suppression the revealed part was small.
      let secondary = zip(children, result.children).filter { $0.1 && $0.0 >= minimum }.map(\.0)
      if let largest = secondary.max() {
        secondaryCount += 1
        let before = revealed - largest
        #expect(before > 0 && before < minimum, "parent \(parent) children \(children): needless suppression")
      }
    }
    #expect(secondaryCount > 1000, "the random tables exercise secondary suppression")
  }
}
