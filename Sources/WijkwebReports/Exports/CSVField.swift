/// One text field of a CSV file Wijkweb writes (responses, codebook, profiles).
///
/// Formula rule (OWASP, "CSV injection"): a text that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a single quote in front, so a spreadsheet shows it as text instead of evaluating it (a
/// reflection `=HYPERLINK(...)` stays a line of text). Then a field holding a comma, a quote or a line
/// break is quoted (RFC 4180). Numbers are written as they are and never pass through here.
public enum CSVField {
  /// The first bytes that make a spreadsheet read a cell as a formula.
  static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13]

  /// `text` neutralised and quoted as needed.
  public static func text(_ text: String) -> String {
    quoted(neutralised(text))
  }

  /// `text` with a single quote in front when it starts like a formula.
  public static func neutralised(_ text: String) -> String {
    guard let first = text.utf8.first, formulaStarts.contains(first) else { return text }
    return "'" + text
  }

  /// `field` in double quotes (inner quotes doubled) when it holds a comma, quote or line break.
  public static func quoted(_ field: String) -> String {
    // Bytes, not characters: the check runs for every text cell of every row.
    guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
      return field
    }
    var out = "\""
    for character in field {
      if character == "\"" { out += "\"\"" } else { out.append(character) }
    }
    return out + "\""
  }
}
