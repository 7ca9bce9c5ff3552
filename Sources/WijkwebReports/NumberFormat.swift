#if canImport(Glibc)
import Glibc
#endif

/// Numbers as people and machines read them: a decimal comma for Dutch readers, a point for files.
public enum NumberFormat {
  /// `value` with `decimals` decimals and a decimal comma (6,4), for people.
  public static func dutch(_ value: Double, decimals: Int = 1) -> String {
    String(machine(value, decimals: decimals).map { $0 == "." ? "," : $0 })
  }

  /// `value` with `decimals` decimals and a decimal point, for CSV and JSON.
  public static func machine(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "" }
    var factor = 1.0
    for _ in 0 ..< decimals { factor *= 10 }
    let rounded = (abs(value) * factor).rounded() / factor
    let sign = value < 0 && rounded > 0 ? "-" : ""
    let whole = Int(rounded)
    guard decimals > 0 else { return sign + String(whole) }
    let fraction = Int(((rounded - Double(whole)) * factor).rounded())
    let digits = String(fraction)
    return sign + String(whole) + "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
  }

  /// A share (0...1) as a whole percentage, e.g. "23%".
  public static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) + "%" }
}

extension String {
  /// Pads with spaces on the left to `width` characters.
  func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
  /// Pads with spaces on the right to `width` characters, cutting longer text.
  func rightPadded(_ width: Int) -> String {
    count > width ? String(prefix(width - 1)) + "." : self + String(repeating: " ", count: width - count)
  }
}
