/// A point in PostScript points (1/72 inch), y growing downwards as on a page.
public struct PagePoint: Equatable, Sendable {
  public var x: Double
  public var y: Double
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// This point moved by `dx`, `dy`.
  public func offset(_ dx: Double, _ dy: Double) -> PagePoint { PagePoint(x: x + dx, y: y + dy) }
}

/// A rectangle in points: its top-left corner and size.
public struct PageRect: Equatable, Sendable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var maxX: Double { x + width }
  public var maxY: Double { y + height }

  /// Whether the two rectangles share any area (touching edges do not count).
  public func overlaps(_ other: PageRect) -> Bool {
    x < other.maxX - 0.01 && other.x < maxX - 0.01 && y < other.maxY - 0.01 && other.y < maxY - 0.01
  }

  /// Whether `other` lies inside this rectangle (with `tolerance` points to spare).
  public func contains(_ other: PageRect, tolerance: Double = 0.01) -> Bool {
    other.x >= x - tolerance && other.y >= y - tolerance && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
  }
}

/// A colour as red, green and blue from 0 to 1.
public struct RGB: Equatable, Sendable {
  public var red: Double
  public var green: Double
  public var blue: Double

  /// A colour from a hex value such as 0x0072B2.
  public init(hex: UInt32) {
    red = Double((hex >> 16) & 0xFF) / 255
    green = Double((hex >> 8) & 0xFF) / 255
    blue = Double(hex & 0xFF) / 255
  }

  /// `#0072b2`, for SVG and CSS.
  public var css: String {
    let digits = Array("0123456789abcdef")
    return "#" + [red, green, blue].map { component in
      let value = Int((min(1, max(0, component)) * 255).rounded())
      return String([digits[value / 16], digits[value % 16]])
    }.joined()
  }

  /// The brightness as a greyscale printer sees it (Rec. 601 luma), 0 black to 1 white.
  public var luma: Double { 0.299 * red + 0.587 * green + 0.114 * blue }

  public static let black = RGB(hex: 0x000000)
  public static let text = RGB(hex: 0x1A1A1A)
  public static let muted = RGB(hex: 0x555555)
  public static let grid = RGB(hex: 0xB8B8B8)
  public static let rule = RGB(hex: 0x888888)
  /// Okabe-Ito blue: the area itself.
  public static let okabeBlue = RGB(hex: 0x0072B2)
  /// Okabe-Ito orange: the gemeente.
  public static let okabeOrange = RGB(hex: 0xE69F00)
  /// Okabe-Ito vermillion: the previous round.
  public static let okabeVermillion = RGB(hex: 0xD55E00)
}

/// How a line is drawn: colour, width and dash pattern (empty: solid).
public struct Stroke: Equatable, Sendable {
  public var colour: RGB
  public var width: Double
  /// Lengths of dash and gap, alternating; empty for a solid line.
  public var dash: [Double]
  /// Round caps make a dash pattern of very short dashes into dots.
  public var roundCaps: Bool

  public init(colour: RGB, width: Double, dash: [Double] = [], roundCaps: Bool = false) {
    self.colour = colour
    self.width = width
    self.dash = dash
    self.roundCaps = roundCaps
  }
}

/// The two weights of DejaVu Sans the report uses.
public enum FontWeight: Sendable, Equatable {
  case regular
  case bold
}

/// Where a text's anchor point sits on its baseline.
public enum TextAnchor: Sendable, Equatable {
  case start
  case middle
  case end
}

/// One thing to draw. Texts are single lines placed by their baseline.
public enum DrawingElement: Equatable, Sendable {
  case line(from: PagePoint, to: PagePoint, stroke: Stroke)
  /// A closed polygon, filled (with an opacity) and/or stroked.
  case polygon([PagePoint], stroke: Stroke?, fill: RGB?, fillOpacity: Double)
  case circle(centre: PagePoint, radius: Double, stroke: Stroke?, fill: RGB?)
  case rect(PageRect, stroke: Stroke?, fill: RGB?)
  case text(String, at: PagePoint, size: Double, weight: FontWeight, colour: RGB, anchor: TextAnchor)

  /// The box a text covers: from its ascent above the baseline to its descent below, as wide as it measures.
  public var textBox: PageRect? {
    guard case .text(let string, let point, let size, let weight, _, let anchor) = self else { return nil }
    let width = TextMetrics.width(string, size: size, weight: weight)
    let left: Double
    switch anchor {
    case .start: left = point.x
    case .middle: left = point.x - width / 2
    case .end: left = point.x - width
    }
    return PageRect(x: left, y: point.y - TextMetrics.ascent * size, width: width, height: (TextMetrics.ascent + TextMetrics.descent) * size)
  }

  /// This element moved by `dx`, `dy`.
  public func offset(_ dx: Double, _ dy: Double) -> DrawingElement {
    switch self {
    case .line(let from, let to, let stroke): return .line(from: from.offset(dx, dy), to: to.offset(dx, dy), stroke: stroke)
    case .polygon(let points, let stroke, let fill, let opacity):
      return .polygon(points.map { $0.offset(dx, dy) }, stroke: stroke, fill: fill, fillOpacity: opacity)
    case .circle(let centre, let radius, let stroke, let fill):
      return .circle(centre: centre.offset(dx, dy), radius: radius, stroke: stroke, fill: fill)
    case .rect(let rect, let stroke, let fill):
      return .rect(PageRect(x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height), stroke: stroke, fill: fill)
    case .text(let string, let point, let size, let weight, let colour, let anchor):
      return .text(string, at: point.offset(dx, dy), size: size, weight: weight, colour: colour, anchor: anchor)
    }
  }
}

/// A picture as a list of elements in drawing order, within a width and height in points.
public struct Drawing: Equatable, Sendable {
  public var width: Double
  public var height: Double
  public var elements: [DrawingElement]

  public init(width: Double, height: Double, elements: [DrawingElement] = []) {
    self.width = width
    self.height = height
    self.elements = elements
  }

  /// Adds `other`'s elements with its top-left corner at `x`, `y`.
  public mutating func place(_ other: Drawing, x: Double, y: Double) {
    elements += other.elements.map { $0.offset(x, y) }
  }

  /// The boxes of every text, for checks that nothing overlaps or leaves the page.
  public var textBoxes: [(text: String, box: PageRect)] {
    elements.compactMap { element in
      guard case .text(let string, _, _, _, _, _) = element, let box = element.textBox else { return nil }
      return (string, box)
    }
  }
}
