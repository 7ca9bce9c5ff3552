import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebStore

extension RoundCommand {
  /// `wijkweb round population NAME FILE`: the population margins a round's profiles can be weighted to.
  struct Population: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load population counts per area (CBS kerncijfers: men, women, age bands) for weighting a round.",
      discussion: """
        FILE is a CSV with a column code (or WijkenEnBuurten) and the CBS columns Mannen, Vrouwen, \
        k_15Tot25Jaar, k_25Tot45Jaar, k_45Tot65Jaar, k_65JaarOfOuder (a numeric suffix such as _6 is allowed). \
        Loading replaces the round's earlier population. Then `wijkweb profile --weighted` rakes each area's \
        respondents to these margins.
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The round's name.") var name: String
    @Argument(help: "The population CSV file.") var file: String

    func run() throws {
      let store = try AppSetup.openStore(database)
      guard let round = try store.rounds().first(where: { $0.name == name }) else {
        throw Failure(.errNoRound, name)
      }
      let text: String
      do {
        text = try String(contentsOfFile: file, encoding: .utf8)
      } catch {
        throw Failure("\(file) cannot be read as UTF-8 text; check the path and save the file as CSV (UTF-8).")
      }
      let populations: [AreaPopulation]
      do {
        populations = try PopulationFile.parse(text, source: file)
      } catch let problems as FileProblems {
        throw Failure(problems.description)
      }
      let known = Set(try store.areas().map(\.code))
      let unknown = populations.map(\.areaCode).filter { !known.contains($0) }
      guard unknown.isEmpty else {
        throw Failure("\(file): the area codes \(unknown.prefix(5).joined(separator: ", ")) are not in the database; `wijkweb areas list` shows the codes.")
      }
      try store.setPopulation(roundID: round.id, roundName: round.name, populations, source: file, actor: "coordinator")
      print("round \"\(name)\": population of \(populations.count) areas loaded; `wijkweb profile --round \"\(name)\" --weighted` uses it")
    }
  }
}
