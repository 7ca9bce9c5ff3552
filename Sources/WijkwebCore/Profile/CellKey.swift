/// The cell-key method (as the Australian Bureau of Statistics' TableBuilder and the ONS 2021 census use
/// it): every response gets a fixed random-looking record key; a cell's key is the sum of the record keys
/// of the respondents in it; the cell's published count and sum are perturbed by amounts looked up from
/// that key. The same group of respondents therefore gets the same perturbation in every table, level,
/// breakdown and run, and subtracting published figures from each other adds up perturbations instead of
/// cancelling them. `Docs/disclosure.md` describes the method and what a reader can conclude.
///
/// The parameters are published (security does not rest on hiding them):
/// - counts: n + d with d in −2...2, P(d) = 0.1, 0.2, 0.4, 0.2, 0.1 (zero stays zero);
/// - sums: Σx + e · 10 with e uniform in [−1, 1) (10 = the largest score one respondent can add), so a
///   published mean is (Σx + 10e) / n: off from the exact mean by at most 10/n; a weighted sum Σwx + 10e·w_max
///   (w_max the cell's largest weight), so a weighted mean is off by at most 10 w_max / Σw;
/// - the share below 5.5 and the distribution over whole scores are counts too, perturbed like n;
/// - percentiles are rounded to one decimal.
public enum CellKey {
  /// The largest change of a published count.
  public static let maximumCountChange = 2
  /// The largest change of a published sum of scores (one respondent's largest score).
  public static let maximumSumChange = 10.0

  /// A response's record key: a 64-bit hash (FNV-1a, then the SplitMix64 finaliser) of its id, which
  /// travels with the response in bundles, so every database holding the round perturbs the same way.
  public static func recordKey(responseID: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in responseID.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return mix(hash)
  }

  /// SplitMix64's finaliser: spreads every input bit over the whole output.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A uniform number in [0, 1) drawn from a cell key for one use (`salt`), so the perturbations of a
  /// cell's count, sum and sub-counts are independent of each other.
  static func uniform(_ cellKey: UInt64, salt: UInt64) -> Double {
    Double(mix(cellKey ^ (salt &* 0x632b_e59b_d9b4_e019)) >> 11) / Double(UInt64(1) << 53)
  }

  /// The change of a count, from the perturbation table: −2...2 with probabilities 0.1, 0.2, 0.4, 0.2, 0.1.
  static func countChange(_ cellKey: UInt64, salt: UInt64) -> Int {
    let u = uniform(cellKey, salt: salt)
    switch u {
    case ..<0.1: return -2
    case ..<0.3: return -1
    case ..<0.7: return 0
    case ..<0.9: return 1
    default: return 2
    }
  }

  /// A count as published: n + d, never below 0; 0 stays 0.
  public static func perturbedCount(_ count: Int, cellKey: UInt64, salt: UInt64 = 0) -> Int {
    guard count > 0 else { return 0 }
    return max(0, count + countChange(cellKey, salt: salt))
  }

  /// The change of a sum of scores: 10 · e, e uniform in [−1, 1).
  public static func sumChange(cellKey: UInt64) -> Double {
    (uniform(cellKey, salt: 1) * 2 - 1) * maximumSumChange
  }
}
