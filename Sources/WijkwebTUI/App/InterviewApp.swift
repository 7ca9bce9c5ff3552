import WijkwebCore

/// Why a save failed, in terms the volunteer can act on (the screen says it in their language).
public struct SaveFailure: Error, Sendable {
  public var reason: InterviewNotice.SaveFailureReason
  public var detail: String
  public init(reason: InterviewNotice.SaveFailureReason, detail: String) {
    self.reason = reason
    self.detail = detail
  }
}

/// Where the interview's effects go: the store in the program, a list in tests.
public protocol InterviewRecorder {
  /// Stores the effects of one key press, all or nothing. Throws a message the volunteer can read.
  func record(_ effects: [InterviewEffect]) throws
}

/// Puts a resident's own web on paper: a PDF in a folder, or a printer. Never throws: what happened
/// is said on the saved screen, and the response is stored whatever happens here.
public protocol TakeHomePrinter {
  func takeHome(scores: [DimensionScore], questionnaire: Questionnaire, language: Language) -> TakeHomeOutcome
}

/// Runs an interview on a terminal: draw, read a key, update the state, record, redraw.
///
/// A key's effects are recorded before the next screen is drawn; when recording fails, the state stays
/// as it was and the screen says the answer was not saved.
public final class InterviewApp: EventDrivenApp {
  public private(set) var state: InterviewState
  private let terminal: Terminal
  private let context: InterviewContext
  private let recorder: InterviewRecorder
  private let idleTime: Int
  /// Where `p` on the saved screen sends the resident's web; nil: not configured.
  public var takeHomePrinter: TakeHomePrinter?

  /// Why the interview screen was left.
  public enum Exit: Sendable { case quit, interrupted }

  public init(terminal: Terminal, context: InterviewContext, recorder: InterviewRecorder, state: InterviewState, idleSeconds: Int = 180) {
    self.terminal = terminal
    self.context = context
    self.recorder = recorder
    self.state = state
    self.idleTime = max(1, idleSeconds) * 1000
  }

  /// Runs until the volunteer leaves (q at the welcome screen) or presses Ctrl-C.
  @discardableResult
  public func run() -> Exit {
    interrupted = false
    EventLoop.run(self, on: terminal)
    return interrupted ? .interrupted : .quit
  }

  private var interrupted = false
  public var idleMilliseconds: Int { idleTime }
  public var isFinished: Bool { state.wantsToQuit }

  public func render(size: Size, unicode: Bool) -> ScreenBuffer {
    InterviewView.render(state, context: context, size: size, unicode: unicode)
  }

  /// One event: idle hides the answers, a paste is typed text, a plain key goes through the key map;
  /// keys with Shift, Alt or Ctrl, mouse and focus reports and unknown sequences change nothing.
  public func update(_ event: TerminalEvent) -> Bool {
    switch event {
    case .idle:
      state.idle()
      return true
    case .resize:
      return true
    case .paste(let text):
      guard isLargeEnough else { return false }
      InterviewStep.apply({ $0.apply(.typeText(text), context: $1) }, to: &state, context: context, recorder: recorder,
                         takeHomePrinter: takeHomePrinter)
      return true
    default:
      guard let key = event.plainKey else { return false }
      handle(key)
      if key == .interrupt { interrupted = true }
      return true
    }
  }

  private var isLargeEnough: Bool {
    let size = terminal.size
    return size.width >= ScreenFrame.minimumSize.width && size.height >= ScreenFrame.minimumSize.height
  }

  /// Handles one key: the new state is kept only when its effects were recorded. While the window is
  /// too small to show the screen, keys other than Ctrl-C are ignored: nothing is answered unseen.
  public func handle(_ key: Key) {
    if key != .interrupt, !isLargeEnough { return }
    InterviewStep.apply(key, to: &state, context: context, recorder: recorder, takeHomePrinter: takeHomePrinter)
  }

}
