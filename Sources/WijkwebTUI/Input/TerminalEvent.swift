import WijkwebCore

/// Shift, Alt and Ctrl held with a key, as terminals report them (xterm's `1 + bits` parameter, rxvt's
/// `$`/`^`/`@` endings, an Esc before the key for Alt).
public struct KeyModifiers: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let shift = KeyModifiers(rawValue: 1)
  public static let alt = KeyModifiers(rawValue: 2)
  public static let control = KeyModifiers(rawValue: 4)

  /// From xterm's modifier parameter (2 = Shift, 3 = Alt, 5 = Ctrl, ...; Meta counts as Alt).
  init(xtermParameter value: Int) {
    let bits = max(0, value - 1)
    var modifiers: KeyModifiers = []
    if bits & 1 != 0 { modifiers.insert(.shift) }
    if bits & 2 != 0 || bits & 8 != 0 { modifiers.insert(.alt) }
    if bits & 4 != 0 { modifiers.insert(.control) }
    self = modifiers
  }
}

/// One thing the terminal reported. Every byte sequence ends up as exactly one of these, so there is
/// no "nothing" that could mean two things (an idle timeout and an unknown key used to look alike).
public enum TerminalEvent: Hashable, Sendable {
  /// A key, with the modifiers held.
  case key(Key, KeyModifiers)
  /// Text pasted while bracketed paste is on: line breaks as `\n`, other control characters dropped.
  case paste(String)
  /// The window changed size.
  case resize
  /// No input arrived within the wait.
  case idle
  /// A mouse report (X10, SGR or urxvt form); the screens do not use the mouse.
  case mouse
  /// The window gained or lost focus.
  case focus(gained: Bool)
  /// A whole escape sequence, control byte or invalid text that stands for no key: it is ignored.
  case unrecognised

  /// A key without modifiers.
  public static func press(_ key: Key) -> TerminalEvent { .key(key, []) }

  /// The key when it came without modifiers (Shift-Tab arrives as `.backTab`): the only keys screens act on.
  public var plainKey: Key? {
    if case .key(let key, let modifiers) = self, modifiers.isEmpty { return key }
    return nil
  }
}
