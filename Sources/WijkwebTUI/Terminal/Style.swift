import WijkwebCore

/// How a cell is drawn: a colour role plus attributes. Terminals without colour draw the attributes only.
public struct Style: Equatable, Hashable, Sendable {
  /// What a colour means, so each terminal can choose its own palette (or none).
  public enum Role: Int, Sendable, CaseIterable {
    case normal = 0
    /// Headings and the current choice.
    case accent
    /// The resident's own web and score.
    case web
    /// Rings, axes and secondary text.
    case muted
    /// Messages that need attention.
    case warning
  }

  public var role: Role
  public var bold: Bool
  public var reverse: Bool
  public var dim: Bool
  public var underline: Bool

  public init(role: Role = .normal, bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false) {
    self.role = role
    self.bold = bold
    self.reverse = reverse
    self.dim = dim
    self.underline = underline
  }

  public static let plain = Style()
  public static let bold = Style(bold: true)
  public static let heading = Style(role: .accent, bold: true)
  public static let selected = Style(role: .accent, bold: true, reverse: true)
  public static let muted = Style(role: .muted, dim: true)
  public static let warning = Style(role: .warning, bold: true)
  public static let web = Style(role: .web, bold: true)
}
