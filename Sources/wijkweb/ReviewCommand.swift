import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebStore
import WijkwebTUI

/// `wijkweb review`: the gebiedsteam reviews free text before it can leave the program.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review", abstract: "Review reflections one at a time: publishable, not publishable, or edited; tag dimensions.")

  @OptionGroup var database: DatabaseOptions
  @Option(help: "Only this round (default: every round).") var round: String?
  @Flag(help: "Also show texts that were reviewed before.") var all = false
  @Option(help: "Your reviewer code (recorded in the audit log), e.g. GT3.") var reviewer: String = "gebiedsteam"
  @Option(help: "Language: nl or en.") var language: String = "nl"

  func run() throws {
    let store = try AppSetup.openStore(database, existing: true)
    try Self.show(store: store, roundName: round, all: all, reviewer: reviewer, language: Language(language), terminal: nil)
  }

  static func show(store: Store, roundName: String?, all: Bool, reviewer: String, language: Language, terminal: WijkwebTUI.Terminal?) throws {
    var roundID: Int64?
    if let roundName {
      guard let id = try store.roundID(named: roundName) else { throw Failure(.errNoRound, roundName) }
      roundID = id
    }
    let items = try store.reviewItems(roundID: roundID, all: all)
    let texts = ReviewPrompts(questionnaires: try store.rounds().filter { roundID == nil || $0.id == roundID }.map {
      try store.questionnaire(ofRound: $0.id)
    })
    let entries = items.map { item in
      ReviewState.Entry(text: item.text, areaName: item.areaName, promptID: item.promptID, status: item.status.rawValue,
                        redacted: item.redactedText, dimensions: Set(item.dimensions),
                        flaggedPersonalData: item.flaggedPersonalData)
    }
    let owned = terminal == nil ? try CursesTerminal() : nil
    defer { owned?.stop() }
    guard let screen: WijkwebTUI.Terminal = terminal ?? owned else { return }
    var state = ReviewState(entries: entries, language: language)
    state.placeNames = Set(try store.areas().flatMap { [$0.name] + $0.aliases })
    let app = ReviewApp(terminal: screen, state: state, prompts: texts.prompts,
                        dimensionNames: texts.dimensionNames) { index, entry in
      var item = items[index]
      item.status = ReviewStatus(rawValue: entry.status) ?? .unreviewed
      item.redactedText = entry.redacted
      item.dimensions = WijkwebCore.Dimension.allCases.filter { entry.dimensions.contains($0) }
      try store.saveReview(item, reviewer: reviewer)
    }
    app.run()
  }
}
