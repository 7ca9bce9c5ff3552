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
    buffer.put(right + " ", x: max(0, width - right.count - 1), y: 0, style: .muted)
    rule(y: 1)
  }

  mutating func footer(keys: [String], notice: String?) {
    if let notice {
      buffer.put(" " + notice, x: 0, y: height - 3, style: .warning, maxWidth: width)
    }
    rule(y: height - 2)
    buffer.put(" " + keys.joined(separator: "   "), x: 0, y: height - 1, style: .bold, maxWidth: width - 1)
  }

  mutating func rule(y: Int) {
    buffer.put(String(repeating: unicode ? "─" : "-", count: width), x: 0, y: y, style: .muted)
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
