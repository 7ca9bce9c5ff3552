import Foundation
import WijkwebCore
import WijkwebTUI

/// For the benchmark suite: with `WIJKWEB_FIRST_DRAW_REPORT=PATH` set, the interview writes the wall-clock
/// time (seconds since 1970) at which its first screen was drawn to PATH. Without it, nothing changes.
final class FirstDrawReport: WijkwebTUI.Terminal {
  private let base: WijkwebTUI.Terminal
  private var path: String?

  private init(base: WijkwebTUI.Terminal, path: String) {
    self.base = base
    self.path = path
  }

  /// `terminal` itself, or a wrapper that reports its first draw when the variable is set.
  static func wrapping(_ terminal: WijkwebTUI.Terminal, environment: [String: String] = ProcessInfo.processInfo.environment) -> WijkwebTUI.Terminal {
    guard let path = environment["WIJKWEB_FIRST_DRAW_REPORT"], !path.isEmpty else { return terminal }
    return FirstDrawReport(base: terminal, path: path)
  }

  var size: Size { base.size }
  var supportsUnicode: Bool { base.supportsUnicode }
  func readEvent(timeoutMilliseconds: Int) -> TerminalEvent { base.readEvent(timeoutMilliseconds: timeoutMilliseconds) }

  func draw(_ buffer: ScreenBuffer) {
    base.draw(buffer)
    guard let path else { return }
    self.path = nil
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let seconds = String(format: "%d.%09d\n", Int(now.tv_sec), Int(now.tv_nsec))
    try? Data(seconds.utf8).write(to: URL(fileURLWithPath: path))
  }
}
