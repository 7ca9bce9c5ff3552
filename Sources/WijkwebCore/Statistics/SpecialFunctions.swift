#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The special functions behind the distributions: log-beta, the regularized incomplete beta function
/// and the standard normal distribution.
enum SpecialFunctions {
  /// ln √(2π).
  static let logSquareRootTwoPi = 0.918_938_533_204_672_741_78

  /// The remainder of Stirling's series, ln Γ(x) − ((x − ½) ln x − x + ln √(2π)), for x ≥ 10
  /// (eight Bernoulli terms; the first omitted term is below 1e-17 at x = 10).
  static func stirlingCorrection(_ x: Double) -> Double {
    let coefficients: [Double] = [
      1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360_360, 1.0 / 156, -3617.0 / 122_400,
    ]
    let inverseSquare = 1 / (x * x)
    var sum = 0.0
    for coefficient in coefficients.reversed() { sum = sum * inverseSquare + coefficient }
    return sum / x
  }

  /// ln B(a, b) for a, b > 0, accurate also when one or both arguments are large (R's `lbeta` scheme).
  static func logBeta(_ a: Double, _ b: Double) -> Double {
    let p = min(a, b)
    let q = max(a, b)
    if p >= 10 {
      let correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q)
      return -0.5 * log(q) + logSquareRootTwoPi + correction + (p - 0.5) * log(p / (p + q)) + q * log1p(-p / (p + q))
    }
    if q >= 10 {
      let correction = stirlingCorrection(q) - stirlingCorrection(p + q)
      return lgamma(p) + correction + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
    }
    return lgamma(p) + lgamma(q) - lgamma(p + q)
  }

  /// The regularized incomplete beta function I_x(a, b).
  static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
    regularizedIncompleteBeta(a: a, b: b, x: x, y: 1 - x, logX: log(x), logY: log1p(-x))
  }

  /// I_x(a, b) with y = 1 − x, ln x and ln y supplied by the caller, who can often compute them more
  /// accurately than from x (Numerical Recipes' `betai`, continued fraction by the modified Lentz method).
  static func regularizedIncompleteBeta(a: Double, b: Double, x: Double, y: Double, logX: Double, logY: Double) -> Double {
    if x.isNaN || y.isNaN || a.isNaN || b.isNaN { return .nan }
    if x <= 0 { return 0 }
    if y <= 0 { return 1 }
    let front = exp(a * logX + b * logY - logBeta(a, b))
    if x < (a + 1) / (a + b + 2) {
      return front * betaContinuedFraction(a: a, b: b, x: x) / a
    }
    return 1 - front * betaContinuedFraction(a: b, b: a, x: y) / b
  }

  /// The continued fraction of the incomplete beta function; converges in O(√max(a, b)) steps for
  /// x < (a + 1) / (a + b + 2).
  static func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
    let tiny = 1e-300
    let epsilon = 1e-16
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for step in 1 ... 1_000_000 {
      let m = Double(step)
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < epsilon { break }
    }
    return h
  }

  /// The standard normal distribution function Φ(z).
  static func normalCDF(_ z: Double) -> Double {
    0.5 * erfc(-z / 2.0.squareRoot())
  }

  /// The standard normal quantile Φ⁻¹(p): Acklam's rational approximation refined by one Halley step
  /// on `erfc`, which brings it to full double precision.
  static func normalQuantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let low = 0.02425
    var x: Double
    if p < low {
      let q = (-2 * log(p)).squareRoot()
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - low {
      let q = p - 0.5
      let r = q * q
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
      let q = (-2 * log1p(-p)).squareRoot()
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    // Halley refinement, on the tail that keeps relative precision.
    let error = x < 0 ? normalCDF(x) - p : (1 - p) - normalCDF(-x)
    let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
  }
}
