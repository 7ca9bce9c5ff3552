import WijkwebCore

/// Runs the dashboard on a terminal: draw, read a key, update, draw. Breakdown profiles are computed
/// the first time they are shown, through `loadBreakdown`.
public final class DashboardApp: EventDrivenApp {
  public private(set) var state: DashboardState
  public private(set) var data: DashboardData
  private let terminal: Terminal
  private let loadBreakdown: (String) throws -> Profile
  private let loadWeighted: ((String?) throws -> Profile)?

  /// `loadWeighted` computes the weighted publication (nil) or a weighted breakdown (a question id), the same
  /// protected figures as `profile --weighted`; without it, or when `data.canWeight` is false, w does nothing.
  public init(terminal: Terminal, data: DashboardData, state: DashboardState = DashboardState(),
              loadWeighted: ((String?) throws -> Profile)? = nil, loadBreakdown: @escaping (String) throws -> Profile) {
    self.terminal = terminal
    self.data = data
    self.state = state
    self.loadBreakdown = loadBreakdown
    self.loadWeighted = loadWeighted
    if loadWeighted == nil { self.data.canWeight = false }
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
    let breakdowns = data.questionnaire.demographics.map(\.id)
    state.handle(key, areaCount: data.areas.count, partCount: data.questionnaire.parts.count, breakdowns: breakdowns,
                 visibleRows: DashboardView.visibleRows(size: terminal.size, data: data, language: state.language), canWeight: data.canWeight)
    if state.weighted, let loadWeighted {
      if data.weightedProfile == nil {
        showLoading()
        do {
          data.weightedProfile = try loadWeighted(nil)
        } catch {
          // Cannot be weighted after all: the unweighted view stays, and w is no longer offered.
          data.canWeight = false
          state.weighted = false
        }
      }
      if let breakdown = state.breakdown, data.weightedProfile != nil, data.weightedBreakdowns[breakdown] == nil {
        showLoading()
        data.weightedBreakdowns[breakdown] = try? loadWeighted(breakdown)
      }
    } else if let breakdown = state.breakdown, data.breakdowns[breakdown] == nil {
      showLoading()
      data.breakdowns[breakdown] = try? loadBreakdown(breakdown)
    }
  }

  /// The screen as it is, with "computing..." over its notice line, while a profile is computed.
  private func showLoading() {
    var loading = DashboardView.render(state, data: data, size: terminal.size, unicode: terminal.supportsUnicode)
    loading.put(UIString.dashboardLoading.text(state.language), x: 1, y: terminal.size.height - 3, style: .warning)
    terminal.draw(loading)
  }

  public func render(size: Size, unicode: Bool) -> ScreenBuffer {
    DashboardView.render(state, data: data, size: size, unicode: unicode)
  }
}
