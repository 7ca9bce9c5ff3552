import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebProfiles
import WijkwebReports
import WijkwebStore

/// `wijkweb reach`: who was reached per area, against the population file loaded for weighting.
struct ReachCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reach",
    abstract: "Who was reached: respondents by sex and age band against the population, per area; under-represented groups.",
    discussion: """
      The respondents are the protected counts that `profile --by sex` and `--by age` publish (cell-key \
      perturbed, hidden below the minimum), the population the round's population file. A group is \
      under-represented when its share among respondents is more than --factor (default 1.5) times smaller \
      than its share among residents of 15 and older. The number approached is the team's own record (letters \
      sent, doors knocked on): give it with --approached FILE (CSV code,approached) to get response rates.
      """)

  @OptionGroup var database: DatabaseOptions
  @Option(help: "The round (default: the most recent).") var round: String?
  @Option(help: "Under-represented: a share more than this many times below the population's (at least 1).") var factor: Double = Reach.defaultFactor
  @Option(help: "CSV with the columns code,approached: how many residents were approached per area.") var approached: String?
  @Option(help: "Only areas of this level: gemeente, gebied, wijk or buurt.") var level: String?
  @Option(help: "table or csv.") var format: String = "table"
  @Option(help: "Language of the table: nl or en.") var language: String = "nl"

  func validate() throws {
    guard factor >= 1, factor <= 100 else { throw ValidationError(UIString.errReachFactor.format(MessageLanguage.chosen, factor)) }
    guard ["table", "csv"].contains(format) else { throw ValidationError(UIString.errFormatValue.format(MessageLanguage.chosen, "table", "csv", format)) }
    if let level, AreaLevel(rawValue: level) == nil { throw ValidationError(UIString.errLevelValue.format(MessageLanguage.chosen, level)) }
  }

  func run() throws {
    let store = try AppSetup.openSource(database)
    let (info, questionnaire) = try RoundChoice.resolve(round, in: store, language: Language(language))
    var counts: [String: Int] = [:]
    if let approached {
      let text = try DataFiles.read(approached, limit: ApproachedFile.maximumFileBytes, what: "file of numbers approached")
      do {
        counts = try ApproachedFile.parse(text, source: approached, known: Set(try store.areas().map(\.code)))
      } catch let problems as FileProblems {
        throw Failure("\(problems)")
      }
    }
    var figures = try ProfileEngine(source: store).reach(round: info, questionnaire: questionnaire, approached: counts, factor: factor)
    if let level { figures = figures.filter { $0.area.level.rawValue == level } }
    let text = format == "csv" ? ReachOutput.csv(figures, round: info.name)
      : ReachOutput.table(figures, round: info.name, factor: factor, language: Language(language))
    print(TerminalText.visible(text, keepingNewlines: true), terminator: "")
  }
}
