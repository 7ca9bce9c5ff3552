import WijkwebCore

/// A dot canvas drawn with Unicode braille characters, or with plain ASCII on terminals without them.
///
/// In braille mode every character cell holds 2 x 4 dots, so a canvas of `columns x rows` cells is
/// `columns * 2` dots wide and `rows * 4` dots high. Because a terminal cell is about twice as tall as it
/// is wide, braille dots come out roughly square. In ASCII mode one dot is one cell; callers that want
/// round shapes then scale their y coordinates by about 0.5.
///
/// Dots belong to a `Layer`. A cell's character combines the dots of all layers; its style is the style
/// of the highest layer that has a dot in it, so the resident's web shows through the grid.
public struct BrailleCanvas: Equatable, Sendable {
  /// What a dot belongs to. Later cases win when a cell holds dots of several layers.
  public enum Layer: Int, Comparable, CaseIterable, Sendable {
    /// Rings, axes and other reference lines.
    case grid = 0
    /// The resident's own web.
    case web = 1

    public static func < (lhs: Layer, rhs: Layer) -> Bool {
      lhs.rawValue < rhs.rawValue
    }
  }

  /// Width of the canvas in character cells.
  public let columns: Int
  /// Height of the canvas in character cells.
  public let rows: Int
  /// Whether one dot is one cell drawn as '.' (grid) or '*' (web) instead of a braille dot.
  public let ascii: Bool

  /// Dots per cell horizontally: 2 for braille, 1 for ASCII.
  public var dotsPerColumn: Int { ascii ? 1 : 2 }
  /// Dots per cell vertically: 4 for braille, 1 for ASCII.
  public var dotsPerRow: Int { ascii ? 1 : 4 }
  /// Width of the canvas in dots.
  public var dotWidth: Int { columns * dotsPerColumn }
  /// Height of the canvas in dots.
  public var dotHeight: Int { rows * dotsPerRow }

  /// For each layer (indexed by raw value), one bit mask per cell, row by row.
  private var masks: [[UInt8]]

  /// The braille bit of the dot at (`dx`, `dy`) inside a cell, indexed `[dy][dx]`.
  private static let brailleBits: [[UInt8]] = [
    [0x01, 0x08],
    [0x02, 0x10],
    [0x04, 0x20],
    [0x40, 0x80],
  ]

  /// Lines whose rounded end points lie further away than this are ignored rather than walked.
  private static let coordinateLimit = 1_000_000.0

  /// Creates an empty braille canvas of `columns x rows` character cells.
  public init(columns: Int, rows: Int) {
    self.init(columns: columns, rows: rows, ascii: false)
  }

  /// Creates an empty canvas of `columns x rows` cells; with `ascii` true one dot is one cell.
  public init(columns: Int, rows: Int, ascii: Bool) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    self.ascii = ascii
    let count = self.columns * self.rows
    self.masks = Layer.allCases.map { _ in Array(repeating: 0, count: count) }
  }

  /// Sets the dot at (`x`, `y`) in `layer`; dots outside the canvas are ignored.
  public mutating func set(x: Int, y: Int, layer: Layer) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let column = x / dotsPerColumn
    let row = y / dotsPerRow
    let bit: UInt8 = ascii ? 1 : Self.brailleBits[y % 4][x % 2]
    masks[layer.rawValue][row * columns + column] |= bit
  }

  /// Whether the dot at (`x`, `y`) is set in any layer (or in `layer` only, when given).
  public func isSet(x: Int, y: Int, layer: Layer? = nil) -> Bool {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
    let index = (y / dotsPerRow) * columns + x / dotsPerColumn
    let bit: UInt8 = ascii ? 1 : Self.brailleBits[y % 4][x % 2]
    if let layer { return masks[layer.rawValue][index] & bit != 0 }
    return masks.contains { $0[index] & bit != 0 }
  }

  /// Draws a straight line between two points in dot coordinates (Bresenham, end points rounded).
  ///
  /// With `every` above 1 only every so many dots of the line are set, starting with the first, which
  /// gives a lighter, dotted line. Dots that fall outside the canvas are skipped; the rest of the line
  /// is still drawn. With `dash`, runs of `on` dots alternate with gaps of `off` dots: a dashed line.
  public mutating func line(
    from start: (Double, Double), to end: (Double, Double), layer: Layer, every step: Int = 1, dash: (on: Int, off: Int)? = nil
  ) {
    let coordinates = [start.0, start.1, end.0, end.1]
    guard coordinates.allSatisfy({ $0.isFinite && abs($0) <= Self.coordinateLimit }) else { return }
    var x = Int(start.0.rounded())
    var y = Int(start.1.rounded())
    let endX = Int(end.0.rounded())
    let endY = Int(end.1.rounded())
    let deltaX = abs(endX - x)
    let deltaY = -abs(endY - y)
    let stepX = x < endX ? 1 : -1
    let stepY = y < endY ? 1 : -1
    var error = deltaX + deltaY
    let step = max(1, step)
    var count = 0
    while true {
      let inDash = dash.map { count % max(1, $0.on + $0.off) < $0.on } ?? true
      if count % step == 0 && inDash { set(x: x, y: y, layer: layer) }
      count += 1
      if x == endX && y == endY { break }
      let doubled = 2 * error
      if doubled >= deltaY {
        error += deltaY
        x += stepX
      }
      if doubled <= deltaX {
        error += deltaX
        y += stepY
      }
    }
  }

  /// The character of the cell at (`column`, `row`), or nil when the cell holds no dots.
  public func character(column: Int, row: Int) -> Character? {
    guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
    let index = row * columns + column
    let mask = masks.reduce(UInt8(0)) { $0 | $1[index] }
    guard mask != 0 else { return nil }
    if ascii {
      return masks[Layer.web.rawValue][index] != 0 ? "*" : "."
    }
    guard let scalar = Unicode.Scalar(0x2800 + UInt32(mask)) else { return nil }
    return Character(scalar)
  }

  /// The highest layer with a dot in the cell at (`column`, `row`), or nil when the cell is empty.
  public func topLayer(column: Int, row: Int) -> Layer? {
    guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
    let index = row * columns + column
    return Layer.allCases.last { masks[$0.rawValue][index] != 0 }
  }

  /// Writes every non-empty cell into `buffer` with its top layer's style, the canvas's top-left at `origin`.
  ///
  /// Empty cells leave the buffer untouched; cells outside the buffer are skipped. A layer without an
  /// entry in `styles` is drawn plain.
  public func draw(into buffer: inout ScreenBuffer, at origin: Point, styles: [Layer: Style]) {
    for row in 0 ..< rows {
      for column in 0 ..< columns {
        guard let character = character(column: column, row: row),
              let layer = topLayer(column: column, row: row) else { continue }
        let x = origin.x + column
        let y = origin.y + row
        guard buffer.contains(x: x, y: y) else { continue }
        buffer[x, y] = ScreenBuffer.Cell(character, style: styles[layer] ?? .plain)
      }
    }
  }
}
