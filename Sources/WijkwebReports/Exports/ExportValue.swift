/// One cell of an exported response: a number, a text, a calendar day, or nothing.
public enum ExportValue: Equatable, Sendable {
  /// No value: a statement or score without an answer, a text not published (system-missing in SPSS,
  /// empty in CSV, null in JSON). Demographics and areas use the user-missing codes of `Codebook` instead.
  case missing
  case integer(Int)
  case decimal(Double)
  case text(String)
  /// A calendar day as `yyyy-MM-dd`.
  case day(String)

  /// The value as CSV and the codebook write it: integers plainly, decimals in their shortest exact form.
  public var plain: String {
    switch self {
    case .missing: return ""
    case .integer(let value): return String(value)
    case .decimal(let value): return ExportValue.decimal(value)
    case .text(let text), .day(let text): return text
    }
  }

  /// The shortest decimal text that reads back as exactly `value` (`6.428571428571429`, `7.0`).
  public static func decimal(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
}
