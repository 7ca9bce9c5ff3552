import WijkwebCore

/// A terminal in memory: keys come from a script, screens are kept for tests to read.
public final class MemoryTerminal: Terminal {
  public var size: Size
  public var supportsUnicode: Bool
  /// The keys still to be read; `nil` entries stand for an idle timeout.
  public var script: [Key?]
  /// The last screen drawn.
  public private(set) var screen: ScreenBuffer
  /// How many screens were drawn.
  public private(set) var drawCount = 0

  public init(width: Int = 80, height: Int = 24, unicode: Bool = true, keys: [Key?] = []) {
    self.size = Size(width: width, height: height)
    self.supportsUnicode = unicode
    self.script = keys
    self.screen = ScreenBuffer(width: width, height: height)
  }

  public func draw(_ buffer: ScreenBuffer) {
    screen = buffer
    drawCount += 1
  }

  /// Returns the next scripted key; when the script is empty, an interrupt so the program ends.
  public func readKey(timeoutMilliseconds: Int) -> Key? {
    guard !script.isEmpty else { return .interrupt }
    return script.removeFirst()
  }

  /// Types a string as character keys.
  public static func typing(_ text: String) -> [Key?] { text.map { Key.character($0) } }
}
