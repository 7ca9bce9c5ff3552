import Testing
@testable import WijkwebCore

/// Reference values from /tmp/stats-ref/welch.py: scipy.stats.ttest_ind(a, b, equal_var=False) for df and
/// .confidence_interval(0.95) for the interval, matching the hand-written Welch formulas in the script.
@Suite struct StatisticsComparisonTests {
  static func summary(_ scores: [Double], weighted: Bool = false) throws -> ScoreSummary {
    try #require(StatisticsScoreAccumulatorTests.accumulate(scores, weighted: weighted).summary())
  }

  static let c: [Double] = [8.0, 9.0, 7.5, 8.5, 9.5, 8.0, 7.0, 9.0]

  @Test func smallAgainstLarge() throws {
    let a = try Self.summary(StatisticsScoreAccumulatorTests.small)
    let b = try Self.summary(StatisticsScoreAccumulatorTests.largeScores(37))
    let difference = try #require(Comparison.welch(a, b))
    #expect(abs(difference.estimate - 1.0799292149292157) < 1e-9)
    #expect(abs(difference.degreesOfFreedom - 48.37924859268728) < 1e-9)  // ttest_ind(...).df
    #expect(abs(difference.interval.lowerBound - -0.38983901743840277) < 1e-9)  // .confidence_interval().low
    #expect(abs(difference.interval.upperBound - 2.5496974472968343) < 1e-9)  // .confidence_interval().high
    #expect(!difference.isSignificant)  // p = 0.146
  }

  @Test func significantDifference() throws {
    let difference = try #require(Comparison.welch(try Self.summary(Self.c), try Self.summary(StatisticsScoreAccumulatorTests.small)))
    #expect(abs(difference.estimate - 2.552261904761904) < 1e-9)
    #expect(abs(difference.degreesOfFreedom - 25.898616771147022) < 1e-9)
    #expect(abs(difference.interval.lowerBound - 1.3060362013390845) < 1e-9)
    #expect(abs(difference.interval.upperBound - 3.7984876081847236) < 1e-9)
    #expect(difference.isSignificant)  // p = 0.00027
  }

  @Test func oneGroupWithoutVariance() throws {
    let difference = try #require(Comparison.welch(try Self.summary(Self.c), try Self.summary([5, 5, 5])))
    #expect(abs(difference.degreesOfFreedom - 7) < 1e-9)  // ttest_ind df = 7
    #expect(abs(difference.interval.lowerBound - 2.6081448426454035) < 1e-9)
    #expect(abs(difference.interval.upperBound - 4.0168551573545965) < 1e-9)
  }

  @Test func weightedUsesTheEffectiveSampleSize() throws {
    let a = try Self.summary(StatisticsScoreAccumulatorTests.small, weighted: true)
    let difference = try #require(Comparison.welch(a, try Self.summary(Self.c)))
    // welch.py, Welch's formulas with n_eff = W²/Σw² and the weighted sd.
    #expect(abs(difference.estimate - -2.4453025477707007) < 1e-9)
    #expect(abs(difference.degreesOfFreedom - 21.312079603197176) < 1e-9)
    #expect(abs(difference.interval.lowerBound - -3.7266520344879055) < 1e-9)
    #expect(abs(difference.interval.upperBound - -1.1639530610534958) < 1e-9)
    #expect(difference.isSignificant)
  }

  @Test func noComparisonWithoutInformation() throws {
    #expect(Comparison.welch(try Self.summary([4]), try Self.summary(Self.c)) == nil)
    #expect(Comparison.welch(try Self.summary([4, 4]), try Self.summary([6, 6, 6])) == nil)
    var skewed = ScoreAccumulator()
    skewed.add(3, weight: 1)
    skewed.add(7, weight: 100)
    #expect(Comparison.welch(try #require(skewed.summary()), try Self.summary(Self.c)) == nil, "n_eff < 2")
  }
}
