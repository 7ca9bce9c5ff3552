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
    // The agenda is kept in the team's own database; the central database does not hold it yet.
    let agenda = try (store as? Store).map { try AgendaReportInput(store: $0, previousRound: try engine.previousRound(of: info)?.id) }
      ?? AgendaReportInput()
    data.floors = agenda.floors.values.flatMap { $0 }
    data.previousAgendas = Array(agenda.previousAgendas.values)
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
