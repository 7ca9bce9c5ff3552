import WijkwebCore

/// Runs the review screen; `save` stores one entry's decision (and is told which).
public final class ReviewApp: EventDrivenApp {
  public private(set) var state: ReviewState
  private let terminal: Terminal
  private let prompts: [String: LocalizedText]
  private let dimensionNames: [Dimension: LocalizedText]
  private let save: (Int, ReviewState.Entry) throws -> Void
  public private(set) var failure: String?

  public init(terminal: Terminal, state: ReviewState, prompts: [String: LocalizedText], dimensionNames: [Dimension: LocalizedText],
              save: @escaping (Int, ReviewState.Entry) throws -> Void) {
    self.terminal = terminal
    self.state = state
    self.prompts = prompts
    self.dimensionNames = dimensionNames
    self.save = save
  }

  /// Runs until q, Esc on the top level, or Ctrl-C.
  public func run() {
    EventLoop.run(self, on: terminal)
  }

  public var idleMilliseconds: Int { 60_000 }
  public var isFinished: Bool { state.wantsToQuit }

  /// A plain key goes to the state; keys with Shift, Alt or Ctrl, pastes, mouse and unknown sequences
  /// change nothing here.
  public func update(_ event: TerminalEvent) -> Bool {
    if event == .resize { return true }
    guard let key = event.plainKey else { return false }
    handle(key)
    return true
  }

  /// Handles one key; a decision is kept on screen only when it was stored.
  public func handle(_ key: Key) {
    var next = state
    let decisions = next.handle(key)
    do {
      for case .save(let index) in decisions { try save(index, next.entries[index]) }
      state = next
      failure = nil
    } catch {
      failure = "\(error)"
    }
  }

  public func render(size: Size, unicode: Bool) -> ScreenBuffer {
    var screen = ReviewView.render(state, prompts: prompts, dimensionNames: dimensionNames, size: size, unicode: unicode)
    if let failure { screen.put(" " + failure, x: 0, y: size.height - 3, style: .warning) }
    return screen
  }
}
