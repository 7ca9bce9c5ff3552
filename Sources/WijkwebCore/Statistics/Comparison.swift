/// The difference between two group means with its 95% confidence interval.
public struct Difference: Sendable, Equatable {
  /// The first mean minus the second.
  public var estimate: Double
  /// The 95% confidence interval of the difference.
  public var interval: ClosedRange<Double>
  /// The (Welch–Satterthwaite) degrees of freedom of the interval's t quantile.
  public var degreesOfFreedom: Double
  /// Whether the interval excludes 0.
  public var isSignificant: Bool

  /// A difference from its parts.
  public init(estimate: Double, interval: ClosedRange<Double>, degreesOfFreedom: Double, isSignificant: Bool) {
    self.estimate = estimate
    self.interval = interval
    self.degreesOfFreedom = degreesOfFreedom
    self.isSignificant = isSignificant
  }
}

/// Comparisons between groups.
public enum Comparison {
  /// Welch's unequal-variances comparison of a's mean minus b's: with vᵢ = sdᵢ² / nᵢ, the interval is
  /// (mean_a − mean_b) ± t(0.975, df) · √(v_a + v_b), df = (v_a + v_b)² / (v_a²/(n_a − 1) + v_b²/(n_b − 1)).
  /// Weighted summaries use their effective sample size for n. Nil when either n (or effective n) is below
  /// 2, or both variances are 0.
  public static func welch(_ a: ScoreSummary, _ b: ScoreSummary) -> Difference? {
    let sizeA = a.informationSize
    let sizeB = b.informationSize
    guard a.n >= 2, b.n >= 2, sizeA >= 2, sizeB >= 2 else { return nil }
    let varianceA = a.standardDeviation * a.standardDeviation / sizeA
    let varianceB = b.standardDeviation * b.standardDeviation / sizeB
    let variance = varianceA + varianceB
    guard variance > 0, variance.isFinite else { return nil }
    let degreesOfFreedom = variance * variance
      / (varianceA * varianceA / (sizeA - 1) + varianceB * varianceB / (sizeB - 1))
    let estimate = a.mean - b.mean
    let margin = StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom) * variance.squareRoot()
    guard margin.isFinite else { return nil }
    let interval = (estimate - margin) ... (estimate + margin)
    return Difference(
      estimate: estimate, interval: interval, degreesOfFreedom: degreesOfFreedom,
      isSignificant: interval.lowerBound > 0 || interval.upperBound < 0)
  }
}
