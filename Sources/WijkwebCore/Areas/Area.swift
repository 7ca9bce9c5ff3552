/// The levels of the area hierarchy, from largest to smallest.
public enum AreaLevel: String, CaseIterable, Sendable, Codable, Comparable {
  case gemeente
  case gebied
  case wijk
  case buurt

  public var depth: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: AreaLevel, rhs: AreaLevel) -> Bool { lhs.depth < rhs.depth }
}

/// An area: a gemeente, gebied, wijk or buurt, with local names residents use for it.
public struct Area: Hashable, Sendable {
  public var code: String
  public var level: AreaLevel
  public var name: String
  public var parentCode: String?
  public var aliases: [String]
  /// What kind of place it is (stadswijk, dorp, kern, ...), when the area file says.
  public var kind: AreaKind?

  public init(code: String, level: AreaLevel, name: String, parentCode: String?, aliases: [String] = [], kind: AreaKind? = nil) {
    self.code = code
    self.level = level
    self.name = name
    self.parentCode = parentCode
    self.aliases = aliases
    self.kind = kind
  }
}
