extension ScoreAccumulator {
  /// The statistics of these scores as they may be published under the cell-key method (`CellKey`), or nil
  /// when the group must stay hidden: fewer than `minimum` respondents, or a perturbed count below it.
  ///
  /// Every published figure is a function of the perturbed count n′, the perturbed sum (mean′ = (Σx + 10e)/n,
  /// weighted (Σwx + 10e·w_max)/Σw), the standard deviation, percentiles rounded to 0.1 and perturbed
  /// sub-counts, so that neither the exact n nor the exact sum of a group can be read back from a figure (a
  /// share k/n, for instance, would give n).
  ///
  /// `counted` is the same group unweighted, for weighted figures: its exact count and cell key decide the
  /// suppression and the published n, so a weighted figure is hidden exactly where the unweighted one is and
  /// shows the same n′ (a second, differently perturbed count of the same group would be a second look).
  /// A weighted figure is hidden too when fewer than `minimum` of its respondents have a weight.
  public func published(minimum: Int, counted: ScoreAccumulator? = nil) -> ScoreSummary? {
    let base = counted ?? self
    guard count >= minimum, base.count >= minimum, let exact = summary() else { return nil }
    let key = base.recordKeySum
    let n = CellKey.perturbedCount(base.count, cellKey: key)
    guard n >= minimum else { return nil }
    let scale = Double(n) / Double(base.count)
    // The sum's perturbation is one respondent's largest possible contribution: 10 for an unweighted sum
    // (the mean moves by at most 10/n), 10 times the largest weight for a weighted one (the mean moves by at
    // most 10 w_max / W). Weighted sums are linear in public margins (a raked category's weights add up to
    // its population), so noise of one average respondent would not cover a heavily weighted one.
    let sumScale = exact.weighted && weightSum > 0 ? largestWeight / weightSum : 1 / Double(count)
    let mean = min(10, max(0, exact.mean + CellKey.sumChange(cellKey: key) * sumScale))
    let size = exact.informationSize * scale
    var below = 0.0
    if exact.shareBelowPass > 0 {
      let change = Double(CellKey.countChange(key, salt: 2))
      below = min(1, max(0, (exact.shareBelowPass * Double(count) + change) / Double(n)))
    }
    let rounded = Self.publishedTenth
    return ScoreSummary(
      n: n, mean: mean, standardDeviation: exact.standardDeviation,
      confidenceInterval: Self.confidenceInterval(mean: mean, standardDeviation: exact.standardDeviation, size: size, n: n),
      median: rounded(exact.median), percentile25: rounded(exact.percentile25), percentile75: rounded(exact.percentile75),
      distribution: exact.distribution.enumerated().map { CellKey.perturbedCount($1, cellKey: key, salt: 10 + UInt64($0)) },
      shareBelowPass: below, weighted: exact.weighted, effectiveSampleSize: exact.weighted ? size : Double(n))
  }

  /// A percentile rounded to 0.1 (half away from zero), after snapping to a millionth of a tenth: weights
  /// summed in another order (the laptop's rows, the central database's) differ in the last bits, and a
  /// percentile exactly between two tenths must not round one way here and the other way there.
  public static func publishedTenth(_ value: Double) -> Double {
    ((value * 10 * 1_000_000).rounded() / 1_000_000).rounded() / 10
  }
}
