import WijkwebCore

/// A place to show screens and read input: ncurses for people, memory for tests.
public protocol Terminal: AnyObject {
  /// The current size in cells.
  var size: Size { get }
  /// Whether the terminal can show braille and other non-ASCII characters (a UTF-8 locale).
  var supportsUnicode: Bool { get }
  /// Shows `buffer`, replacing the whole screen.
  func draw(_ buffer: ScreenBuffer)
  /// Waits up to `timeoutMilliseconds` for input; `.idle` when none came in time.
  func readEvent(timeoutMilliseconds: Int) -> TerminalEvent
}
