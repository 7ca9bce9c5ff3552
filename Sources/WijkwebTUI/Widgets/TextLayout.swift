import WijkwebCore

/// Word wrapping for screen text.
public enum TextLayout {
  /// Breaks `text` into lines of at most `width` characters at spaces; keeps explicit newlines;
  /// breaks words longer than a line. Linear in the length of `text`, and with `maxLines` it stops once
  /// that many lines are made, so a screen showing twenty lines of a 10 MB text reads only the start.
  public static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
    guard width > 0, maxLines > 0 else { return [] }
    var text = text
    text.makeContiguousUTF8()
    // ASCII (a byte is a character): wrapped on the bytes, fast even unoptimised; nil at the first other byte.
    if let lines = text.utf8.withContiguousStorageIfAvailable({ wrapASCII($0, width: width, maxLines: maxLines) }), let lines {
      return lines
    }
    return wrapCharacters(text, width: width, maxLines: maxLines)
  }

  /// `wrap` by characters, for any text.
  static func wrapCharacters(_ text: String, width: Int, maxLines: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineCount = 0
    var word = ""
    var wordCount = 0
    func endWord() {
      guard wordCount > 0 else { return }
      if lineCount == 0 {
        line = word
        lineCount = wordCount
      } else if lineCount + 1 + wordCount <= width {
        line += " " + word
        lineCount += 1 + wordCount
      } else {
        lines.append(line)
        line = word
        lineCount = wordCount
      }
      word = ""
      wordCount = 0
    }
    for character in text {
      if lines.count >= maxLines { return Array(lines.prefix(maxLines)) }
      if character == "\n" {
        endWord()
        lines.append(line)
        line = ""
        lineCount = 0
      } else if character == " " {
        endWord()
      } else {
        if wordCount == width {
          // A word longer than a line: the full piece gets a line of its own.
          if lineCount > 0 { lines.append(line); line = ""; lineCount = 0 }
          lines.append(word)
          word = ""
          wordCount = 0
        }
        word.append(character)
        wordCount += 1
      }
    }
    endWord()
    lines.append(line)
    return Array(lines.prefix(maxLines))
  }

  /// `wrap` for ASCII bytes; nil when a byte is not ASCII.
  private static func wrapASCII(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, maxLines: Int) -> [String]? {
    var lines: [String] = []
    func text(_ start: Int, _ end: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self)
    }
    let count = bytes.count
    var line = ""
    var lineCount = 0
    var index = 0
    while index <= count {
      if lines.count >= maxLines { return Array(lines.prefix(maxLines)) }
      if index == count || bytes[index] == 10 {
        lines.append(line)
        line = ""
        lineCount = 0
        index += 1
        continue
      }
      if bytes[index] == 32 { index += 1; continue }
      var start = index
      while index < count, bytes[index] != 32, bytes[index] != 10 {
        if bytes[index] >= 0x80 { return nil }
        index += 1
        if index - start > width {
          // A word longer than a line: the full piece gets a line of its own.
          if lineCount > 0 { lines.append(line); line = ""; lineCount = 0 }
          lines.append(text(start, start + width))
          if lines.count >= maxLines { return Array(lines.prefix(maxLines)) }
          start += width
        }
      }
      let wordCount = index - start
      if lineCount == 0 {
        line = text(start, index)
        lineCount = wordCount
      } else if lineCount + 1 + wordCount <= width {
        line += " " + text(start, index)
        lineCount += 1 + wordCount
      } else {
        lines.append(line)
        line = text(start, index)
        lineCount = wordCount
      }
    }
    return Array(lines.prefix(maxLines))
  }
}
