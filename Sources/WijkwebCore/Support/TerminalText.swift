/// Text from a file or a database made safe to print on a terminal: every control character is shown as
/// a visible sign of one column, so an escape sequence in a round name, area name or reflection can
/// neither set the clipboard (OSC 52), clear the screen (CSI 2J), retitle the window nor reorder the line
/// (bidirectional overrides), and a table keeps its columns.
///
/// C0 controls become their Control Pictures sign (ESC as U+241B `␛`), DEL U+2421 `␡`; C1 controls
/// (U+0080-U+009F, which some terminals obey as CSI and OSC) and bidirectional controls become U+FFFD `�`.
public enum TerminalText {
  /// `text` with every control character made visible; with `keepingNewlines`, line feeds stay line
  /// feeds (for messages of several lines).
  public static func visible(_ text: String, keepingNewlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if keepingNewlines && scalar == "\n" {
        result.append(scalar)
      } else if scalar.value < 0x20 {
        result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
      } else if scalar.value == 0x7F {
        result.append("\u{2421}")
      } else if isControl(scalar) {
        result.append("\u{FFFD}")
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Whether `text` holds no control character at all (line feeds included).
  public static func isPrintable(_ text: String) -> Bool { !text.unicodeScalars.contains(where: { isControl($0) }) }

  /// Whether `scalar` is a control character a terminal may act on: C0, DEL, C1, or a bidirectional
  /// embedding, override or isolate.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00 ..< 0x20, 0x7F ... 0x9F, 0x200E, 0x200F, 0x202A ... 0x202E, 0x2066 ... 0x2069: return true
    default: return false
    }
  }
}
