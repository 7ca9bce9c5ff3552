import ArgumentParser
import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebStore

/// `wijkweb demo`: fill the database with realistic synthetic responses (and an earlier round for trends).
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Fill the database with synthetic responses: a round and an earlier round for trends.")

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage

  @Option(help: "How many completed responses the round gets (the earlier round gets half).")
  var responses: Int = 1000

  @Option(help: "The seed: the same seed gives the same data.")
  var seed: UInt64 = 1

  @Option(help: "The round's name (default: Demo <year>); the earlier round is named after it with \"(vorig jaar)\".")
  var round: String?

  @Flag(help: "Leave out the earlier round.")
  var noPrevious = false

  func validate() throws {
    guard (1 ... 50_000_000).contains(responses) else {
      throw ValidationError(UIString.errResponsesRange.format(MessageLanguage.chosen, responses))
    }
  }

  func run() throws {
    if let url = database.path, ConnectionTarget.isURL(url) { return try runCentral(url) }
    let started = Date()
    let made = try fill(try AppSetup.openStore(database))
    for (roundName, count) in made {
      UIString.cmdDemoRound.say(messages.language, roundName, count)
    }
    let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
    UIString.cmdDemoDone.say(messages.language, messages.language == .dutch ? seconds.replacingOccurrences(of: ".", with: ",") : seconds)
  }

  /// The round names this demo makes, the earlier round first.
  var roundNames: [String] {
    let name = round ?? "Demo \(CalendarDay(Date(), timeZone: .current).year)"
    return (noPrevious ? [] : [name + " (vorig jaar)"]) + [name]
  }

  /// Makes the demo rounds in `store` and fills them; returns each round's name and number of responses.
  func fill(_ store: Store) throws -> [(String, Int)] {
    guard let seededRound = try store.openRounds().last else { throw Failure("The database has no round to take the questionnaire from.") }
    let questionnaire = seededRound.questionnaire
    let areas = try store.areas()
    let now = Date()
    let year = CalendarDay(now, timeZone: .current).year
    let name = roundNames.last!
    let gemeente = areas.first { $0.level == .gemeente }?.code ?? ""
    var made: [(String, Int)] = []
    if !noPrevious {
      let previousName = roundNames[0]
      let previousID = try store.createRound(name: previousName, questionnaire: questionnaire, areaSet: gemeente,
                                             startsOn: "\(year - 1)-09-01", endsOn: "\(year - 1)-12-31")
      let generator = DemoGenerator(questionnaire: questionnaire, areas: areas, seed: seed &+ 1_000_003, shift: -0.15)
      try store.insertDemo(roundID: previousID, count: max(1, responses / 2), generator: generator, idSeed: seed &+ 77,
                           completedAt: now.addingTimeInterval(-365 * 86400))
      try store.closeRound(id: previousID)
      made.append((previousName, max(1, responses / 2)))
    }
    let roundID = try store.createRound(name: name, questionnaire: questionnaire, areaSet: gemeente,
                                        startsOn: "\(year)-09-01", endsOn: "\(year)-12-31")
    let generator = DemoGenerator(questionnaire: questionnaire, areas: areas, seed: seed)
    try store.insertDemo(roundID: roundID, count: responses, generator: generator, idSeed: seed, completedAt: now) { done in
      if done % 200_000 == 0 && done < responses { FileHandle.standardError.write(Data((UIString.cmdDemoProgress.format(messages.language, done) + "\n").utf8)) }
    }
    made.append((name, responses))
    return made
  }

  /// `demo --db postgresql://...` (as the database owner): the same responses as on a laptop, made in a
  /// temporary laptop database seeded as a new laptop's, then its areas, questionnaire and rounds published
  /// and its responses copied (COPY) to the central database in one transaction per batch.
  func runCentral(_ url: String) throws {
    let connection = try AppSetup.openCentral(url)
    let existing = Set(try connection.query("SELECT name FROM wijkweb.rounds").compactMap { $0[0] })
    if let taken = roundNames.first(where: existing.contains) {
      throw Failure("The central database already has a round \"\(TerminalText.visible(taken))\"; give another --round.")
    }
    let started = Date()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wijkweb-demo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try AppSetup.openStore(try DatabaseOptions.parse(["--db", folder.appendingPathComponent("demo.sqlite").path]))
    let made = try fill(store)
    let setup = try store.centralSetup()
    try CentralPublish.publish(areas: setup.areas, questionnaires: setup.questionnaires, rounds: setup.rounds, on: connection)
    var after: String?
    while true {
      let batch = try store.unsentResponses(server: "demo", after: after, limit: 5000)
      guard let last = batch.last else { break }
      try CentralLoad.copy(batch, on: connection)
      after = last.id
    }
    for (roundName, count) in made {
      print("round \"\(TerminalText.visible(roundName))\": \(count) demo responses on the central database")
    }
    print(String(format: "done in %.1f s", Date().timeIntervalSince(started)))
  }
}
