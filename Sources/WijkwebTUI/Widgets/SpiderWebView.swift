import WijkwebCore

import Foundation

/// Draws a Positive Health spider web: one axis per dimension, rings at 2, 4, 6, 8 and 10, and the
/// resident's scores joined into a polygon, with a "Label 7,3" caption at the end of every axis.
///
/// The first axis points up (12 o'clock) and the others follow clockwise. The web is drawn with a
/// `BrailleCanvas` (or its ASCII mode) and sized to the largest radius whose captions still fit in the frame.
public struct SpiderWebView: Equatable, Sendable {
  /// One dimension of the web: its caption and the resident's score on it.
  public struct Axis: Equatable, Sendable {
    /// The dimension's name, shown at the end of the axis.
    public var label: String
    /// The score from 0 to 10, or nil when the dimension has no score (drawn as 0, captioned "–").
    public var score: Double?

    public init(label: String, score: Double?) {
      self.label = label
      self.score = score
    }
  }

  /// The dimensions, clockwise from the top. Fewer than three draws nothing.
  public var axes: [Axis]
  /// Whether to draw with '.' and '*' instead of braille characters.
  public var ascii: Bool
  /// An optional second set of scores (for example the gemeente's), drawn as a solid grid line.
  public var overlay: [Double?]?
  /// An optional third set of scores (for example the previous round's), drawn as a dotted grid line.
  public var dottedOverlay: [Double?]?
  /// Whether `overlay` is drawn dashed rather than solid, so it differs from the web in line style too.
  public var dashedOverlay: Bool
  /// An ondergrens per axis (nil: none), drawn as a short dashed piece of the ring across its axis.
  public var floors: [Double?] = []

  /// The scores at which a ring joins the axes; the last one is the rim.
  public static let ringScores: [Double] = [2, 4, 6, 8, 10]
  /// The score at the rim.
  public static let maximumScore = 10.0

  /// Creates a web for `axes`, optionally with an `overlay` polygon (one score per axis).
  public init(axes: [Axis], ascii: Bool, overlay: [Double?]? = nil, dottedOverlay: [Double?]? = nil, dashedOverlay: Bool = false) {
    self.dashedOverlay = dashedOverlay
    self.axes = axes
    self.ascii = ascii
    self.overlay = overlay
    self.dottedOverlay = dottedOverlay
  }

  /// Formats a score with one decimal and a decimal comma, e.g. "7,3"; nil (or not a number) gives "–".
  public static func formatScore(_ score: Double?) -> String {
    guard let score, score.isFinite, abs(score) < 1e15 else { return "–" }
    let tenths = Int((score * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return "\(sign)\(magnitude / 10),\(magnitude % 10)"
  }

  /// Draws the web into `buffer`, never touching a cell outside `frame`.
  public func draw(into buffer: inout ScreenBuffer, frame: Rect) {
    guard axes.count >= 3, frame.width > 0, frame.height > 0,
          let layout = layout(frameWidth: frame.width, frameHeight: frame.height) else { return }

    var canvas = BrailleCanvas(columns: frame.width, rows: frame.height, ascii: ascii)
    for ring in Self.ringScores {
      let step = ring < Self.maximumScore ? 2 : 1
      polygon(layout.points(for: axes.map { _ in ring }), layer: .grid, every: step, on: &canvas)
    }
    for rim in layout.points(for: axes.map { _ in Self.maximumScore }) {
      canvas.line(from: layout.centre.asDoubles, to: rim.asDoubles, layer: .grid, every: 2)
    }
    if let overlay {
      let scores = axes.indices.map { index in index < overlay.count ? overlay[index] ?? 0 : 0 }
      polygon(layout.points(for: scores), layer: .grid, dash: dashedOverlay ? (on: 4, off: 3) : nil, on: &canvas)
    }
    if let dottedOverlay {
      let scores = axes.indices.map { index in index < dottedOverlay.count ? dottedOverlay[index] ?? 0 : 0 }
      polygon(layout.points(for: scores), layer: .grid, every: 3, on: &canvas)
    }
    for (axis, floor) in floors.enumerated() where axis < axes.count {
      guard let floor, floor.isFinite else { continue }
      let ring = layout.points(for: axes.map { _ in floor })
      let here = ring[axis].asDoubles
      for neighbour in [(axis + axes.count - 1) % axes.count, (axis + 1) % axes.count] {
        let there = ring[neighbour].asDoubles
        canvas.line(from: here, to: (here.0 + (there.0 - here.0) * 0.35, here.1 + (there.1 - here.1) * 0.35), layer: .grid, dash: (on: 2, off: 1))
      }
    }
    let webPoints = layout.points(for: axes.map { $0.score ?? 0 })
    polygon(webPoints, layer: .web, on: &canvas)
    if !ascii {
      for (axis, vertex) in zip(axes, webPoints) where axis.score != nil {
        for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
          canvas.set(x: vertex.x + dx, y: vertex.y + dy, layer: .web)
        }
      }
    }
    canvas.draw(into: &buffer, at: Point(x: frame.x, y: frame.y), styles: [.grid: .muted, .web: .web])

    for (index, axis) in axes.enumerated() {
      let placement = layout.labels[index]
      let score = Self.formatScore(axis.score)
      let (label, scoreText) = Self.fit(label: axis.label, score: score, width: placement.width)
      var column = frame.x + placement.x
      let row = frame.y + placement.y
      column = Self.write(label, x: column, y: row, style: .bold, frame: frame, into: &buffer)
      if !label.isEmpty && !scoreText.isEmpty {
        column = Self.write(" ", x: column, y: row, style: .plain, frame: frame, into: &buffer)
      }
      Self.write(scoreText, x: column, y: row, style: .web, frame: frame, into: &buffer)
    }
  }

  // MARK: - Layout

  /// A dot position on the canvas.
  struct DotPoint: Equatable {
    var x: Int
    var y: Int
    var asDoubles: (Double, Double) { (Double(x), Double(y)) }
  }

  /// Where a caption goes, relative to the frame: its first column, row and the width it may use.
  struct LabelPlacement: Equatable {
    var x: Int
    var y: Int
    var width: Int
  }

  /// Which side of its axis end a caption sits on.
  enum Side {
    case above, below, left, right
  }

  /// The web's geometry for one frame size.
  struct Layout {
    /// The rim radius in horizontal dots.
    var radius: Int
    var centre: DotPoint
    /// Vertical dots per horizontal dot: 1 for braille (square dots), 0.5 for ASCII (tall cells).
    var yScale: Double
    var directions: [(x: Double, y: Double)]
    var labels: [LabelPlacement]

    /// The polygon vertices for one score per axis; scores are clamped to 0...10.
    func points(for scores: [Double]) -> [DotPoint] {
      zip(directions, scores).map { direction, score in
        let fraction = min(max(score, 0), SpiderWebView.maximumScore) / SpiderWebView.maximumScore
        return offset(direction, fraction: fraction)
      }
    }

    /// The point at `fraction` of the radius along `direction`, with offsets rounded symmetrically.
    func offset(_ direction: (x: Double, y: Double), fraction: Double) -> DotPoint {
      let length = Double(radius) * fraction
      let dx = Int((length * direction.x).rounded())
      let dy = Int((length * direction.y * yScale).rounded())
      return DotPoint(x: centre.x + dx, y: centre.y + dy)
    }
  }

  /// Cells left blank between an axis end and its caption, horizontally. An emphasised vertex dot
  /// may spill into this gap, but never under the caption.
  private static let labelGap = 1

  /// Unit direction of axis `index` of `count` on screen (y grows downwards), clockwise from the top.
  static func direction(index: Int, count: Int) -> (x: Double, y: Double) {
    let angle = 2 * Double.pi * Double(index) / Double(count)
    return (x: sin(angle), y: -cos(angle))
  }

  /// Captions of axes pointing nearly straight up or down are centred above or below the axis end.
  static func side(of direction: (x: Double, y: Double)) -> Side {
    if abs(direction.x) < 0.25 { return direction.y < 0 ? .above : .below }
    return direction.x > 0 ? .right : .left
  }

  /// The largest web whose captions fit; in frames too narrow for that, about half the largest web
  /// that fits at all, with captions truncated. Nil when not even a tiny web fits.
  func layout(frameWidth: Int, frameHeight: Int) -> Layout? {
    let upperBound = max(frameWidth, frameHeight) * 4
    var geometricRadius: Int?
    for radius in stride(from: upperBound, through: 1, by: -1) {
      guard let candidate = layout(radius: radius, frameWidth: frameWidth, frameHeight: frameHeight) else {
        continue
      }
      if geometricRadius == nil { geometricRadius = radius }
      if candidate.fits { return candidate.layout }
      // Rather truncate captions than shrink the web below half its room (or below 16 dots).
      if let geometricRadius, radius <= min(geometricRadius, max(geometricRadius / 2, 16)) {
        return candidate.layout
      }
    }
    return nil
  }

  /// The layout for a rim radius, and whether every caption fits untruncated; nil when the web itself
  /// does not fit in the frame (leaving a row for captions above and below).
  func layout(radius: Int, frameWidth: Int, frameHeight: Int) -> (layout: Layout, fits: Bool)? {
    let count = axes.count
    let dotsPerColumn = ascii ? 1 : 2
    let dotsPerRow = ascii ? 1 : 4
    let dotWidth = frameWidth * dotsPerColumn
    let dotHeight = frameHeight * dotsPerRow
    let emphasis = ascii ? 0 : 1
    let directions = (0 ..< count).map { Self.direction(index: $0, count: count) }
    let sides = directions.map(Self.side(of:))

    // Offsets of the rim vertices from the centre, found with a provisional centre of (0, 0).
    var layout = Layout(radius: radius, centre: DotPoint(x: 0, y: 0), yScale: ascii ? 0.5 : 1,
                        directions: directions, labels: [])
    let rim = directions.map { layout.offset($0, fraction: 1) }
    guard let minX = rim.map(\.x).min(), let maxX = rim.map(\.x).max(),
          let minY = rim.map(\.y).min(), let maxY = rim.map(\.y).max() else { return nil }

    let low = sides.contains(.above) ? dotsPerRow : 0
    let high = dotHeight - 1 - (sides.contains(.below) ? dotsPerRow : 0)
    let slack = (high - low) - (maxY - minY + 2 * emphasis)
    guard slack >= 0 else { return nil }
    let centreX = dotWidth / 2
    guard centreX + minX - emphasis >= 0, centreX + maxX + emphasis <= dotWidth - 1 else { return nil }
    layout.centre = DotPoint(x: centreX, y: low + emphasis - minY + slack / 2)

    var fits = true
    for (index, axis) in axes.enumerated() {
      let vertex = layout.offset(directions[index], fraction: 1)
      let column = vertex.x / dotsPerColumn
      let width = axis.label.count + 1 + Self.formatScore(axis.score).count
      let placement: LabelPlacement
      switch sides[index] {
      case .above, .below:
        let row = sides[index] == .above
          ? (vertex.y - emphasis) / dotsPerRow - 1
          : (vertex.y + emphasis) / dotsPerRow + 1
        let shown = min(width, frameWidth)
        let start = min(max(0, column - shown / 2), frameWidth - shown)
        placement = LabelPlacement(x: start, y: row, width: shown)
        if width > frameWidth { fits = false }
      case .right:
        let start = column + 1 + Self.labelGap
        let room = max(0, frameWidth - start)
        placement = LabelPlacement(x: start, y: vertex.y / dotsPerRow, width: min(width, room))
        if width > room { fits = false }
      case .left:
        let end = column - 1 - Self.labelGap
        let room = max(0, end + 1)
        let shown = min(width, room)
        placement = LabelPlacement(x: end + 1 - shown, y: vertex.y / dotsPerRow, width: shown)
        if width > room { fits = false }
      }
      layout.labels.append(placement)
    }
    return (layout, fits)
  }

  // MARK: - Drawing helpers

  /// Joins `points` into a closed polygon.
  private func polygon(
    _ points: [DotPoint], layer: BrailleCanvas.Layer, every step: Int = 1, dash: (on: Int, off: Int)? = nil,
    on canvas: inout BrailleCanvas
  ) {
    for (index, point) in points.enumerated() {
      let next = points[(index + 1) % points.count]
      canvas.line(from: point.asDoubles, to: next.asDoubles, layer: layer, every: step, dash: dash)
    }
  }

  /// Whether every caption is shown whole in a frame of this size (none shortened with "…").
  public func showsCaptionsWhole(frameWidth: Int, frameHeight: Int) -> Bool {
    guard let layout = layout(frameWidth: frameWidth, frameHeight: frameHeight) else { return false }
    return zip(axes, layout.labels).allSatisfy { axis, placement in
      axis.label.count + 1 + Self.formatScore(axis.score).count <= placement.width
    }
  }

  /// Shortens a caption to `width` characters: first the label (ending in "…"), then the score.
  static func fit(label: String, score: String, width: Int) -> (label: String, score: String) {
    if label.count + 1 + score.count <= width { return (label, score) }
    let labelRoom = width - score.count - 1
    if labelRoom >= 2 { return (String(label.prefix(labelRoom - 1)) + "…", score) }
    return ("", String(score.prefix(max(0, width))))
  }

  /// Writes `text` from column `x` on row `y`, skipping characters outside `frame`.
  /// Returns the column after the text.
  @discardableResult
  private static func write(
    _ text: String, x: Int, y: Int, style: Style, frame: Rect, into buffer: inout ScreenBuffer
  ) -> Int {
    var column = x
    guard y >= frame.y, y < frame.y + frame.height else { return column + text.count }
    for character in text {
      if column >= frame.x && column < frame.x + frame.width && buffer.contains(x: column, y: y) {
        buffer[column, y] = ScreenBuffer.Cell(character, style: style)
      }
      column += 1
    }
    return column
  }
}
