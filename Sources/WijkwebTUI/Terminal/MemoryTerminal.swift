import WijkwebCore

/// A terminal in memory: events come from a script, screens are kept for tests to read.
public final class MemoryTerminal: Terminal {
  public var size: Size
  public var supportsUnicode: Bool
  /// The events still to be read.
  public var script: [TerminalEvent]
  /// The last screen drawn.
  public private(set) var screen: ScreenBuffer
  /// How many screens were drawn.
  public private(set) var drawCount = 0

  /// A terminal whose script is plain keys; `nil` entries stand for an idle timeout.
  public convenience init(width: Int = 80, height: Int = 24, unicode: Bool = true, keys: [Key?] = []) {
    self.init(width: width, height: height, unicode: unicode, events: keys.map { $0.map(TerminalEvent.press) ?? .idle })
  }

  public init(width: Int = 80, height: Int = 24, unicode: Bool = true, events: [TerminalEvent]) {
    self.size = Size(width: width, height: height)
    self.supportsUnicode = unicode
    self.script = events
    self.screen = ScreenBuffer(width: width, height: height)
  }

  /// The terminal's bytes as a script, decoded as the real terminal decodes them.
  public convenience init(width: Int = 80, height: Int = 24, unicode: Bool = true, bytes: [UInt8]) {
    var decoder = TerminalInputDecoder()
    self.init(width: width, height: height, unicode: unicode, events: decoder.feed(bytes) + decoder.flush())
  }

  public func draw(_ buffer: ScreenBuffer) {
    screen = buffer
    drawCount += 1
  }

  /// Returns the next scripted event; when the script is empty, Ctrl-C so the program ends.
  public func readEvent(timeoutMilliseconds: Int) -> TerminalEvent {
    guard !script.isEmpty else { return .press(.interrupt) }
    return script.removeFirst()
  }

  /// Types a string as character keys.
  public static func typing(_ text: String) -> [Key?] { text.map { Key.character($0) } }
}
