import Testing
@testable import WijkwebCore

/// The aggregator counts weight-1 scores in plain arrays before they reach the histograms: its totals must
/// be exactly those of adding every score to its accumulators one by one, and its breakdown cells (per
/// category) must hold the counts and means computed directly from the rows.
@Suite struct ProfileAggregatorTests {
  static let areas = [
    Area(code: "G", level: .gemeente, name: "G", parentCode: nil),
    Area(code: "W1", level: .wijk, name: "W1", parentCode: "G"),
    Area(code: "W2", level: .wijk, name: "W2", parentCode: "G"),
  ]

  /// Rows of (area, scores, category, weight), deterministic; scores in steps of 1/7 and some missing.
  static func rows(weights: (Int) -> Double) -> [(String, [Double?], String?, Double)] {
    var random = SeededRandom(seed: 11)
    return (0 ..< 600).map { index in
      let scores: [Double?] = (0 ..< 6).map { _ in random.next() % 9 == 0 ? nil : Double(random.next() % 71) / 7 }
      let category: String? = random.next() % 4 == 0 ? nil : ["x", "y"][Int(random.next() % 2)]
      return (index % 3 == 0 ? "W1" : "W2", scores, category, weights(index))
    }
  }

  /// The totals through the aggregator against accumulators built by hand, for the areas `codes`.
  static func compare(_ rows: [(String, [Double?], String?, Double)], codes: [String]) {
    let tree = AreaTree(areas: areas)
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["p"], categories: ["x", "y"])
    var byHand: [String: [ScoreAccumulator]] = [:]
    for (area, scores, category, weight) in rows {
      aggregator.add(areaCode: area, partID: "p", scores: scores, category: category, weight: weight)
      for code in [area, "G"] {
        var cells = byHand[code] ?? Array(repeating: ScoreAccumulator(), count: 6)
        for (dimension, score) in scores.enumerated() { if let score { cells[dimension].add(score, weight: weight) } }
        byHand[code] = cells
      }
    }
    let totals = aggregator.rolledUp()
    for code in codes {
      guard let area = tree.index[code], let expected = byHand[code] else {
        Issue.record("no area \(code)")
        continue
      }
      for dimension in 0 ..< 6 {
        #expect(totals.accumulator(area: area, part: 0, dimension: dimension) == expected[dimension], "\(code) dimension \(dimension)")
      }
    }
  }

  /// The breakdown cells through the aggregator against counts and means computed from the rows with plain
  /// arithmetic (no accumulator), for every area, category (nil for everyone) and dimension.
  static func compareBreakdown(_ rows: [(String, [Double?], String?, Double)]) {
    let tree = AreaTree(areas: areas)
    let categories = ["x", "y"]
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["p"], categories: categories)
    for (area, scores, category, weight) in rows {
      aggregator.add(areaCode: area, partID: "p", scores: scores, category: category, weight: weight)
    }
    let totals = aggregator.rolledUp()
    var checkedCells = 0
    for code in ["G", "W1", "W2"] {
      guard let area = tree.index[code] else {
        Issue.record("no area \(code)")
        continue
      }
      for category in [nil] + categories.indices.map(Optional.some) {
        let members = rows.filter { row in
          (code == "G" || row.0 == code) && (category == nil || row.2 == categories[category!])
        }
        let respondents = members.filter { $0.1.contains { $0 != nil } }.count
        #expect(totals.respondents(area: area, part: 0, category: category).count == respondents, "\(code) \(String(describing: category))")
        for dimension in 0 ..< 6 {
          let answered = members.compactMap { row in row.1[dimension].map { (score: $0, weight: row.3) } }
          let cell = totals.accumulator(area: area, part: 0, dimension: dimension, category: category)
          #expect(cell.count == answered.count, "\(code) \(String(describing: category)) dimension \(dimension)")
          guard !answered.isEmpty, let summary = cell.summary() else {
            #expect(answered.isEmpty && cell.summary() == nil)
            continue
          }
          let weightSum = answered.reduce(0.0) { $0 + $1.weight }
          let mean = answered.reduce(0.0) { $0 + $1.score * $1.weight } / weightSum
          #expect(abs(summary.mean - mean) < 1e-9, "\(code) \(String(describing: category)) dimension \(dimension): \(summary.mean) vs \(mean)")
          checkedCells += 1
        }
      }
    }
    #expect(checkedCells == 3 * 3 * 6)
  }

  @Test func breakdownCellsHoldTheCountsAndMeansOfTheirRows() {
    Self.compareBreakdown(Self.rows { _ in 1 })
  }

  @Test func weightedBreakdownCellsHoldTheWeightedMeansOfTheirRows() {
    Self.compareBreakdown(Self.rows { index in index < 200 || index % 5 == 0 ? 1 : 0.37 + Double(index % 13) / 10 })
  }

  @Test func unweightedTotalsEqualAddingOneByOne() {
    Self.compare(Self.rows { _ in 1 }, codes: ["G", "W1", "W2"])
  }

  /// (The gemeente is left out here: rolling up merges wijken, which sums weights in another order.)
  @Test func weightsAfterUnweightedRowsAddInTheSameOrder() {
    Self.compare(Self.rows { index in index < 200 || index % 5 == 0 ? 1 : 0.37 + Double(index % 13) / 10 }, codes: ["W1", "W2"])
  }

  /// A database that groups scores itself (PostgreSQL's GROUP BY per area, part, category, dimension and
  /// histogram bin, with the sum of record keys) hands over groups: the totals, cell keys and respondents
  /// must be exactly those of the rows one by one.
  @Test func groupedScoresGiveTheTotalsOfTheirRows() {
    let tree = AreaTree(areas: Self.areas)
    var byRow = ProfileAggregator(tree: tree, partIDs: ["p"], categories: ["x", "y"])
    struct Group: Hashable { var area: String, category: String?, dimension: Int, bin: Int32 }
    struct People: Hashable { var area: String, category: String? }
    var groups: [Group: (Int, UInt64)] = [:]
    var people: [People: (Int, UInt64)] = [:]
    for (index, (area, scores, category, _)) in Self.rows(weights: { _ in 1 }).enumerated() {
      let key = CellKey.recordKey(responseID: "response-\(index)")
      byRow.add(areaCode: area, partID: "p", scores: scores, category: category, recordKey: key)
      if scores.contains(where: { $0 != nil }) {
        let entry = people[People(area: area, category: category), default: (0, 0)]
        people[People(area: area, category: category)] = (entry.0 + 1, entry.1 &+ key)
      }
      for (dimension, score) in scores.enumerated() {
        guard let score, let bin = ScoreAccumulator.binIndex(score) else { continue }
        let entry = groups[Group(area: area, category: category, dimension: dimension, bin: bin), default: (0, 0)]
        groups[Group(area: area, category: category, dimension: dimension, bin: bin)] = (entry.0 + 1, entry.1 &+ key)
      }
    }
    var grouped = ProfileAggregator(tree: tree, partIDs: ["p"], categories: ["x", "y"])
    for (group, (count, keys)) in groups.sorted(by: { "\($0.key)" < "\($1.key)" }) {
      grouped.add(areaCode: group.area, partID: "p", category: group.category, dimension: group.dimension, binIndex: group.bin,
                  count: count, recordKeySum: keys)
    }
    for (group, (count, keys)) in people {
      grouped.addRespondents(areaCode: group.area, partID: "p", category: group.category, count: count, recordKeySum: keys)
    }
    let expected = byRow.rolledUp(), actual = grouped.rolledUp()
    for area in tree.areas.indices {
      for category in [nil, 0, 1] as [Int?] {
        #expect(actual.respondents(area: area, part: 0, category: category) == expected.respondents(area: area, part: 0, category: category))
        for dimension in 0 ..< 6 {
          let want = expected.accumulator(area: area, part: 0, dimension: dimension, category: category)
          #expect(actual.accumulator(area: area, part: 0, dimension: dimension, category: category) == want)
          #expect(want.count > 0 && want.recordKeySum != 0)
        }
      }
    }
    // A group of an unknown area or part, or a bin outside 0...10, changes nothing.
    grouped.add(areaCode: "X", partID: "p", category: nil, dimension: 0, binIndex: 10, count: 3, recordKeySum: 1)
    grouped.add(areaCode: "W1", partID: "q", category: nil, dimension: 0, binIndex: 10, count: 3, recordKeySum: 1)
    grouped.add(areaCode: "W1", partID: "p", category: nil, dimension: 0, binIndex: 4201, count: 3, recordKeySum: 1)
    #expect(grouped.rolledUp().accumulator(area: 0, part: 0, dimension: 0) == expected.accumulator(area: 0, part: 0, dimension: 0))
  }
}
