import WijkwebCore

/// An app the event loop can drive: the interview, the dashboard, the review and the menu.
public protocol EventDrivenApp: AnyObject {
  /// How long to wait for input before `.idle` is handed over.
  var idleMilliseconds: Int { get }
  /// Whether the app is done; the loop then returns without drawing again.
  var isFinished: Bool { get }
  /// The screen for the current state.
  func render(size: Size, unicode: Bool) -> ScreenBuffer
  /// Maps the event to what the app does, updates its state and records the effects; returns whether
  /// the screen changed (keys that mean nothing change nothing and are not redrawn).
  func update(_ event: TerminalEvent) -> Bool
}

/// The one loop that drives every screen app: read an event, update (map to an intent, apply, record
/// effects), draw.
public enum EventLoop {
  /// Runs `app` on `terminal` until it is finished; `afterEvent` is told of each event handled and drawn.
  public static func run(_ app: EventDrivenApp, on terminal: Terminal, afterEvent: ((TerminalEvent) -> Void)? = nil) {
    terminal.draw(app.render(size: terminal.size, unicode: terminal.supportsUnicode))
    while !app.isFinished {
      let event = terminal.readEvent(timeoutMilliseconds: app.idleMilliseconds)
      let changed = app.update(event)
      if app.isFinished { return }
      if changed || event == .resize {
        terminal.draw(app.render(size: terminal.size, unicode: terminal.supportsUnicode))
        afterEvent?(event)
      }
    }
  }
}
