/// Column names that SPSS, R, Stata and spreadsheets all accept: ASCII letters, digits and underscores,
/// starting with a letter, at most 64 bytes, never an SPSS reserved word, unique regardless of case.
public struct VariableNames {
  /// SPSS reserved words, which cannot name a variable.
  static let reserved: Set<String> = ["all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"]

  private var taken: Set<String> = []

  public init() {}

  /// `raw` made valid: `h-lf-1` becomes `h_lf_1`, `2e-vraag` becomes `v_2e_vraag`.
  public static func sanitize(_ raw: String) -> String {
    var name = String(raw.lowercased().unicodeScalars.map { scalar -> Character in
      let isWord = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "_"
      return isWord ? Character(scalar) : "_"
    })
    while name.hasSuffix("_") { name.removeLast() }
    if name.isEmpty { name = "v" }
    if let first = name.unicodeScalars.first, !(first >= "a" && first <= "z") { name = "v_" + name }
    if reserved.contains(name) { name = "v_" + name }
    return String(name.prefix(64))
  }

  /// A sanitized name not handed out before; a clash gets `_2`, `_3`, ...
  public mutating func unique(_ raw: String) -> String {
    let base = Self.sanitize(raw)
    var name = base
    var counter = 1
    while taken.contains(name) {
      counter += 1
      let suffix = "_\(counter)"
      name = String(base.prefix(64 - suffix.count)) + suffix
    }
    taken.insert(name)
    return name
  }
}
