extension SpiderWebDrawing {
  /// How an ondergrens is drawn: short black dashes, unlike the gemeente's orange dashes and the previous
  /// round's dots, and thicker than the grid.
  public static let floorStroke = Stroke(colour: .black, width: 1.5, dash: [2, 1.5])
  /// How far along the ring towards each neighbouring axis a segment reaches (a share of the way).
  static let floorReach = 0.3

  /// A dashed segment of the ring at each axis's ondergrens: from part of the way towards the previous
  /// axis, through the axis, to part of the way towards the next; nothing for an axis without one.
  static func floorSegments(_ floors: [Double?], geometry: SpiderWebGeometry) -> [DrawingElement] {
    let count = geometry.axisCount
    guard count >= 3, floors.count == count else { return [] }
    var elements: [DrawingElement] = []
    for axis in 0 ..< count {
      guard let value = floors[axis], value.isFinite else { continue }
      let score = min(max(value, 0), SpiderWebGeometry.maximumScore)
      let here = geometry.point(axis: axis, score: score)
      for neighbour in [(axis + count - 1) % count, (axis + 1) % count] {
        let there = geometry.point(axis: neighbour, score: score)
        let end = PagePoint(x: here.x + (there.x - here.x) * floorReach, y: here.y + (there.y - here.y) * floorReach)
        elements.append(.line(from: here, to: end, stroke: floorStroke))
      }
    }
    return elements
  }
}
