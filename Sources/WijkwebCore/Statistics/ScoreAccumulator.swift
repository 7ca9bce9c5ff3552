/// A streaming, mergeable collector of 0-10 dimension scores: a sparse histogram in steps of 1/420, from
/// which `summary()` computes exact statistics.
///
/// A dimension score is the mean of at most 7 items on a whole-number scale, so it is a multiple of 1/k
/// for some k in 1...7 and therefore of 1/420 (the least common multiple of 1...7): such scores are
/// stored exactly. Other values are rounded to the nearest 1/420. Memory grows with the number of
/// distinct scores (at most 4201), never with the number of scores added.
public struct ScoreAccumulator: Sendable, Equatable {
  /// Histogram steps per score point: the least common multiple of 1...7.
  public static let resolution = 420

  /// One histogram bin: how many scores fell in it and their total weight.
  struct Bin: Sendable, Equatable {
    var count: Int
    var weight: Double

    static let empty = Bin(count: 0, weight: 0)

    mutating func add(count: Int, weight: Double) {
      self.count += count
      self.weight += weight
    }
  }

  /// Bins by index, index = score × 420; only bins that have scores are stored.
  private(set) var bins: [Int32: Bin] = [:]

  /// The number of scores added.
  public private(set) var count = 0

  /// The total weight of the scores added (equal to `count` when unweighted).
  public private(set) var weightSum = 0.0

  /// The total squared weight, for Kish's effective sample size.
  private(set) var weightSquareSum = 0.0

  /// Whether any score was added with a weight other than 1.
  private(set) var isWeighted = false

  /// The largest weight of one score added (1 when unweighted; 0 when empty): the most one respondent
  /// adds to a weighted sum, per score point. After `subtracting`, the larger accumulator's (an upper bound).
  public private(set) var largestWeight = 0.0

  /// The sum (modulo 2^64) of the record keys of the scores added: the cell key of the cell-key method
  /// (`CellKey`). It depends only on which records are in the cell, so the same group of respondents gets
  /// the same key, and the same perturbation, in every table.
  public private(set) var recordKeySum: UInt64 = 0

  /// An empty accumulator.
  public init() {}

  /// Adds one score with a weight: scores outside 0...10 are clamped into it; NaN scores and weights that
  /// are not finite and positive are ignored.
  public mutating func add(_ score: Double, weight: Double = 1, recordKey: UInt64 = 0) {
    guard weight.isFinite, weight > 0, let index = Self.binIndex(score) else { return }
    recordKeySum &+= recordKey
    bins[index, default: .empty].add(count: 1, weight: weight)
    count += 1
    weightSum += weight
    weightSquareSum += weight * weight
    largestWeight = max(largestWeight, weight)
    if weight != 1 { isWeighted = true }
  }

  /// The histogram bin `add` puts a score in (clamped into 0...10); nil for NaN, which is ignored.
  static func binIndex(_ score: Double) -> Int32? {
    guard !score.isNaN else { return nil }
    return Int32((min(max(score, 0), 10) * Double(resolution)).rounded())
  }

  /// Adds `count` scores of weight 1 in bin `index`: the same as `count` calls of `add` with such a
  /// score and weight 1 (sums of whole numbers are exact in any order).
  mutating func add(binIndex index: Int32, count: Int) {
    guard count > 0 else { return }
    bins[index, default: .empty].add(count: count, weight: Double(count))
    self.count += count
    weightSum += Double(count)
    weightSquareSum += Double(count)
    largestWeight = max(largestWeight, 1)
  }

  /// Adds the record keys of scores added through `add(binIndex:count:)` (their sum modulo 2^64).
  mutating func addRecordKeys(_ sum: UInt64) {
    recordKeySum &+= sum
  }

  /// Adds all scores of another accumulator, as if they had been added here.
  public mutating func merge(_ other: ScoreAccumulator) {
    recordKeySum &+= other.recordKeySum
    for (index, bin) in other.bins {
      bins[index, default: .empty].add(count: bin.count, weight: bin.weight)
    }
    count += other.count
    weightSum += other.weightSum
    weightSquareSum += other.weightSquareSum
    largestWeight = max(largestWeight, other.largestWeight)
    isWeighted = isWeighted || other.isWeighted
  }

  /// These scores without those of `other`, which should be a part of them ("the rest of the gemeente" =
  /// gemeente minus area). Per score, counts and weights never go below 0, so an `other` that is not a part
  /// gives the scores here that it cannot account for.
  public func subtracting(_ other: ScoreAccumulator) -> ScoreAccumulator {
    var result = ScoreAccumulator()
    for index in bins.keys.sorted() {
      guard let bin = bins[index] else { continue }
      let removed = other.bins[index] ?? .empty
      let remaining = bin.count - removed.count
      guard remaining > 0 else { continue }
      let weight = remaining == bin.count ? bin.weight : max(0, bin.weight - removed.weight)
      result.bins[index] = Bin(count: remaining, weight: weight)
      result.count += remaining
      result.weightSum += weight
    }
    result.isWeighted = isWeighted || other.isWeighted
    result.largestWeight = result.count > 0 ? largestWeight : 0
    result.recordKeySum = recordKeySum &- other.recordKeySum
    result.weightSquareSum = result.isWeighted ? max(0, weightSquareSum - other.weightSquareSum) : result.weightSum
    return result
  }

  /// The bins in score order, for computing statistics deterministically.
  var sortedBins: [(index: Int32, bin: Bin)] {
    bins.keys.sorted().compactMap { index in bins[index].map { (index, $0) } }
  }
}
