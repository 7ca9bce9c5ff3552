import WijkwebCore

/// A rectangle of character cells, the unit every screen draws into before a terminal shows it.
///
/// Screens are pure functions from state to a `ScreenBuffer`; the ncurses terminal copies the buffer to
/// the real screen and the in-memory terminal keeps it for tests, which compare `lines` as plain text.
public struct ScreenBuffer: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// Where the terminal cursor should stand after drawing, or nil to hide it.
  public var cursor: Point?
  /// Texts that did not fit where they were put (cut at `maxWidth` or the edge): a screen test fails
  /// on any, so no message loses the words that say what to do.
  public private(set) var clipped: [String] = []

  /// One character cell: its character and how it is drawn.
  public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: Style
    public init(_ character: Character = " ", style: Style = .plain) {
      self.character = character
      self.style = style
    }
  }

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: Cell(), count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set {
      guard contains(x: x, y: y) else { return }
      cells[y * width + x] = newValue
    }
  }

  public func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < width && y < height
  }

  /// Writes `text` from column `x` on row `y`, clipped at `maxWidth` and at the buffer's edge.
  /// Returns the column after the last character written. Control characters (from a file or database
  /// that a screen did not already pass through `TerminalText.visible`) are written as their visible
  /// signs, one cell each, so no escape sequence ever reaches the terminal from a screen.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
    guard y >= 0, y < height else { return x }
    let text = TerminalText.visible(text)
    let limit = min(width, x + (maxWidth ?? width))
    var column = x
    for (offset, character) in text.enumerated() {
      if column >= limit {
        if text.dropFirst(offset).contains(where: { $0 != " " }) { clipped.append(text) }
        break
      }
      if column >= 0 { self[column, y] = Cell(character, style: style) }
      column += 1
    }
    return column
  }

  /// Writes `text` centred on row `y` within the columns `x ..< x + width`.
  public mutating func putCentered(_ text: String, y: Int, x: Int = 0, width: Int? = nil, style: Style = .plain) {
    let span = width ?? self.width
    let start = x + max(0, (span - text.count) / 2)
    put(text, x: start, y: y, style: style, maxWidth: span - (start - x))
  }

  /// Sets the style of every cell in a row range without changing characters.
  public mutating func applyStyle(_ style: Style, x: Int, y: Int, length: Int) {
    for column in x ..< x + length where contains(x: column, y: y) {
      self[column, y].style = style
    }
  }

  /// The buffer as plain text, one string per row, trailing spaces removed: what snapshot tests compare.
  public var lines: [String] {
    (0 ..< height).map { row in
      var line = String(cells[(row * width) ..< (row * width + width)].map(\.character))
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The plain text of the whole buffer, rows joined by newlines.
  public var text: String { lines.joined(separator: "\n") }
}

/// A position on the screen in cells.
public struct Point: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}

/// A terminal size in cells.
public struct Size: Equatable, Sendable {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}
