import WijkwebCore

/// What a session needs from the rest of the program: the store's reads, and the dashboard and review
/// apps with their data.
public protocol InterviewSessionServices: AnyObject {
  /// The last interview started and not completed, offered for resuming.
  func interruptedInterview() throws -> SavedInterview?
  /// The volunteer code used earlier today, if any.
  func rememberedVolunteerCode() throws -> String?
  /// Shows the dashboard on `terminal` until it is left; throws a message for the menu to show.
  func showDashboard(language: Language, terminal: Terminal) throws
  /// Shows the review of texts on `terminal` until it is left; throws a message for the menu to show.
  func showReview(language: Language, terminal: Terminal) throws
}

/// One terminal session: the menu and/or the interview, each driven by the event loop.
public struct InterviewSession {
  public var terminal: Terminal
  /// The terminal the interview draws on (the same one, or a wrapper that measures it).
  public var interviewTerminal: Terminal
  public var context: InterviewContext
  public var recorder: InterviewRecorder
  public var services: InterviewSessionServices
  public var idleSeconds: Int
  public var takeHomePrinter: TakeHomePrinter?

  public init(terminal: Terminal, interviewTerminal: Terminal? = nil, context: InterviewContext, recorder: InterviewRecorder,
              services: InterviewSessionServices, idleSeconds: Int, takeHomePrinter: TakeHomePrinter? = nil) {
    self.terminal = terminal
    self.interviewTerminal = interviewTerminal ?? terminal
    self.context = context
    self.recorder = recorder
    self.services = services
    self.idleSeconds = idleSeconds
    self.takeHomePrinter = takeHomePrinter
  }

  /// Runs the menu (when `menu`) or straight the interview, until the volunteer quits or presses Ctrl-C.
  public func run(language: Language, menu: Bool) throws {
    var menuLanguage = language
    var notice: String?
    while true {
      let interrupted = try services.interruptedInterview()
      var startState = InterviewState(volunteerCode: try services.rememberedVolunteerCode() ?? "", interrupted: interrupted,
                                      language: menuLanguage)
      if menu {
        let menuApp = MenuApp(language: menuLanguage, roundName: context.rounds.first?.name, canResume: interrupted != nil, notice: notice)
        EventLoop.run(menuApp, on: terminal)
        menuLanguage = menuApp.language
        notice = nil
        switch menuApp.choice ?? .quit {
        case .quit: return
        case .dashboard:
          do { try services.showDashboard(language: menuLanguage, terminal: terminal) } catch { notice = "\(error)" }
          continue
        case .review:
          do { try services.showReview(language: menuLanguage, terminal: terminal) } catch { notice = "\(error)" }
          continue
        case .newInterview:
          startState.language = menuLanguage
        case .resume:
          startState.language = menuLanguage
          _ = startState.apply(.resume, context: context)
        }
      }
      let app = InterviewApp(terminal: interviewTerminal, context: context, recorder: recorder, state: startState, idleSeconds: idleSeconds)
      app.takeHomePrinter = takeHomePrinter
      if app.run() == .interrupted || !menu { return }
    }
  }
}
