/// The area hierarchy (gemeente > gebied > wijk > buurt) with areas numbered for fast aggregation.
public struct AreaTree: Sendable {
  /// The areas, parents before children.
  public let areas: [Area]
  public let index: [String: Int]
  public let parent: [Int?]
  public let children: [[Int]]

  public init(areas: [Area]) {
    let sorted = areas.sorted { ($0.level, $0.code) < ($1.level, $1.code) }
    self.areas = sorted
    let index = Dictionary(sorted.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    self.index = index
    let parent = sorted.map { area in area.parentCode.flatMap { index[$0] } }
    self.parent = parent
    var children = Array(repeating: [Int](), count: sorted.count)
    for (child, parentIndex) in parent.enumerated() {
      if let parentIndex { children[parentIndex].append(child) }
    }
    self.children = children
  }

  /// The area, its parent, its parent's parent, ... up to the gemeente.
  public func lineage(of area: Int) -> [Int] {
    var result = [area]
    var current = area
    while let up = parent[current], !result.contains(up) {
      result.append(up)
      current = up
    }
    return result
  }

  /// The top of an area's lineage (its gemeente).
  public func root(of area: Int) -> Int { lineage(of: area).last ?? area }

  /// Every area below `area`.
  public func descendants(of area: Int) -> [Int] {
    var result: [Int] = []
    var stack = children[area]
    while let next = stack.popLast() {
      result.append(next)
      stack.append(contentsOf: children[next])
    }
    return result
  }
}

extension AreaTree {
  /// The kind of place an area counts as in comparisons: its own kind, else the nearest ancestor's, skipping
  /// kernen (a kern groups districts of several kinds: a town's stadswijken and its buitengebied). Nil when
  /// no area of the lineage says.
  public func comparableKind(of area: Int) -> AreaKind? {
    for index in lineage(of: area) {
      if let kind = areas[index].kind, AreaKind.comparable.contains(kind) { return kind }
    }
    return nil
  }
}
