import WijkwebCore

/// What the dashboard shows and where the cursor is; changed only by `handle`, drawn by `DashboardView`.
public struct DashboardState: Hashable, Sendable {
  public enum Screen: Hashable, Sendable {
    /// Areas by dimensions.
    case overview
    /// One area: its web over the gemeente's, its figures, its breakdown.
    case area
  }

  public var screen: Screen = .overview
  public var language: Language = .dutch
  public var partIndex = 0
  /// The highlighted row of the overview (an index into `DashboardData.areas`).
  public var selection = 0
  /// The first overview row on screen.
  public var scroll = 0
  /// The breakdown shown on the area screen: a demographic question id, or nil.
  public var breakdown: String?
  /// Whether the weighted view is shown (w switches, when the round has a population).
  public var weighted = false
  public var showingHelp = false
  public var wantsToQuit = false
  /// The area screen shows the ondergrens and last round's agenda beside the web (`a`).
  public var showingAgenda = false

  public init(language: Language = .dutch) { self.language = language }

  /// Applies a key; `areaCount`, `partCount` and `breakdowns` (question ids) bound the movement; w switches
  /// between the weighted and unweighted view only when `canWeight`.
  public mutating func handle(_ key: Key, areaCount: Int, partCount: Int, breakdowns: [String], visibleRows: Int, canWeight: Bool = false) {
    if showingHelp {
      showingHelp = false
      return
    }
    switch key {
    case .interrupt, .character("q"):
      wantsToQuit = true
    case .character("?"), .function(1):
      showingHelp = true
    case .function(2), .character("l"):
      language = language == .dutch ? .english : .dutch
    case .character("w"):
      if canWeight { weighted.toggle() }
    case .tab:
      partIndex = (partIndex + 1) % max(1, partCount)
    case .backTab:
      partIndex = (partIndex + max(1, partCount) - 1) % max(1, partCount)
    case .up:
      selection = max(0, selection - 1)
    case .down:
      selection = min(max(0, areaCount - 1), selection + 1)
    case .left:
      if screen == .area { selection = max(0, selection - 1) }
    case .right:
      if screen == .area { selection = min(max(0, areaCount - 1), selection + 1) }
    case .pageUp:
      selection = max(0, selection - visibleRows)
    case .pageDown:
      selection = min(max(0, areaCount - 1), selection + visibleRows)
    case .home:
      selection = 0
    case .end:
      selection = max(0, areaCount - 1)
    case .enter:
      screen = .area
    case .escape, .backspace:
      if screen == .area { screen = .overview } else { wantsToQuit = true }
    case .character("a"):
      if screen == .area {
        showingAgenda.toggle()
        if showingAgenda { breakdown = nil }
      }
    case .character("b"):
      guard screen == .area, !breakdowns.isEmpty else { break }
      showingAgenda = false
      if let current = breakdown, let index = breakdowns.firstIndex(of: current) {
        breakdown = index + 1 < breakdowns.count ? breakdowns[index + 1] : nil
      } else {
        breakdown = breakdowns[0]
      }
    default:
      break
    }
    if selection < scroll { scroll = selection }
    if selection >= scroll + visibleRows { scroll = selection - visibleRows + 1 }
  }
}
