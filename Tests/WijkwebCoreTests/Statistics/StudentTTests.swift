import Testing
@testable import WijkwebCore

/// Reference values from /tmp/stats-ref/studentt.py (scipy 1.17.1): scipy.stats.t.ppf / .cdf / .sf,
/// scipy.special.betainc and scipy.stats.norm.ppf.
@Suite struct StatisticsStudentTTests {
  @Test(arguments: [
    (1.0, 12.706204736174694),  // scipy.stats.t.ppf(0.975, 1)
    (2.0, 4.302652729749462),  // scipy.stats.t.ppf(0.975, 2)
    (5.0, 2.5705818356363146),  // scipy.stats.t.ppf(0.975, 5)
    (7.0, 2.364624251592784),  // scipy.stats.t.ppf(0.975, 7)
    (29.0, 2.045229642132703),  // scipy.stats.t.ppf(0.975, 29)
    (30.0, 2.0422724563012378),  // scipy.stats.t.ppf(0.975, 30)
    (100.0, 1.9839715185235518),  // scipy.stats.t.ppf(0.975, 100)
    (1000.0, 1.9623390808264083),  // scipy.stats.t.ppf(0.975, 1000)
    (1e6, 1.959966356814107),  // scipy.stats.t.ppf(0.975, 1e6)
    (1e7, 1.959964221767205),  // scipy.stats.t.ppf(0.975, 1e7)
    (17.3, 2.1070320037534676),  // scipy.stats.t.ppf(0.975, 17.3), a Welch df
    (3.7, 2.8675207071911895),  // scipy.stats.t.ppf(0.975, 3.7)
    (0.5, 164.55767348048818),  // scipy.stats.t.ppf(0.975, 0.5)
  ])
  func quantile975(df: Double, expected: Double) {
    let t = StudentT.quantile(0.975, degreesOfFreedom: df)
    #expect(abs(t - expected) <= 1e-9 * max(1, expected), "df \(df): \(t) vs \(expected)")
  }

  @Test(arguments: [
    (0.025, 7.0, -2.3646242515927844),  // scipy.stats.t.ppf(0.025, 7)
    (0.995, 12.0, 3.0545395893929013),  // scipy.stats.t.ppf(0.995, 12)
    (0.9, 3.0, 1.637744353696209),  // scipy.stats.t.ppf(0.9, 3)
    (1e-10, 4.0, -416.1751403296041),  // scipy.stats.t.ppf(1e-10, 4)
    (0.75, 1.0, 1.0000000000000002),  // scipy.stats.t.ppf(0.75, 1)
    (0.6, 2.5, 0.2814595127485477),  // scipy.stats.t.ppf(0.6, 2.5)
    (1 - 1e-8, 50.0, 6.665912924342227),  // scipy.stats.t.ppf(1 - 1e-8, 50)
    (0.999, 1e8, 3.090232387669105),  // scipy.stats.t.ppf(0.999, 1e8): asymptotic branch
  ])
  func otherQuantiles(p: Double, df: Double, expected: Double) {
    let t = StudentT.quantile(p, degreesOfFreedom: df)
    #expect(abs(t - expected) <= 1e-9 * max(1, abs(expected)), "p \(p) df \(df): \(t) vs \(expected)")
  }

  @Test(arguments: [
    (2.0, 7.0, 0.957190335718512),  // scipy.stats.t.cdf(2.0, 7)
    (-1.5, 3.0, 0.11529193262241147),  // scipy.stats.t.cdf(-1.5, 3)
    (0.3, 1.0, 0.5927735790777423),  // scipy.stats.t.cdf(0.3, 1)
    (10.0, 2.0, 0.9950737714883372),  // scipy.stats.t.cdf(10.0, 2)
    (1.96, 1e6, 0.9750019662073651),  // scipy.stats.t.cdf(1.96, 1e6)
    (-2.5, 1e7, 0.006209673268289235),  // scipy.stats.t.cdf(-2.5, 1e7)
    (2.2, 17.3, 0.9791652022353631),  // scipy.stats.t.cdf(2.2, 17.3)
    (40.0, 5.0, 0.9999999079401891),  // scipy.stats.t.cdf(40.0, 5)
    (1.0, 1e9, 0.8413447459475576),  // scipy.stats.t.cdf(1.0, 1e9): asymptotic branch
    (0.0, 4.0, 0.5),  // scipy.stats.t.cdf(0.0, 4)
  ])
  func distributionFunction(t: Double, df: Double, expected: Double) {
    let p = StudentT.cdf(t, degreesOfFreedom: df)
    #expect(abs(p - expected) <= 1e-12, "t \(t) df \(df): \(p) vs \(expected)")
  }

  @Test func upperTailKeepsRelativePrecision() {
    // scipy.stats.t.sf(40.0, 5) = 9.205981085886477e-08
    #expect(abs(StudentT.upperTail(40, degreesOfFreedom: 5) / 9.205981085886477e-08 - 1) < 1e-10)
    // scipy.stats.t.sf(8.0, 30) = 3.1329112378503795e-09
    #expect(abs(StudentT.upperTail(8, degreesOfFreedom: 30) / 3.1329112378503795e-09 - 1) < 1e-10)
    // scipy.stats.t.sf(1e6, 1) = 3.1830988618368455e-07
    #expect(abs(StudentT.upperTail(1e6, degreesOfFreedom: 1) / 3.1830988618368455e-07 - 1) < 1e-10)
  }

  @Test func quantileInvertsTheDistributionFunction() {
    for df in [1.0, 1.5, 3, 10, 42.7, 500, 1e5, 5e6] {
      for p in [1e-6, 0.01, 0.1, 0.3, 0.5, 0.77, 0.95, 0.999] {
        let t = StudentT.quantile(p, degreesOfFreedom: df)
        #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - p) <= 1e-12 * max(1, p / (1 - p)), "p \(p) df \(df)")
      }
    }
  }

  @Test func edgeCases() {
    #expect(StudentT.quantile(0, degreesOfFreedom: 3) == -.infinity)
    #expect(StudentT.quantile(1, degreesOfFreedom: 3) == .infinity)
    #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
    #expect(StudentT.quantile(1.2, degreesOfFreedom: 3).isNaN)
    #expect(StudentT.quantile(0.9, degreesOfFreedom: 0).isNaN)
    #expect(StudentT.cdf(.infinity, degreesOfFreedom: 3) == 1)
    #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 3e8) == 0)
    #expect(StudentT.cdf(1, degreesOfFreedom: -1).isNaN)
    #expect(StudentT.cdf(.nan, degreesOfFreedom: 2).isNaN)
  }

  @Test(arguments: [
    (2.5, 0.5, 0.3, 0.018927124071945658),  // scipy.special.betainc(2.5, 0.5, 0.3)
    (10.0, 3.0, 0.7, 0.25281534785499993),  // scipy.special.betainc(10, 3, 0.7)
    (0.5, 0.5, 0.1, 0.20483276469913345),  // scipy.special.betainc(0.5, 0.5, 0.1)
    (50.0, 0.5, 0.98, 0.1562435078668179),  // scipy.special.betainc(50, 0.5, 0.98)
    (3.0, 40.0, 0.05, 0.35101360934622805),  // scipy.special.betainc(3, 40, 0.05)
  ])
  func incompleteBeta(a: Double, b: Double, x: Double, expected: Double) {
    let value = SpecialFunctions.regularizedIncompleteBeta(a: a, b: b, x: x)
    #expect(abs(value - expected) <= 1e-12, "I_\(x)(\(a), \(b)) = \(value) vs \(expected)")
  }

  @Test(arguments: [
    (0.5, 0.0),  // scipy.stats.norm.ppf(0.5)
    (0.975, 1.959963984540054),  // scipy.stats.norm.ppf(0.975)
    (0.025, -1.9599639845400545),  // scipy.stats.norm.ppf(0.025)
    (1e-12, -7.034483825301131),  // scipy.stats.norm.ppf(1e-12)
    (0.3, -0.5244005127080409),  // scipy.stats.norm.ppf(0.3)
  ])
  func normalQuantile(p: Double, expected: Double) {
    #expect(abs(SpecialFunctions.normalQuantile(p) - expected) <= 1e-13)
  }
}
