import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebStore
import WijkwebProfiles
import WijkwebReports
import WijkwebTUI

/// `wijkweb dashboard`: the gebiedsteam's screen of neighbourhood profiles.
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard", abstract: "Neighbourhood profiles on screen: areas by dimensions, an area's web, trends and breakdowns.")

  @OptionGroup var database: DatabaseOptions
  @Option(help: "The round (default: the most recent).") var round: String?
  @Option(help: "Language: nl or en.") var language: String = "nl"

  func run() throws {
    let store = try AppSetup.openSource(database)
    try Self.show(store: store, roundName: round, language: Language(language), terminal: nil)
  }

  /// Computes the profile and runs the dashboard, on `terminal` or a new ncurses terminal.
  static func show(store: any ProfileSource, roundName: String?, language: Language, terminal: WijkwebTUI.Terminal?, quiet: Bool = false) throws {
    let (info, questionnaire) = try RoundChoice.resolve(roundName, in: store, quiet: quiet, language: language)
    let engine = ProfileEngine(source: store)
    let profile = try engine.profile(round: info, questionnaire: questionnaire, breakdown: nil, minimum: nil, quiet: true)
    let previous = try engine.previousRound(of: info)?.name
    var data = DashboardData(roundName: info.name, previousRoundName: previous, questionnaire: questionnaire, profile: profile)
    // w offers the weighted view (the same protected publication as `profile --weighted`) when the round
    // has a population and the questionnaire asks what weighting needs.
    data.canWeight = try !store.population(roundID: info.id).isEmpty
      && ["sex", "age"].allSatisfy { id in questionnaire.demographics.contains { $0.id == id } }
    // The agenda where the team keeps it: its own database file or the central database.
    let agenda = try (store as? any AgendaStore).map { try AgendaReportInput(store: $0, previousRound: try engine.previousRound(of: info)?.id) }
      ?? AgendaReportInput()
    data.floors = agenda.floors.values.flatMap { $0 }
    data.previousAgendas = Array(agenda.previousAgendas.values)
    let tree = AreaTree(areas: try store.areas())
    // Monitor figures are kept in the team's own database, like the agenda; the central database holds none.
    let indicators = try (store as? Store)?.indicators() ?? []
    let reach = try ReachFooter.figures(engine: engine, round: info, questionnaire: questionnaire)
    for area in data.areas {
      let beside = IndicatorBeside.forArea(area, tree: tree, indicators: indicators)
      for language in [Language.dutch, .english] {
        if let figure = reach[area.code] { data.reachLines[area.code, default: [:]][language] = ReachOutput.footer(figure, language: language) }
        let lines = questionnaire.dimensionOrder.flatMap { beside[$0] ?? [] }.map { IndicatorText.line($0, language: language) }
        if !lines.isEmpty { data.indicatorLines[area.code, default: [:]][language] = lines }
      }
    }
    if tree.areas.contains(where: { $0.kind != nil }) {
      data.breakdownQuestions.append(DashboardData.areaKindQuestion(id: ProfileEngine.areaKindBreakdown))
    }
    let owned = terminal == nil ? try CursesTerminal() : nil
    defer { owned?.stop() }
    guard let screen: WijkwebTUI.Terminal = terminal ?? owned else { return }
    let app = DashboardApp(terminal: screen, data: data, state: DashboardState(language: language), loadWeighted: { breakdown in
      try engine.profile(round: info, questionnaire: questionnaire, breakdown: breakdown, minimum: nil, weighted: true, quiet: true)
    }) { breakdown in
      try engine.profile(round: info, questionnaire: questionnaire, breakdown: breakdown, minimum: nil, quiet: true)
    }
    app.run()
  }
}
