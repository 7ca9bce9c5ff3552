#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where things go on a spider web: one axis per dimension from the centre (score 0) to the rim (score
/// 10), the first pointing up and the others following clockwise, as on the interview's screen.
public struct SpiderWebGeometry: Equatable, Sendable {
  /// The centre of the web.
  public var centre: PagePoint
  /// The distance from the centre to the rim (score 10), in points.
  public var radius: Double
  /// The number of axes (six for Positive Health).
  public var axisCount: Int

  /// The scores of the rings drawn around the centre; the last is the rim.
  public static let ringScores: [Double] = [2, 4, 6, 8, 10]
  /// The score at the rim.
  public static let maximumScore = 10.0

  public init(centre: PagePoint, radius: Double, axisCount: Int) {
    self.centre = centre
    self.radius = radius
    self.axisCount = axisCount
  }

  /// The direction of `axis` in radians, clockwise from 12 o'clock.
  public func angle(of axis: Int) -> Double {
    2 * Double.pi * Double(axis) / Double(max(axisCount, 1))
  }

  /// The unit vector of `axis` on the page (y down).
  public func direction(of axis: Int) -> (dx: Double, dy: Double) {
    let angle = angle(of: axis)
    return (sin(angle), -cos(angle))
  }

  /// The point for `score` on `axis`: score / 10 of the radius from the centre. Scores are clamped to
  /// 0...10; no score (nil) is drawn at the centre.
  public func point(axis: Int, score: Double?) -> PagePoint {
    let value = min(Self.maximumScore, max(0, (score?.isFinite ?? false) ? score ?? 0 : 0))
    let distance = radius * value / Self.maximumScore
    let (dx, dy) = direction(of: axis)
    return PagePoint(x: centre.x + distance * dx, y: centre.y + distance * dy)
  }

  /// The point `distance` points from the centre along `axis` (beyond the rim for labels).
  public func point(axis: Int, distance: Double) -> PagePoint {
    let (dx, dy) = direction(of: axis)
    return PagePoint(x: centre.x + distance * dx, y: centre.y + distance * dy)
  }

  /// The ring through `score` on every axis.
  public func ring(_ score: Double) -> [PagePoint] {
    (0 ..< axisCount).map { point(axis: $0, score: score) }
  }

  /// The polygon of a set of scores, one per axis (missing ones at the centre).
  public func polygon(_ scores: [Double?]) -> [PagePoint] {
    (0 ..< axisCount).map { axis in point(axis: axis, score: axis < scores.count ? scores[axis] : nil) }
  }
}
