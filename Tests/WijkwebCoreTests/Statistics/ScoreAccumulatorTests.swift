import Testing
@testable import WijkwebCore

/// Reference values from /tmp/stats-ref/summary.py: numpy mean / std(ddof=1) / percentile (default
/// linear method), scipy.stats.t.ppf(0.975, n-1) · sd/√n for the interval (cross-checked against
/// scipy.stats.t.interval), and the weighted definitions of `ScoreSummary` written out in numpy.
@Suite struct StatisticsScoreAccumulatorTests {
  /// Twenty scores as fractions num/den, den in 1...7 (the same pairs as in summary.py).
  static let smallPairs: [(Double, Double)] = [
    (7, 1), (17, 3), (11, 2), (33, 4), (17, 5), (6, 1), (9, 1), (11, 2), (20, 7), (44, 7),
    (0, 1), (10, 1), (49, 6), (19, 4), (27, 5), (5, 2), (38, 7), (13, 2), (23, 3), (16, 3),
  ]
  static var small: [Double] { smallPairs.map { $0.0 / $0.1 } }

  /// score_i = ((i·7919) mod (10d + 1)) / d with d = i mod 7 + 1, as in summary.py.
  static func largeScores(_ count: Int) -> [Double] {
    (0 ..< count).map { i in
      let d = i % 7 + 1
      return Double((i * 7919) % (10 * d + 1)) / Double(d)
    }
  }

  /// The weights of summary.py: w = 0.5 + (bin mod 13) / 4 with bin = round(score · 420).
  static func weight(of score: Double) -> Double {
    0.5 + Double(Int((score * 420).rounded()) % 13) / 4
  }

  static func accumulate(_ scores: [Double], weighted: Bool = false) -> ScoreAccumulator {
    var accumulator = ScoreAccumulator()
    for score in scores { accumulator.add(score, weight: weighted ? weight(of: score) : 1) }
    return accumulator
  }

  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }

  @Test func smallDataSetMatchesNumpy() throws {
    let summary = try #require(Self.accumulate(Self.small).summary())
    #expect(summary.n == 20)
    #expect(Self.close(summary.mean, 5.760238095238096))  // numpy mean
    #expect(Self.close(summary.standardDeviation, 2.3609629686120486))  // numpy std(ddof=1)
    let interval = try #require(summary.confidenceInterval)
    #expect(Self.close(interval.lowerBound, 4.655273412903717))  // mean - t.ppf(0.975, 19)·sd/√20
    #expect(Self.close(interval.upperBound, 6.865202777572475))
    #expect(Self.close(summary.percentile25, 5.1875))  // numpy.percentile(x, 25)
    #expect(Self.close(summary.median, 5.583333333333334))  // numpy.percentile(x, 50)
    #expect(Self.close(summary.percentile75, 7.166666666666667))  // numpy.percentile(x, 75)
    #expect(summary.distribution == [1, 0, 0, 3, 0, 4, 5, 2, 3, 1, 1])  // Fraction(x) + 1/2, floored
    #expect(Self.close(summary.shareBelowPass, 0.4))  // numpy mean(x < 5.5)
    #expect(!summary.weighted)
    #expect(summary.effectiveSampleSize == 20)
  }

  @Test func largeDataSetMatchesNumpy() throws {
    let summary = try #require(Self.accumulate(Self.largeScores(100_000)).summary())
    #expect(summary.n == 100_000)
    #expect(Self.close(summary.mean, 4.9289171666666665))
    #expect(Self.close(summary.standardDeviation, 2.972947546023137))
    let interval = try #require(summary.confidenceInterval)
    #expect(Self.close(interval.lowerBound, 4.910490762434517))
    #expect(Self.close(interval.upperBound, 4.947343570898816))
    #expect(Self.close(summary.percentile25, 2.25))
    #expect(Self.close(summary.median, 4.75))
    #expect(Self.close(summary.percentile75, 7.75))
    #expect(summary.distribution == [5265, 13049, 8289, 8285, 8286, 13054, 8289, 8292, 13053, 8291, 5847])
    #expect(Self.close(summary.shareBelowPass, 0.56228))
  }

  @Test func weightedSmallDataSetMatchesTheDocumentedDefinitions() throws {
    let accumulator = Self.accumulate(Self.small, weighted: true)
    #expect(Self.close(accumulator.weightSum, 39.25))  // numpy w.sum()
    let summary = try #require(accumulator.summary())
    #expect(summary.weighted)
    #expect(summary.n == 20)
    #expect(Self.close(summary.effectiveSampleSize, 16.016244314489928))  // W² / Σw²
    #expect(Self.close(summary.mean, 5.867197452229299))  // numpy.average(x, weights=w)
    #expect(Self.close(summary.standardDeviation, 2.1610508417608614))  // √(Σw(x-m)² / (W - Σw²/W))
    let interval = try #require(summary.confidenceInterval)
    #expect(Self.close(interval.lowerBound, 4.716347295920282))  // m ∓ t.ppf(0.975, neff-1)·sd/√neff
    #expect(Self.close(interval.upperBound, 7.018047608538317))
    #expect(Self.close(summary.percentile25, 5.101041666666666))  // numpy.interp over the positions
    #expect(Self.close(summary.median, 5.5))
    #expect(Self.close(summary.percentile75, 7.7203125))
    #expect(Self.close(summary.shareBelowPass, 0.39490445859872614))
    #expect(summary.distribution == [1, 0, 0, 3, 0, 4, 5, 2, 3, 1, 1], "the distribution counts respondents")
  }

  @Test func weightedLargeDataSetMatchesTheDocumentedDefinitions() throws {
    let summary = try #require(Self.accumulate(Self.largeScores(100_000), weighted: true).summary())
    #expect(Self.close(summary.effectiveSampleSize, 82497.53186252782, 1e-6))
    #expect(Self.close(summary.mean, 5.0202351473406575))
    #expect(Self.close(summary.standardDeviation, 2.863962389500229))
    let interval = try #require(summary.confidenceInterval)
    #expect(Self.close(interval.lowerBound, 5.000691694486834))
    #expect(Self.close(interval.upperBound, 5.039778600194481))
    #expect(Self.close(summary.percentile25, 2.5))
    #expect(Self.close(summary.median, 5.0))
    #expect(Self.close(summary.percentile75, 7.857142857142857))
    #expect(Self.close(summary.shareBelowPass, 0.5474068113249533))
  }

  @Test func equalWeightsGiveTheUnweightedStatistics() throws {
    for scores in [Self.small, Self.largeScores(1001), [3.5, 8]] {
      var weighted = ScoreAccumulator()
      for score in scores { weighted.add(score, weight: 2.5) }
      let a = try #require(weighted.summary())
      let b = try #require(Self.accumulate(scores).summary())
      #expect(a.weighted && !b.weighted)
      #expect(Self.close(a.mean, b.mean) && Self.close(a.standardDeviation, b.standardDeviation))
      #expect(Self.close(a.median, b.median) && Self.close(a.percentile25, b.percentile25))
      #expect(Self.close(a.percentile75, b.percentile75) && Self.close(a.shareBelowPass, b.shareBelowPass))
      #expect(Self.close(a.effectiveSampleSize, Double(b.n), 1e-6))
      let ia = try #require(a.confidenceInterval)
      let ib = try #require(b.confidenceInterval)
      #expect(Self.close(ia.lowerBound, ib.lowerBound, 1e-6) && Self.close(ia.upperBound, ib.upperBound, 1e-6))
    }
  }

  @Test func singleScore() throws {
    var accumulator = ScoreAccumulator()
    accumulator.add(6.25)
    let summary = try #require(accumulator.summary())
    #expect(summary.n == 1 && summary.mean == 6.25 && summary.standardDeviation == 0)
    #expect(summary.confidenceInterval == nil)
    #expect(summary.median == 6.25 && summary.percentile25 == 6.25 && summary.percentile75 == 6.25)
    #expect(summary.distribution == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0])  // 6.25 rounds to 6
    #expect(summary.shareBelowPass == 0)
  }

  @Test func emptyHasNoSummary() {
    #expect(ScoreAccumulator().summary() == nil)
    #expect(ScoreAccumulator().count == 0 && ScoreAccumulator().weightSum == 0)
  }

  @Test func roundingHalfUpClampingAndNaN() throws {
    var accumulator = ScoreAccumulator()
    for score in [5.5, 0.5, 9.5, 5.5 - 1.0 / 420, 4.5, 12, -3, .nan, .infinity] { accumulator.add(score) }
    accumulator.add(7, weight: 0)
    accumulator.add(7, weight: .nan)
    #expect(accumulator.count == 8)
    let summary = try #require(accumulator.summary())
    // 5.5 → 6, 0.5 → 1, 9.5 → 10, 5.4976 → 5, 4.5 → 5, 12 → 10, -3 → 0, +∞ → 10
    #expect(summary.distribution == [1, 1, 0, 0, 0, 2, 1, 0, 0, 0, 3])
    #expect(summary.shareBelowPass == 4.0 / 8, "0.5, 5.4976, 4.5 and 0 are below 5.5; 5.5 is not")
  }

  @Test func mergeEqualsAddingEverything() throws {
    let scores = Self.largeScores(5000)
    var left = Self.accumulate(Array(scores[..<1234]))
    left.merge(Self.accumulate(Array(scores[1234...])))
    let whole = Self.accumulate(scores)
    #expect(left == whole)
    #expect(left.summary() == whole.summary())

    var weightedLeft = Self.accumulate(Array(scores[..<2000]), weighted: true)
    weightedLeft.merge(Self.accumulate(Array(scores[2000...]), weighted: true))
    let a = try #require(weightedLeft.summary())
    let b = try #require(Self.accumulate(scores, weighted: true).summary())
    #expect(a.n == b.n && Self.close(a.mean, b.mean) && Self.close(a.standardDeviation, b.standardDeviation))
    #expect(Self.close(a.effectiveSampleSize, b.effectiveSampleSize, 1e-6) && a.median == b.median)
  }

  @Test func subtractingLeavesTheRest() throws {
    let scores = Self.largeScores(3000)
    let area = Self.accumulate(Array(scores[..<700]))
    let rest = Self.accumulate(Array(scores[700...]))
    let gemeente = Self.accumulate(scores)
    #expect(gemeente.subtracting(area) == rest)
    #expect(gemeente.subtracting(area).summary() == rest.summary())

    let weightedRest = Self.accumulate(scores, weighted: true).subtracting(Self.accumulate(Array(scores[..<700]), weighted: true))
    let a = try #require(weightedRest.summary())
    let b = try #require(Self.accumulate(Array(scores[700...]), weighted: true).summary())
    #expect(a.n == b.n && Self.close(a.mean, b.mean) && Self.close(a.standardDeviation, b.standardDeviation))
    #expect(Self.close(a.effectiveSampleSize, b.effectiveSampleSize, 1e-6))
    #expect(Self.close(a.percentile25, b.percentile25) && Self.close(a.percentile75, b.percentile75))
  }

  @Test func subtractingNeverGoesBelowZero() {
    var small = ScoreAccumulator()
    small.add(4)
    var big = ScoreAccumulator()
    big.add(4)
    big.add(4)
    big.add(8)
    #expect(small.subtracting(big).count == 0)
    #expect(small.subtracting(big).summary() == nil)
    let rest = big.subtracting(small)
    #expect(rest.count == 2 && rest.weightSum == 2)
    #expect(rest.summary()?.mean == 6)
  }

  @Test func aMillionScoresInOnePass() throws {
    var accumulator = ScoreAccumulator()
    for i in 0 ..< 1_000_000 { accumulator.add(Double(i % 71) / 7) }
    let summary = try #require(accumulator.summary())
    // numpy.mean([(i % 71) / 7 for i in range(10**6)]) = 4.99991
    // (exactly (14084·Σ0...70 + Σ0...35) / 7e6 = 34 999 370 / 7e6)
    #expect(summary.n == 1_000_000)
    #expect(abs(summary.mean - 4.99991) < 1e-12)
    #expect(accumulator.bins.count == 71)
  }

  @Test func memoryStaysSparse() {
    var accumulator = ScoreAccumulator()
    for i in 0 ..< 100_000 { accumulator.add(Double(i % 3) + 5) }
    #expect(accumulator.bins.count == 3)
    #expect(accumulator.count == 100_000)
  }
}
