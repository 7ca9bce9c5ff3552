import Testing
@testable import WijkwebCore

/// Reference values from /tmp/stats-ref/cronbach.py: the textbook formula in numpy,
/// k/(k-1) · (1 - X.var(axis=0, ddof=1).sum() / X.sum(axis=1).var(ddof=1)), over complete rows.
@Suite struct StatisticsCronbachAlphaTests {
  @Test func fixedDataSet() throws {
    let rows: [[Double?]] = [
      [7, 8, 6, 7], [5, 5, 4, 6], [9, 9, 8, 10], [3, 4, 2, 3], [6, nil, 5, 6], [8, 7, 8, 9], [4, 5, 5, 4],
      [10, 9, 9, 10], [2, 3, 1, 2], [6, 6, 7, 5], [7, 6, 6, 8], [5, 4, 5, 5],
    ]
    var accumulator = CronbachAlphaAccumulator(itemCount: 4)
    for row in rows { accumulator.add(row) }
    #expect(accumulator.completeCount == 11)
    let alpha = try #require(accumulator.alpha())
    #expect(abs(alpha - 0.9757076892190322) < 1e-9)  // numpy, 11 complete rows
  }

  @Test func largeOffsetDataSetIsStable() throws {
    // score_ij = ((i·37 + j²·3) mod 11) + (i mod 5) + 1e6, as in cronbach.py (which subtracts the 1e6).
    var accumulator = CronbachAlphaAccumulator(itemCount: 6)
    for i in 0 ..< 1000 {
      let row: [Double?] = (0 ..< 6).map { (j: Int) -> Double? in
        let value: Int = (i * 37 + j * j * 3) % 11 + i % 5
        return Double(value) + 1e6
      }
      accumulator.add(row)
    }
    let alpha = try #require(accumulator.alpha())
    #expect(abs(alpha - 0.35560422707838946) < 1e-9)
  }

  @Test func undefinedCases() {
    var one = CronbachAlphaAccumulator(itemCount: 3)
    one.add([1, 2, 3])
    #expect(one.alpha() == nil, "one complete row")
    one.add([1, nil, 3])
    one.add([1, 2])
    one.add([1, 2, .nan])
    #expect(one.completeCount == 1)

    var single = CronbachAlphaAccumulator(itemCount: 1)
    single.add([1])
    single.add([5])
    #expect(single.alpha() == nil, "one item")

    var flat = CronbachAlphaAccumulator(itemCount: 2)
    flat.add([3, 4])
    flat.add([3, 4])
    flat.add([3, 4])
    #expect(flat.alpha() == nil, "no variance in the totals")
  }
}
