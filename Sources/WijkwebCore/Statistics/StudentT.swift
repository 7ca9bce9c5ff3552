#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Student's t distribution with any positive (also fractional) number of degrees of freedom.
///
/// Up to 1e7 degrees of freedom the distribution function is computed exactly from the regularized
/// incomplete beta function, P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½), and the quantile by safeguarded Newton
/// steps on it (bisection whenever a step would leave the bracket). Above 1e7 degrees of freedom the
/// normal distribution with an asymptotic correction is used, whose error is below 1e-13.
public enum StudentT {
  /// Degrees of freedom above which the asymptotic normal expansions are used.
  static let asymptoticDegreesOfFreedom = 1e7

  /// The distribution function P(T ≤ t); NaN when `degreesOfFreedom` is not positive.
  public static func cdf(_ t: Double, degreesOfFreedom: Double) -> Double {
    let df = degreesOfFreedom
    guard !t.isNaN, !df.isNaN, df > 0 else { return .nan }
    if t == .infinity { return 1 }
    if t == -.infinity { return 0 }
    if df > asymptoticDegreesOfFreedom {
      // Abramowitz & Stegun 26.7.8.
      let z = t * (1 - 1 / (4 * df)) / (1 + t * t / (2 * df)).squareRoot()
      return SpecialFunctions.normalCDF(z)
    }
    let tail = upperTail(abs(t), degreesOfFreedom: df)
    return t < 0 ? tail : 1 - tail
  }

  /// The quantile: the t with P(T ≤ t) = p; −∞ for p = 0, +∞ for p = 1, NaN outside 0...1 or when
  /// `degreesOfFreedom` is not positive.
  public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
    let df = degreesOfFreedom
    guard !p.isNaN, !df.isNaN, df > 0, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    // 1 − p is exact for p ≥ ½, so the upper tail keeps its precision.
    let tail = p < 0.5 ? p : 1 - p
    let t = upperQuantile(tail, degreesOfFreedom: df)
    return p < 0.5 ? -t : t
  }

  /// P(T > t) for t ≥ 0.
  static func upperTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
    if t == 0 { return 0.5 }
    let ratio = t * t / df
    if ratio.isInfinite { return 0 }
    if ratio == 0 { return 0.5 }
    let x = 1 / (1 + ratio)
    let y = ratio / (1 + ratio)
    let logX = -log1p(ratio)
    let logY = log(ratio) - log1p(ratio)
    return 0.5 * SpecialFunctions.regularizedIncompleteBeta(a: df / 2, b: 0.5, x: x, y: y, logX: logX, logY: logY)
  }

  /// The density of the t distribution.
  static func density(_ t: Double, degreesOfFreedom df: Double) -> Double {
    exp(-(df + 1) / 2 * log1p(t * t / df) - 0.5 * log(df) - SpecialFunctions.logBeta(df / 2, 0.5))
  }

  /// The t > 0 with P(T > t) = q, for 0 < q < ½.
  static func upperQuantile(_ q: Double, degreesOfFreedom df: Double) -> Double {
    let guess = cornishFisher(-SpecialFunctions.normalQuantile(q), degreesOfFreedom: df)
    if df > asymptoticDegreesOfFreedom { return guess }
    var low = 0.0
    var high = Double.infinity
    var t = guess.isFinite && guess > 0 ? guess : 1
    for _ in 0 ..< 2000 {
      let difference = upperTail(t, degreesOfFreedom: df) - q
      if difference == 0 { return t }
      if difference > 0 { low = t } else { high = t }
      var next = t + difference / density(t, degreesOfFreedom: df)
      if !(next > low && next < high) {
        next = high.isFinite ? low + (high - low) / 2 : 2 * t
      }
      if next.isInfinite { return next }
      if abs(next - t) <= 1e-14 * next || high - low <= 4 * high.ulp { return next }
      t = next
    }
    return t
  }

  /// The Cornish–Fisher expansion of the t quantile in the normal quantile z (Abramowitz & Stegun
  /// 26.7.5); the starting point of the search, and the answer for very large degrees of freedom.
  static func cornishFisher(_ z: Double, degreesOfFreedom df: Double) -> Double {
    let z2 = z * z
    let g1 = (z2 + 1) * z / 4
    let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
    let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
    let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
    return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
  }
}
