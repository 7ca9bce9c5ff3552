import WijkwebCore

/// Runs the agenda screen: `save` stores an edit (the store checks it by the agenda's rules) and returns
/// the agenda and ondergrenzen as stored; a refusal keeps the form as typed and says why.
public final class AgendaEditApp: EventDrivenApp {
  public private(set) var state: AgendaEditState
  private let terminal: Terminal
  private let title: String
  private let questionnaire: Questionnaire
  private let save: (AgendaEdit) throws -> (Agenda, [Floor])

  public init(terminal: Terminal, state: AgendaEditState, title: String, questionnaire: Questionnaire,
              save: @escaping (AgendaEdit) throws -> (Agenda, [Floor])) {
    self.terminal = terminal
    self.state = state
    self.title = title
    self.questionnaire = questionnaire
    self.save = save
  }

  public func run() { EventLoop.run(self, on: terminal) }

  public var idleMilliseconds: Int { 60_000 }
  public var isFinished: Bool { state.wantsToQuit }

  public func update(_ event: TerminalEvent) -> Bool {
    if event == .resize { return true }
    guard let key = event.plainKey else { return false }
    handle(key)
    return true
  }

  public func handle(_ key: Key) {
    guard let edit = state.handle(key) else { return }
    do {
      let (agenda, floors) = try save(edit)
      state.saved(agenda: agenda, floors: floors)
    } catch {
      state.refused(error)
    }
  }

  public func render(size: Size, unicode: Bool) -> ScreenBuffer {
    AgendaEditView.render(state, title: title, questionnaire: questionnaire, size: size, unicode: unicode)
  }
}
