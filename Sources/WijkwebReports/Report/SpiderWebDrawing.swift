/// How one set of scores is drawn on a spider web, chosen so the series stay apart in colour, for
/// colour-blind readers (Okabe-Ito) and in greyscale (solid, dashed, dotted).
public enum WebSeriesStyle: Sendable, Equatable {
  /// The area itself (or the resident): a solid dark line with a light fill and dots at the scores.
  case main
  /// The gemeente: a dashed orange line.
  case comparison
  /// The previous round: a dotted line.
  case previous

  /// The line of the series.
  public var stroke: Stroke {
    switch self {
    case .main: return Stroke(colour: .okabeBlue, width: 2.2)
    case .comparison: return Stroke(colour: .okabeOrange, width: 1.6, dash: [5, 3])
    case .previous: return Stroke(colour: .okabeVermillion, width: 1.6, dash: [0.1, 3.2], roundCaps: true)
    }
  }

  /// The fill inside the line, if any, and its opacity.
  public var fill: (colour: RGB, opacity: Double)? {
    self == .main ? (.okabeBlue, 0.18) : nil
  }
}

/// One set of scores on a web, one per axis.
public struct WebSeries: Sendable, Equatable {
  public var scores: [Double?]
  public var style: WebSeriesStyle
  /// Draw the line through the axes that have a score, leaving out the others (a resident's own web,
  /// whose scores are listed beside it); otherwise an incomplete series is not drawn at all.
  public var skipsMissing: Bool
  public init(scores: [Double?], style: WebSeriesStyle, skipsMissing: Bool = false) {
    self.scores = scores
    self.style = style
    self.skipsMissing = skipsMissing
  }

  /// Whether every axis has a score: a web with a gap would be drawn through the centre and misread.
  public var isComplete: Bool { !scores.isEmpty && scores.allSatisfy { $0?.isFinite ?? false } }

  /// The axes to draw: all when complete; those with a score when gaps are skipped (at least three); else none.
  var drawnAxes: [Int] {
    if isComplete { return Array(scores.indices) }
    guard skipsMissing else { return [] }
    let scored = scores.indices.filter { scores[$0]?.isFinite ?? false }
    return scored.count >= 3 ? scored : []
  }
}

/// Draws a spider web into a square box: rings at 2, 4, ..., 10, one axis per dimension with its name
/// outside the rim, and the series in the order given (later ones on top). Pure: the result is a list
/// of shapes and placed texts that the PDF and SVG renderers draw as they are.
public enum SpiderWebDrawing {
  /// The gap between the rim and an axis name, in ems of the label size.
  static let labelGap = 0.6
  /// The distance between the baselines of a two-line axis name, in ems: a little more than the
  /// font's ascent plus descent, so the lines never touch.
  static let labelLineHeight = 1.2

  /// A web in a box of `width` by `height` points with `axisNames` around it, as large as the names
  /// leave room for. Incomplete series are left out.
  public static func make(width: Double, height: Double, axisNames: [String], series: [WebSeries], labelSize: Double = 7.5,
                          floors: [Double?] = []) -> Drawing {
    var drawing = Drawing(width: width, height: height)
    let geometry = geometry(width: width, height: height, axisNames: axisNames, labelSize: labelSize)
    let grid = Stroke(colour: .grid, width: 0.5)
    for score in SpiderWebGeometry.ringScores {
      drawing.elements.append(.polygon(geometry.ring(score), stroke: score == SpiderWebGeometry.maximumScore
        ? Stroke(colour: .rule, width: 0.8) : grid, fill: nil, fillOpacity: 0))
    }
    for axis in 0 ..< axisNames.count {
      drawing.elements.append(.line(from: geometry.centre, to: geometry.point(axis: axis, score: 10), stroke: grid))
    }
    for item in series where !item.drawnAxes.isEmpty {
      let points = item.drawnAxes.map { geometry.point(axis: $0, score: item.scores[$0]) }
      drawing.elements.append(.polygon(points, stroke: item.style.stroke, fill: item.style.fill?.colour,
                                       fillOpacity: item.style.fill?.opacity ?? 0))
      if item.style == .main {
        for point in points {
          drawing.elements.append(.circle(centre: point, radius: 2, stroke: nil, fill: item.style.stroke.colour))
        }
      }
    }
    drawing.elements += floorSegments(floors, geometry: geometry)
    // Ring values along the first axis, just right of it, on top of the series so they stay readable.
    for score in SpiderWebGeometry.ringScores {
      let point = geometry.point(axis: 0, score: score)
      drawing.elements.append(.text(NumberFormat.machine(score, decimals: 0), at: point.offset(2, 2.5), size: labelSize * 0.8,
                                    weight: .regular, colour: .muted, anchor: .start))
    }
    for (axis, name) in axisNames.enumerated() {
      drawing.elements += axisLabel(name, axis: axis, geometry: geometry, width: width, size: labelSize)
    }
    return drawing
  }

  /// The largest web that leaves room for the names: two lines above and below, and beside it the widest
  /// name's longest word (at most a quarter of the width).
  public static func geometry(width: Double, height: Double, axisNames: [String], labelSize: Double) -> SpiderWebGeometry {
    let widest = axisNames.flatMap { $0.split(separator: " ") }.map { TextMetrics.width(String($0), size: labelSize, weight: .bold) }.max() ?? 0
    let gap = labelSize * labelGap
    let side = min(widest, width / 4) + gap + 1
    let vertical = 2 * labelSize * labelLineHeight + gap
    let radius = max(10, min(width / 2 - side, height / 2 - vertical))
    return SpiderWebGeometry(centre: PagePoint(x: width / 2, y: height / 2), radius: radius, axisCount: axisNames.count)
  }

  /// The name of one axis outside the rim, in at most two lines, turned towards its axis: left-aligned
  /// on the right side, right-aligned on the left, centred at the top and bottom.
  static func axisLabel(_ name: String, axis: Int, geometry: SpiderWebGeometry, width side: Double, size: Double) -> [DrawingElement] {
    let (dx, dy) = geometry.direction(of: axis)
    let anchor: TextAnchor = dx > 0.3 ? .start : dx < -0.3 ? .end : .middle
    let lineHeight = size * labelLineHeight
    let gap = size * labelGap
    let point = geometry.point(axis: axis, distance: geometry.radius + gap)
    // The room between the rim point and the box's edge on the label's side.
    let room: Double
    switch anchor {
    case .start: room = side - point.x
    case .end: room = point.x
    case .middle: room = min(point.x, side - point.x) * 2
    }
    let lines = TextMetrics.wrap(name, width: max(room - 1, size * 3), size: size, weight: .bold, maxLines: 2)
    let blockHeight = Double(lines.count - 1) * lineHeight
    // The first baseline: below the point for bottom labels, above it for top ones, centred at the sides.
    var baseline: Double
    if dy < -0.5 {
      baseline = point.y - blockHeight - TextMetrics.descent * size
    } else if dy > 0.5 {
      baseline = point.y + TextMetrics.ascent * size
    } else {
      baseline = point.y - blockHeight / 2 + (TextMetrics.ascent - TextMetrics.descent) * size / 2
    }
    baseline = max(baseline, TextMetrics.ascent * size)
    return lines.enumerated().map { index, line in
      .text(line, at: PagePoint(x: point.x, y: baseline + Double(index) * lineHeight), size: size, weight: .bold, colour: .text,
            anchor: anchor)
    }
  }
}
