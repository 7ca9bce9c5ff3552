import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebStore

/// `wijkweb demo`: fill the database with realistic synthetic responses (and an earlier round for trends).
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Fill the database with synthetic responses: a round and an earlier round for trends.")

  @OptionGroup var database: DatabaseOptions

  @Option(help: "How many completed responses the round gets (the earlier round gets half).")
  var responses: Int = 1000

  @Option(help: "The seed: the same seed gives the same data.")
  var seed: UInt64 = 1

  @Option(help: "The round's name (default: Demo <year>); the earlier round is named after it with \"(vorig jaar)\".")
  var round: String?

  @Flag(help: "Leave out the earlier round.")
  var noPrevious = false

  @Option(name: .customLong("module"), help: "Switch on a theme module in the demo rounds (mantelzorg, eenzaamheid, ...); repeat for more.")
  var modules: [String] = []

  func validate() throws {
    guard (1 ... 50_000_000).contains(responses) else {
      throw ValidationError("--responses must be between 1 and 50000000, not \(responses).")
    }
  }

  func run() throws {
    let store = try AppSetup.openStore(database)
    guard let seededRound = try store.openRounds().last else { throw Failure("The database has no round to take the questionnaire from.") }
    var questionnaire = seededRound.questionnaire
    if !modules.isEmpty {
      let source = try store.questionnaireSource(ofRound: seededRound.id)
      let composed = try ModuleFiles.compose(source, questionnaire, modules: modules)
      try store.installQuestionnaire(source: composed.0, questionnaire: composed.1)
      questionnaire = composed.1
    }
    let areas = try store.areas()
    let now = Date()
    let year = Calendar(identifier: .gregorian).component(.year, from: now)
    let name = round ?? "Demo \(year)"
    let gemeente = areas.first { $0.level == .gemeente }?.code ?? ""
    var made: [(String, Int, Int)] = []
    if !noPrevious {
      let previousName = name + " (vorig jaar)"
      let previousID = try store.createRound(name: previousName, questionnaire: questionnaire, areaSet: gemeente,
                                             startsOn: "\(year - 1)-09-01", endsOn: "\(year - 1)-12-31")
      let generator = DemoGenerator(questionnaire: questionnaire, areas: areas, seed: seed &+ 1_000_003, shift: -0.15)
      try store.insertDemo(roundID: previousID, count: max(1, responses / 2), generator: generator, idSeed: seed &+ 77,
                           completedAt: now.addingTimeInterval(-365 * 86400))
      try store.closeRound(id: previousID)
      made.append((previousName, Int(previousID), max(1, responses / 2)))
    }
    let roundID = try store.createRound(name: name, questionnaire: questionnaire, areaSet: gemeente,
                                        startsOn: "\(year)-09-01", endsOn: "\(year)-12-31")
    let generator = DemoGenerator(questionnaire: questionnaire, areas: areas, seed: seed)
    let started = Date()
    try store.insertDemo(roundID: roundID, count: responses, generator: generator, idSeed: seed, completedAt: now) { done in
      if done % 200_000 == 0 && done < responses { FileHandle.standardError.write(Data("\(done) responses...\n".utf8)) }
    }
    made.append((name, Int(roundID), responses))
    for (roundName, _, count) in made {
      print("round \"\(roundName)\": \(count) demo responses")
    }
    print(String(format: "done in %.1f s", Date().timeIntervalSince(started)))
  }
}
