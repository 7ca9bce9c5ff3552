import WijkwebCore

/// Runs the review screen; `save` stores one entry's decision (and is told which).
public final class ReviewApp {
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

  public func run() {
    draw()
    while !state.wantsToQuit {
      let event = terminal.readEvent(timeoutMilliseconds: 60_000)
      if event == .resize {
        draw()
        continue
      }
      // Keys with Shift, Alt or Ctrl, pastes, mouse and unknown sequences change nothing here.
      guard let key = event.plainKey else { continue }
      handle(key)
      if !state.wantsToQuit { draw() }
    }
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

  func draw() {
    var screen = ReviewView.render(state, prompts: prompts, dimensionNames: dimensionNames, size: terminal.size, unicode: terminal.supportsUnicode)
    if let failure { screen.put(" " + failure, x: 0, y: terminal.size.height - 3, style: .warning) }
    terminal.draw(screen)
  }
}
