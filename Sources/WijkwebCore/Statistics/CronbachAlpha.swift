/// Cronbach's alpha of a set of items, collected one respondent at a time.
///
/// α = k / (k − 1) · (1 − Σ var(itemᵢ) / var(Σ items)), over the complete rows only. Streaming: a running
/// mean and sum of squared deviations (Welford) per item and for the row total, whose variance is the sum
/// of all item covariances; the divisor n − 1 cancels.
public struct CronbachAlphaAccumulator: Sendable, Equatable {
  /// The number of items per row.
  public let itemCount: Int
  /// The number of complete rows added.
  public private(set) var completeCount = 0
  private var itemMeans: [Double]
  private var itemSquares: [Double]
  private var totalMean = 0.0
  private var totalSquares = 0.0

  /// An empty accumulator for rows of `itemCount` items.
  public init(itemCount: Int) {
    self.itemCount = max(0, itemCount)
    itemMeans = Array(repeating: 0, count: self.itemCount)
    itemSquares = Array(repeating: 0, count: self.itemCount)
  }

  /// Adds one respondent's item values; only complete rows count: rows with a nil or non-finite value, or
  /// not exactly `itemCount` values, are ignored.
  public mutating func add(_ values: [Double?]) {
    guard values.count == itemCount, itemCount > 0 else { return }
    guard values.allSatisfy({ $0?.isFinite == true }) else { return }
    completeCount += 1
    let n = Double(completeCount)
    var total = 0.0
    for (item, value) in values.enumerated() {
      let x = value ?? 0
      total += x
      let delta = x - itemMeans[item]
      itemMeans[item] += delta / n
      itemSquares[item] += delta * (x - itemMeans[item])
    }
    let delta = total - totalMean
    totalMean += delta / n
    totalSquares += delta * (total - totalMean)
  }

  /// Cronbach's alpha; nil with fewer than 2 complete rows, fewer than 2 items, or no variance in the row
  /// totals.
  public func alpha() -> Double? {
    guard completeCount >= 2, itemCount >= 2, totalSquares > 0 else { return nil }
    let k = Double(itemCount)
    return k / (k - 1) * (1 - itemSquares.reduce(0, +) / totalSquares)
  }
}
