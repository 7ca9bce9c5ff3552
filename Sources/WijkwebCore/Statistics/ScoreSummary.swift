/// The statistics of one group's scores, as shown in a profile.
///
/// Unweighted (every weight 1), everything is exact up to rounding of the final division:
/// - `standardDeviation` is the sample standard deviation (divisor n − 1), 0 when n = 1;
/// - `confidenceInterval` is mean ± t(0.975, n − 1) · sd / √n, nil when n < 2;
/// - `median`, `percentile25` and `percentile75` interpolate linearly between order statistics, at rank
///   p·(n − 1) counted from 0 (Hyndman & Fan type 7, numpy.percentile's default).
///
/// Weighted (weights w, W = Σw, n_eff = W² / Σw², Kish's effective sample size):
/// - `mean` is Σwx / W;
/// - `standardDeviation` is √(Σw(x − mean)² / (W − Σw²/W)), the unbiased estimator for reliability
///   weights (as GSL's `gsl_stats_wvariance`); it equals the sample standard deviation when all weights are
///   equal, and is 0 when n = 1;
/// - `confidenceInterval` is mean ± t(0.975, n_eff − 1) · sd / √n_eff, nil when n < 2 or n_eff < 2;
/// - percentiles come from the weighted histogram: within a score, each respondent is given the bin's mean
///   weight u; sorted respondent k (cumulative weight S_k before it) sits at position
///   (S_k + (u_k − W/n)/2) / (W − W/n), and the p-th percentile interpolates linearly between the
///   positions around p (the first or last score beyond them). With equal weights this is type 7 again.
/// - `shareBelowPass` is the weighted share.
/// `distribution` always counts respondents, weighted or not.
public struct ScoreSummary: Sendable, Equatable {
  /// The number of respondents (scores).
  public var n: Int
  /// The (weighted) mean score.
  public var mean: Double
  /// The (weighted) sample standard deviation; 0 when n == 1.
  public var standardDeviation: Double
  /// The 95% confidence interval of the mean (t distribution); nil when n < 2 (or n_eff < 2 when weighted).
  public var confidenceInterval: ClosedRange<Double>?
  /// The 50th percentile.
  public var median: Double
  /// The 25th percentile.
  public var percentile25: Double
  /// The 75th percentile.
  public var percentile75: Double
  /// Respondents per whole score 0...10 (11 counts), scores rounded half up (5.5 → 6).
  public var distribution: [Int]
  /// The (weighted) share of scores below 5.5 ("onvoldoende"), 0...1.
  public var shareBelowPass: Double
  /// Whether weights other than 1 were used.
  public var weighted: Bool
  /// Kish's effective sample size (Σw)² / Σw²; equal to n when unweighted.
  public var effectiveSampleSize: Double

  /// A summary from its parts.
  public init(
    n: Int, mean: Double, standardDeviation: Double, confidenceInterval: ClosedRange<Double>?, median: Double,
    percentile25: Double, percentile75: Double, distribution: [Int], shareBelowPass: Double, weighted: Bool,
    effectiveSampleSize: Double
  ) {
    self.n = n
    self.mean = mean
    self.standardDeviation = standardDeviation
    self.confidenceInterval = confidenceInterval
    self.median = median
    self.percentile25 = percentile25
    self.percentile75 = percentile75
    self.distribution = distribution
    self.shareBelowPass = shareBelowPass
    self.weighted = weighted
    self.effectiveSampleSize = effectiveSampleSize
  }

  /// The sample size that the standard error divides by: n_eff when weighted, n otherwise.
  var informationSize: Double { weighted ? effectiveSampleSize : Double(n) }
}
