/// Writes a `Drawing` as inline SVG markup (for the HTML report). Thin: positions come from the layout.
public enum SVGRenderer {
  /// An `<svg>` element of the drawing, scaled to the box it is put in.
  public static func svg(_ drawing: Drawing, label: String) -> String {
    var out = "<svg viewBox=\"0 0 \(number(drawing.width)) \(number(drawing.height))\" aria-label=\"\(escape(label))\">\n"
    for element in drawing.elements { out += markup(element) + "\n" }
    return out + "</svg>"
  }

  static func number(_ value: Double) -> String { NumberFormat.machine(value, decimals: 2) }

  /// Text with `&`, `<`, `>` and quotes escaped for XML.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }

  static func strokeAttributes(_ stroke: Stroke?) -> String {
    guard let stroke else { return " stroke=\"none\"" }
    var out = " stroke=\"\(stroke.colour.css)\" stroke-width=\"\(number(stroke.width))\" stroke-linejoin=\"round\""
    if !stroke.dash.isEmpty { out += " stroke-dasharray=\"\(stroke.dash.map(number).joined(separator: " "))\"" }
    if stroke.roundCaps { out += " stroke-linecap=\"round\"" }
    return out
  }

  static func fillAttributes(_ fill: RGB?, opacity: Double = 1) -> String {
    guard let fill else { return " fill=\"none\"" }
    return " fill=\"\(fill.css)\"" + (opacity < 1 ? " fill-opacity=\"\(number(opacity))\"" : "")
  }

  static func markup(_ element: DrawingElement) -> String {
    switch element {
    case .line(let from, let to, let stroke):
      return "<line x1=\"\(number(from.x))\" y1=\"\(number(from.y))\" x2=\"\(number(to.x))\" y2=\"\(number(to.y))\"\(strokeAttributes(stroke))/>"
    case .polygon(let points, let stroke, let fill, let opacity):
      let list = points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
      return "<polygon points=\"\(list)\"\(fillAttributes(fill, opacity: opacity))\(strokeAttributes(stroke))/>"
    case .circle(let centre, let radius, let stroke, let fill):
      return "<circle cx=\"\(number(centre.x))\" cy=\"\(number(centre.y))\" r=\"\(number(radius))\"\(fillAttributes(fill))\(strokeAttributes(stroke))/>"
    case .rect(let rect, let stroke, let fill):
      return "<rect x=\"\(number(rect.x))\" y=\"\(number(rect.y))\" width=\"\(number(rect.width))\" height=\"\(number(rect.height))\""
        + "\(fillAttributes(fill))\(strokeAttributes(stroke))/>"
    case .text(let string, let point, let size, let weight, let colour, _):
      guard let box = element.textBox else { return "" }
      // Placed by its measured left edge, like the PDF, so both agree whatever the anchor.
      return "<text x=\"\(number(box.x))\" y=\"\(number(point.y))\" font-size=\"\(number(size))\""
        + (weight == .bold ? " font-weight=\"bold\"" : "") + " fill=\"\(colour.css)\">\(escape(string))</text>"
    }
  }
}
