/// Measures and wraps text set in DejaVu Sans, without a font library: the same numbers for the PDF
/// and the SVG, and for tests.
public enum TextMetrics {
  /// Height above the baseline, in ems (DejaVu Sans: 1901/2048).
  public static let ascent = 0.93
  /// Depth below the baseline, in ems (DejaVu Sans: 483/2048).
  public static let descent = 0.24

  /// The width of `text` in points at `size` points.
  public static func width(_ text: String, size: Double, weight: FontWeight = .regular) -> Double {
    let table = weight == .bold ? DejaVuSansMetrics.bold : DejaVuSansMetrics.regular
    var units = 0
    for scalar in text.unicodeScalars {
      units += table[scalar.value] ?? (scalar.properties.generalCategory == .nonspacingMark ? 0 : DejaVuSansMetrics.fallback)
    }
    return Double(units) / DejaVuSansMetrics.unitsPerEm * size
  }

  /// `text` broken into lines no wider than `width` points, at spaces; a word longer than a line is cut.
  public static func wrap(_ text: String, width: Double, size: Double, weight: FontWeight = .regular) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
      let candidate = current.isEmpty ? word : current + " " + word
      if Self.width(candidate, size: size, weight: weight) <= width {
        current = candidate
        continue
      }
      if !current.isEmpty { lines.append(current) }
      current = word
      while Self.width(current, size: size, weight: weight) > width, current.count > 1 {
        var cut = current.count - 1
        while cut > 1, Self.width(String(current.prefix(cut)), size: size, weight: weight) > width { cut -= 1 }
        lines.append(String(current.prefix(cut)))
        current = String(current.dropFirst(cut))
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Like `wrap`, but at most `maxLines` lines; when text is left over, the last line ends in "…".
  public static func wrap(_ text: String, width: Double, size: Double, weight: FontWeight = .regular, maxLines: Int) -> [String] {
    let lines = wrap(text, width: width, size: size, weight: weight)
    guard lines.count > maxLines, maxLines > 0 else { return lines }
    var last = lines[maxLines - 1]
    while !last.isEmpty, Self.width(last + " …", size: size, weight: weight) > width {
      last = String(last.dropLast())
    }
    return Array(lines.prefix(maxLines - 1)) + [last.trimmingTrailingSpaces() + " …"]
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
