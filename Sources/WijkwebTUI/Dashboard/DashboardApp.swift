import WijkwebCore

/// Runs the dashboard on a terminal: draw, read a key, update, draw. Breakdown profiles are computed
/// the first time they are shown, through `loadBreakdown`.
public final class DashboardApp: EventDrivenApp {
  public private(set) var state: DashboardState
  public private(set) var data: DashboardData
  private let terminal: Terminal
  private let loadBreakdown: (String) throws -> Profile

  public init(terminal: Terminal, data: DashboardData, state: DashboardState = DashboardState(),
              loadBreakdown: @escaping (String) throws -> Profile) {
    self.terminal = terminal
    self.data = data
    self.state = state
    self.loadBreakdown = loadBreakdown
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

  /// Handles one key, loading a breakdown when it is first asked for.
  public func handle(_ key: Key) {
    let breakdowns = data.breakdownQuestions.map(\.id)
    state.handle(key, areaCount: data.areas.count, partCount: data.questionnaire.parts.count, breakdowns: breakdowns,
                 visibleRows: DashboardView.visibleRows(size: terminal.size, data: data, language: state.language))
    if let breakdown = state.breakdown, data.breakdowns[breakdown] == nil {
      var loading = DashboardView.render(state, data: data, size: terminal.size, unicode: terminal.supportsUnicode)
      loading.put(UIString.dashboardLoading.text(state.language), x: 1, y: terminal.size.height - 3, style: .warning)
      terminal.draw(loading)
      data.breakdowns[breakdown] = try? loadBreakdown(breakdown)
    }
  }

  public func render(size: Size, unicode: Bool) -> ScreenBuffer {
    DashboardView.render(state, data: data, size: size, unicode: unicode)
  }
}
