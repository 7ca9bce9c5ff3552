import WijkwebCore

/// Word wrapping for screen text.
public enum TextLayout {
  /// Breaks `text` into lines of at most `width` characters at spaces; keeps explicit newlines;
  /// breaks words longer than a line.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        var word = String(word)
        while word.count > width {
          if !line.isEmpty { lines.append(line); line = "" }
          lines.append(String(word.prefix(width)))
          word = String(word.dropFirst(width))
        }
        if line.isEmpty {
          line = word
        } else if line.count + 1 + word.count <= width {
          line += " " + word
        } else {
          lines.append(line)
          line = word
        }
      }
      lines.append(line)
    }
    return lines
  }
}
