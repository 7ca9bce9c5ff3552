import WijkwebCore

/// What the dashboard shows: a round's profile, and breakdown profiles as they are asked for.
public struct DashboardData: Sendable {
  public var roundName: String
  public var previousRoundName: String?
  public var questionnaire: Questionnaire
  public var profile: Profile
  /// Profiles by breakdown question id, filled when first shown.
  public var breakdowns: [String: Profile] = [:]
  /// Whether the round can be weighted (it has a population, and the questionnaire asks sex and age):
  /// only then does w switch to the weighted view.
  public var canWeight = false
  /// The weighted publication (`profile --weighted`) and its breakdowns, filled when first shown.
  public var weightedProfile: Profile?
  public var weightedBreakdowns: [String: Profile] = [:]

  /// The data as one view shows it: the weighted publication when `weighted` and computed, else the unweighted.
  public func view(weighted: Bool) -> DashboardData {
    guard weighted, let weightedProfile else { return self }
    var shown = self
    shown.profile = weightedProfile
    shown.breakdowns = weightedBreakdowns
    return shown
  }
  /// The ondergrenzen of every area, and each area's agenda from the previous round (`DashboardAgenda`).
  public var floors: [Floor] = []
  public var previousAgendas: [Agenda] = []

  public init(roundName: String, previousRoundName: String?, questionnaire: Questionnaire, profile: Profile) {
    // Names from the database are shown with control characters made visible (one column each), so the
    // layout measures what is drawn and no escape sequence reaches the terminal.
    self.roundName = TerminalText.visible(roundName)
    self.previousRoundName = previousRoundName.map { TerminalText.visible($0) }
    self.questionnaire = questionnaire
    self.profile = profile
    var seen = Set<String>()
    let all = profile.figures.compactMap { figure in seen.insert(figure.area.code).inserted ? figure.area : nil }
    let children = Dictionary(grouping: all, by: { $0.parentCode ?? "" })
    var ordered: [Area] = []
    func walk(_ area: Area) {
      ordered.append(area)
      for child in (children[area.code] ?? []).sorted(by: { $0.code < $1.code }) { walk(child) }
    }
    let codes = Set(all.map(\.code))
    for root in all where root.parentCode.map({ !codes.contains($0) }) ?? true { walk(root) }
    areas = ordered.map { area in
      var shown = area
      shown.name = TerminalText.visible(area.name)
      return shown
    }
  }

  /// The areas depth first: the gemeente, then each gebied with its wijken and their buurten.
  public let areas: [Area]

  /// The figure of an area, part and dimension (everyone).
  public func figure(area: String, part: String, dimension: Dimension, in profile: Profile? = nil, category: String? = nil) -> ProfileFigure? {
    (profile ?? self.profile).figures.first {
      $0.area.code == area && $0.partID == part && $0.dimension == dimension && $0.category == category
    }
  }

  /// The gemeente an area belongs to (the top of its lineage among the profile's areas).
  public func gemeente(of area: Area) -> Area? {
    var current = area
    while let parent = current.parentCode, let up = areas.first(where: { $0.code == parent }) { current = up }
    return current
  }
}
