import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebProfiles
import WijkwebStore

/// `wijkweb disclosure-check`: attacks a round's publication by linear programming and says whether any
/// small group can be worked out.
struct DisclosureCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "disclosure-check",
    abstract: "For coordinators: try to work out small groups from every published figure of a round (linear programming).",
    discussion: """
      Collects every figure the round publishes (all levels, no breakdown and each breakdown, both parts, the \
      comparisons) and solves for the tightest bounds on every group of 1 to minimum-1 respondents. Exit status 1 \
      when a group's size is pinned down or its mean bounded within ±0.5. Docs/disclosure.md explains the method.
      """)

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage
  @Option(help: "The round (default: the most recent).") var round: String?
  @Option(help: "A raised minimum group size to check (default: the round's).") var minGroup: Int?

  func run() throws {
    let store = try AppSetup.openStore(database)
    let (info, questionnaire) = try RoundChoice.resolve(round, in: store, language: messages.language(defaultingTo: .dutch))
    let result = try ProfileEngine(store: store).disclosureCheck(round: info, questionnaire: questionnaire, minimum: minGroup)
    for finding in result.findings { UIString.cmdDisclosed.say(messages.language, finding) }
    UIString.cmdDisclosureSummary.say(messages.language, info.name, result.groupsChecked, result.findings.count)
    if !result.findings.isEmpty { throw ExitCode(1) }
  }
}
