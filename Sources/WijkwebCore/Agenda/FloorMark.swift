/// How a published figure stands against the area's ondergrens for that dimension. The figure must be a
/// mean of the protected publication (never a raw mean); it is compared as printed, to one decimal, so a
/// page never shows "5,5" marked below an ondergrens of 5,5.
public enum FloorMark: Hashable, Sendable {
  /// No ondergrens was agreed for this area and dimension.
  case noFloor
  /// An ondergrens was agreed, but the figure is suppressed or missing.
  case noFigure(floor: Double)
  /// The published mean is below the ondergrens.
  case below(floor: Double, mean: Double)
  /// The published mean is at or above it.
  case atOrAbove(floor: Double, mean: Double)

  public init(mean: Double?, floor: Floor?) {
    guard let floor else { self = .noFloor; return }
    guard let mean, mean.isFinite else { self = .noFigure(floor: floor.value); return }
    let shown = (mean * 10).rounded() / 10
    self = shown < floor.value ? .below(floor: floor.value, mean: mean) : .atOrAbove(floor: floor.value, mean: mean)
  }

  public var isBelow: Bool {
    if case .below = self { return true }
    return false
  }

  /// The agreed value, if any.
  public var floor: Double? {
    switch self {
    case .noFloor: return nil
    case .noFigure(let floor), .below(let floor, _), .atOrAbove(let floor, _): return floor
    }
  }
}
