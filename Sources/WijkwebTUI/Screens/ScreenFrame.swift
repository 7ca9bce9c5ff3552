import Foundation
import WijkwebCore

/// The frame shared by every screen: a title line, a rule, the body, a notice line and the keys.
struct ScreenFrame {
  static let minimumSize = Size(width: 80, height: 24)

  var buffer: ScreenBuffer
  let unicode: Bool
  let language: Language

  init(size: Size, unicode: Bool, language: Language) {
    buffer = ScreenBuffer(width: size.width, height: size.height)
    self.unicode = unicode
    self.language = language
  }

  var width: Int { buffer.width }
  var height: Int { buffer.height }
  /// The first and last rows of the body.
  var bodyTop: Int { 2 }
  var bodyBottom: Int { height - 4 }
  /// Left margin of the body.
  var margin: Int { width >= 100 ? (width - 96) / 2 + 2 : 2 }
  var bodyWidth: Int { width - 2 * margin }

  mutating func header(_ title: String, right: String) {
    buffer.put(" " + title, x: 0, y: 0, style: .heading)
    let right = Self.shortened(TerminalText.visible(right), to: max(1, width - title.count - 4))
    buffer.put(right + " ", x: max(0, width - right.count - 1), y: 0, style: .muted)
    rule(y: 1)
  }

  /// The keys on the last line (two when they do not fit, broken between keys), a rule above them, and
  /// the notice above the rule, wrapped onto a second line when it is long: nothing is cut off.
  mutating func footer(keys: [String], notice: String?) {
    let keyLines = Self.pack(keys, width: width - 2)
    let ruleRow = height - 1 - keyLines.count
    let noticeLines = notice.map { $0.count <= width - 2 ? [$0] : TextLayout.wrap($0, width: width - 2) } ?? []
    for (offset, line) in noticeLines.suffix(2).enumerated() {
      let row = ruleRow - min(2, noticeLines.count) + offset
      clear(row: row)
      buffer.put(" " + line, x: 0, y: row, style: .warning, maxWidth: width)
    }
    rule(y: ruleRow)
    for (offset, line) in keyLines.enumerated() {
      clear(row: ruleRow + 1 + offset)
      buffer.put(" " + line, x: 0, y: ruleRow + 1 + offset, style: .bold, maxWidth: width - 1)
    }
  }

  /// Keys joined with three spaces (the parts of one key string keep their two), on as few lines of
  /// `width` as they fit, broken only between keys or parts; at most two lines.
  static func pack(_ keys: [String], width: Int) -> [String] {
    var tokens: [(separator: String, text: String)] = []
    for key in keys {
      let parts = key.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      for (index, part) in parts.enumerated() { tokens.append((index == 0 ? "   " : "  ", part)) }
    }
    var lines: [String] = []
    var line = ""
    for token in tokens {
      if line.isEmpty {
        line = token.text
      } else if line.count + token.separator.count + token.text.count <= width {
        line += token.separator + token.text
      } else {
        lines.append(line)
        line = token.text
      }
    }
    lines.append(line)
    let wrapped = lines.flatMap { $0.count > width ? TextLayout.wrap($0, width: width) : [$0] }
    if wrapped.count > 2 { return Array(TextLayout.wrap(wrapped.joined(separator: " "), width: width).prefix(2)) }
    return wrapped
  }

  mutating func clear(row: Int) {
    buffer.put(String(repeating: " ", count: width), x: 0, y: row)
  }

  mutating func rule(y: Int) {
    buffer.put(String(repeating: unicode ? "─" : "-", count: width), x: 0, y: y, style: .muted)
  }

  /// `text` in at most `width` cells: whole, or cut after its last whole word that fits, with "…".
  static func shortened(_ text: String, to width: Int) -> String {
    guard text.count > width else { return text }
    let first = TextLayout.wrap(text, width: max(1, width - 1), maxLines: 1).first ?? ""
    return String(first.prefix(max(0, width - 1))) + "…"
  }

  /// Writes wrapped text from row `y`; returns the row after the last line.
  @discardableResult
  mutating func paragraph(_ text: String, y: Int, style: Style = .plain, x: Int? = nil, width: Int? = nil, centered: Bool = false) -> Int {
    let left = x ?? margin
    let span = width ?? bodyWidth
    var row = y
    for line in TextLayout.wrap(text, width: span, maxLines: max(0, bodyBottom - y + 1)) where row <= bodyBottom {
      if centered {
        buffer.putCentered(line, y: row, x: left, width: span, style: style)
      } else {
        buffer.put(line, x: left, y: row, style: style, maxWidth: span)
      }
      row += 1
    }
    return row
  }

  /// A line of keys, centred, keeping its spacing when it fits; wrapped otherwise.
  mutating func keyLine(_ text: String, y: Int, style: Style = .bold) {
    if text.count <= bodyWidth {
      buffer.putCentered(text, y: y, style: style)
    } else {
      paragraph(text, y: y, style: style, centered: true)
    }
  }

  /// A bar of `width` cells filled to `fraction`.
  mutating func progressBar(fraction: Double, x: Int, y: Int, width: Int) {
    let filled = Int((Double(width) * min(1, max(0, fraction))).rounded())
    let full = unicode ? "█" : "#"
    let empty = unicode ? "░" : "."
    buffer.put(String(repeating: full, count: filled), x: x, y: y, style: Style(role: .accent))
    buffer.put(String(repeating: empty, count: width - filled), x: x + filled, y: y, style: .muted)
  }

  /// The message shown instead of any screen when the window is smaller than 80x24.
  static func tooSmall(size: Size, language: Language) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: size.width, height: size.height)
    let message = UIString.tooSmall.format(language, size.width, size.height, minimumSize.width, minimumSize.height)
    let lines = TextLayout.wrap(message, width: max(1, size.width - 2))
    let top = max(0, (size.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() {
      buffer.putCentered(line, y: top + offset, style: .warning)
    }
    return buffer
  }
}
