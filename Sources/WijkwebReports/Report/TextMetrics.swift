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

  /// The width of one character in font units.
  private static func units(_ character: Character, table: [UInt32: Int]) -> Int {
    var units = 0
    for scalar in character.unicodeScalars {
      units += table[scalar.value] ?? (scalar.properties.generalCategory == .nonspacingMark ? 0 : DejaVuSansMetrics.fallback)
    }
    return units
  }

  /// `text` broken into lines no wider than `width` points, at spaces; a word longer than a line is broken
  /// between characters. Linear in the length of `text`: every character is measured once.
  public static func wrap(_ text: String, width: Double, size: Double, weight: FontWeight = .regular) -> [String] {
    wrap(text, width: width, size: size, weight: weight, stopAfter: Int.max)
  }

  /// `wrap`, stopping once `stopAfter` lines are made (the caller needs no more).
  static func wrap(_ text: String, width: Double, size: Double, weight: FontWeight, stopAfter: Int) -> [String] {
    let table = weight == .bold ? DejaVuSansMetrics.bold : DejaVuSansMetrics.regular
    // Work in font units: a line holds at most `limit` units.
    let limit = Int((width / size * DejaVuSansMetrics.unitsPerEm + 1e-9).rounded(.down))
    var text = text
    text.makeContiguousUTF8()
    // ASCII (every byte one character): measured byte by byte from a small table, fast even unoptimised;
    // nil at the first byte that is not ASCII.
    let widths = (0 ..< 128).map { table[UInt32($0)] ?? DejaVuSansMetrics.fallback }
    if let lines = text.utf8.withContiguousStorageIfAvailable({ wrapASCII($0, widths: widths, limit: limit, stopAfter: stopAfter) }),
       let lines {
      return lines
    }
    return wrapCharacters(text, table: table, limit: limit, stopAfter: stopAfter)
  }

  /// Wraps ASCII bytes; `widths` gives each byte's width in font units. Nil at the first byte that is not
  /// ASCII.
  private static func wrapASCII(_ bytes: UnsafeBufferPointer<UInt8>, widths: [Int], limit: Int, stopAfter: Int) -> [String]? {
    var lines: [String] = []
    let space = UInt8(ascii: " ")
    let spaceUnits = widths[Int(space)]
    var line = ""
    var lineUnits = 0
    func text(_ start: Int, _ end: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self)
    }
    var index = 0
    let count = bytes.count
    while index < count, lines.count < stopAfter {
      if bytes[index] == space { index += 1; continue }
      // One word: measure until it ends or no longer fits on a line.
      let start = index
      var units = 0
      while index < count, bytes[index] != space, units <= limit {
        if bytes[index] >= 0x80 { return nil }
        units += widths[Int(bytes[index])]
        index += 1
      }
      if units <= limit {
        if line.isEmpty {
          line = text(start, index)
          lineUnits = units
        } else if lineUnits + spaceUnits + units <= limit {
          line += " " + text(start, index)
          lineUnits += spaceUnits + units
        } else {
          lines.append(line)
          line = text(start, index)
          lineUnits = units
        }
        continue
      }
      // A word longer than a line: finish the line, then cut the word where each piece is full.
      if !line.isEmpty { lines.append(line) }
      index = start
      var pieceStart = start
      var pieceUnits = 0
      while index < count, bytes[index] != space {
        if bytes[index] >= 0x80 { return nil }
        let next = widths[Int(bytes[index])]
        if pieceUnits + next > limit, index > pieceStart {
          lines.append(text(pieceStart, index))
          if lines.count >= stopAfter { return lines }
          pieceStart = index
          pieceUnits = 0
        }
        pieceUnits += next
        index += 1
      }
      line = text(pieceStart, index)
      lineUnits = pieceUnits
    }
    if !line.isEmpty, lines.count < stopAfter { lines.append(line) }
    return lines
  }

  /// Wraps any text character by character (a character's scalars are measured together), reading only
  /// as far as the lines it is asked for.
  static func wrapCharacters(_ text: String, table: [UInt32: Int], limit: Int, stopAfter: Int) -> [String] {
    let space = units(" ", table: table)
    var lines: [String] = []
    var current = ""
    var currentUnits = 0
    var word = ""
    var wordUnits = 0
    var wordTooLong = false
    func endWord() {
      guard !word.isEmpty else { return }
      if wordTooLong || current.isEmpty {
        current = word
        currentUnits = wordUnits
      } else if currentUnits + space + wordUnits <= limit {
        current += " " + word
        currentUnits += space + wordUnits
      } else {
        lines.append(current)
        current = word
        currentUnits = wordUnits
      }
      word = ""
      wordUnits = 0
      wordTooLong = false
    }
    for character in text {
      if lines.count >= stopAfter { return Array(lines.prefix(stopAfter)) }
      if character == " " {
        endWord()
        continue
      }
      let characterUnits = units(character, table: table)
      if wordUnits + characterUnits > limit, !word.isEmpty {
        // A word longer than a line: finish the line once, then each full piece gets a line.
        if !wordTooLong, !current.isEmpty {
          lines.append(current)
          current = ""
          currentUnits = 0
        }
        wordTooLong = true
        lines.append(word)
        word = ""
        wordUnits = 0
      }
      word.append(character)
      wordUnits += characterUnits
    }
    endWord()
    if !current.isEmpty { lines.append(current) }
    return Array(lines.prefix(stopAfter))
  }

  /// Like `wrap`, but at most `maxLines` lines; when text is left over, the last line is cut after its
  /// last whole word (or, for one long word, where it fits) and ends in " …".
  public static func wrap(_ text: String, width: Double, size: Double, weight: FontWeight = .regular, maxLines: Int) -> [String] {
    let lines = wrap(text, width: width, size: size, weight: weight, stopAfter: maxLines + 1)
    guard lines.count > maxLines, maxLines > 0 else { return lines }
    var last = lines[maxLines - 1]
    let ellipsis = " …"
    if Self.width(last + ellipsis, size: size, weight: weight) > width {
      // Cut at the last space that leaves room for the ellipsis; else at a character.
      if let space = last.lastIndex(of: " ") {
        last = String(last[..<space])
        while let earlier = last.lastIndex(of: " "), Self.width(last + ellipsis, size: size, weight: weight) > width {
          last = String(last[..<earlier])
        }
      }
      while !last.isEmpty, Self.width(last + ellipsis, size: size, weight: weight) > width {
        last.removeLast()
      }
    }
    return Array(lines.prefix(maxLines - 1)) + [last.trimmingTrailingSpaces() + ellipsis]
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
