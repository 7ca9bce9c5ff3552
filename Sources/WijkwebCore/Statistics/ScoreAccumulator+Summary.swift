extension ScoreAccumulator {
  /// The statistics of the scores added, nil when there are none; `ScoreSummary` documents the
  /// definitions. Scores are read from the histogram in score order, so the result does not depend on
  /// the order in which scores were added or merged (weighted sums up to rounding).
  public func summary() -> ScoreSummary? {
    guard count > 0 else { return nil }
    let sorted = sortedBins
    let scale = Double(Self.resolution)
    let half = Int32(Self.resolution / 2)
    var distribution = [Int](repeating: 0, count: 11)
    for (index, bin) in sorted { distribution[Int((index + half) / Int32(Self.resolution))] += bin.count }
    let totalWeight = sorted.reduce(0.0) { $0 + $1.bin.weight }
    if isWeighted, totalWeight > 0, weightSquareSum > 0 {
      return weightedSummary(sorted, totalWeight: totalWeight, distribution: distribution)
    }

    let n = count
    let indexSum = sorted.reduce(0) { $0 + $1.bin.count * Int($1.index) }
    let meanIndex = Double(indexSum) / Double(n)
    let squares = sorted.reduce(0.0) { sum, entry in
      let deviation = Double(entry.index) - meanIndex
      return sum + Double(entry.bin.count) * deviation * deviation
    }
    let standardDeviation = n > 1 ? (squares / Double(n - 1)).squareRoot() / scale : 0
    let mean = Double(indexSum) / (Double(n) * scale)
    let passIndex = Int32(11 * Self.resolution / 2)
    let below = sorted.reduce(0) { $0 + ($1.index < passIndex ? $1.bin.count : 0) }
    let cumulative = sorted.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.bin.count) }
    func value(atRank rank: Int) -> Double {
      let position = cumulative.firstIndex { $0 > rank } ?? (sorted.count - 1)
      return Double(sorted[position].index) / scale
    }
    func percentile(_ p: Double) -> Double {
      let virtualIndex = Double(n - 1) * p
      let lower = Int(virtualIndex.rounded(.down))
      let fraction = virtualIndex - Double(lower)
      let a = value(atRank: lower)
      let b = value(atRank: min(lower + 1, n - 1))
      // numpy's _lerp, which interpolates from the nearer end.
      return fraction >= 0.5 ? b - (b - a) * (1 - fraction) : a + (b - a) * fraction
    }
    return ScoreSummary(
      n: n, mean: mean, standardDeviation: standardDeviation,
      confidenceInterval: Self.confidenceInterval(mean: mean, standardDeviation: standardDeviation, size: Double(n), n: n),
      median: percentile(0.5), percentile25: percentile(0.25), percentile75: percentile(0.75),
      distribution: distribution, shareBelowPass: Double(below) / Double(n), weighted: false,
      effectiveSampleSize: Double(n))
  }

  /// The weighted statistics (see `ScoreSummary`).
  private func weightedSummary(
    _ sorted: [(index: Int32, bin: Bin)], totalWeight: Double, distribution: [Int]
  ) -> ScoreSummary {
    let n = count
    let scale = Double(Self.resolution)
    let mean = sorted.reduce(0.0) { $0 + $1.bin.weight * Double($1.index) / scale } / totalWeight
    let squares = sorted.reduce(0.0) { sum, entry in
      let deviation = Double(entry.index) / scale - mean
      return sum + entry.bin.weight * deviation * deviation
    }
    let effectiveSize = min(totalWeight * totalWeight / weightSquareSum, Double(n))
    let denominator = totalWeight * (1 - 1 / effectiveSize)
    let standardDeviation = n > 1 && denominator > 0 ? (squares / denominator).squareRoot() : 0
    let passIndex = Int32(11 * Self.resolution / 2)
    let below = sorted.reduce(0.0) { $0 + ($1.index < passIndex ? $1.bin.weight : 0) }

    // Knots (position, score): the first and last respondent of every bin.
    let meanWeight = totalWeight / Double(n)
    let span = totalWeight - meanWeight
    var knots: [(position: Double, value: Double)] = []
    var before = 0.0
    for (index, bin) in sorted {
      let unit = bin.weight / Double(bin.count)
      let value = Double(index) / scale
      knots.append(((before + (unit - meanWeight) / 2) / span, value))
      knots.append(((before + bin.weight - (unit + meanWeight) / 2) / span, value))
      before += bin.weight
    }
    func percentile(_ p: Double) -> Double {
      guard n > 1, span > 0, let first = knots.first, let last = knots.last else { return knots.first?.value ?? mean }
      if p <= first.position { return first.value }
      if p >= last.position { return last.value }
      guard let upper = knots.firstIndex(where: { $0.position >= p }), upper > 0 else { return first.value }
      let a = knots[upper - 1]
      let b = knots[upper]
      guard b.position > a.position else { return b.value }
      return a.value + (p - a.position) / (b.position - a.position) * (b.value - a.value)
    }
    return ScoreSummary(
      n: n, mean: mean, standardDeviation: standardDeviation,
      confidenceInterval: Self.confidenceInterval(
        mean: mean, standardDeviation: standardDeviation, size: effectiveSize, n: n),
      median: percentile(0.5), percentile25: percentile(0.25), percentile75: percentile(0.75),
      distribution: distribution, shareBelowPass: below / totalWeight, weighted: true,
      effectiveSampleSize: effectiveSize)
  }

  /// mean ± t(0.975, size − 1) · sd / √size; nil when n < 2 or size < 2.
  static func confidenceInterval(mean: Double, standardDeviation: Double, size: Double, n: Int) -> ClosedRange<Double>? {
    guard n >= 2, size >= 2 else { return nil }
    let margin = StudentT.quantile(0.975, degreesOfFreedom: size - 1) * standardDeviation / size.squareRoot()
    guard margin.isFinite else { return nil }
    return (mean - margin) ... (mean + margin)
  }
}
