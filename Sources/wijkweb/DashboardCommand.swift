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
    let store = try AppSetup.openStore(database, existing: true)
    try Self.show(store: store, roundName: round, language: Language(language), terminal: nil)
  }

  /// Computes the profile and runs the dashboard, on `terminal` or a new ncurses terminal.
  static func show(store: Store, roundName: String?, language: Language, terminal: WijkwebTUI.Terminal?, quiet: Bool = false) throws {
    let (info, questionnaire) = try RoundChoice.resolve(roundName, in: store, quiet: quiet, language: language)
    let engine = ProfileEngine(store: store)
    let profile = try engine.profile(round: info, questionnaire: questionnaire, breakdown: nil, minimum: nil, quiet: true)
    let previous = try engine.previousRound(of: info)?.name
    var data = DashboardData(roundName: info.name, previousRoundName: previous, questionnaire: questionnaire, profile: profile)
    let tree = AreaTree(areas: try store.areas())
    let indicators = try store.indicators()
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
    let app = DashboardApp(terminal: screen, data: data, state: DashboardState(language: language)) { breakdown in
      try engine.profile(round: info, questionnaire: questionnaire, breakdown: breakdown, minimum: nil, quiet: true)
    }
    app.run()
  }
}
