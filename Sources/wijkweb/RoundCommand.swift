import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebStore

/// `wijkweb round create|list|close|show`.
struct RoundCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "round", abstract: "Rounds (peilingen): create, list, close, show, population for weighting.",
    subcommands: [Create.self, List.self, Close.self, Show.self, Population.self])

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an open round for a questionnaire.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The round's name, e.g. \"Najaar 2026\".") var name: String
    @Option(help: "The questionnaire id (see `wijkweb questionnaire list`), or a path to a questionnaire file.")
    var questionnaire: String = "positieve-gezondheid-wijk"
    @Option(help: "The gemeente code of the areas (default: the first gemeente in the database).") var areaSet: String?
    @Option(help: "First day, YYYY-MM-DD (default: today).") var starts: String?
    @Option(help: "Last day, YYYY-MM-DD (default: 90 days after the start).") var ends: String?
    @Option(help: "Groups smaller than this are never shown (at least 5).") var minGroup: Int = 10
    @Option(help: "Days after the round's end that responses are kept.") var retentionDays: Int = 730
    @Option(help: "Seal completed responses to this team public key (NAME.pub from `wijkweb keys create`): laptops can count and bundle them but not read them.")
    var sealTo: String?
    @Option(name: .customLong("module"), help: "Switch on a theme module (mantelzorg, eenzaamheid, vrijwilligerswerk, digitale-vaardigheden); repeat for more.")
    var modules: [String] = []

    func validate() throws {
      if minGroup < 5 { throw ValidationError("--min-group must be at least 5: smaller groups could identify residents.") }
      if retentionDays < 1 { throw ValidationError("--retention-days must be at least 1.") }
      for date in [starts, ends].compactMap({ $0 }) where !RoundCommand.isDate(date) {
        throw ValidationError("\"\(date)\" is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01.")
      }
    }

    func run() throws {
      let sealKey = try sealTo.map(KeyFiles.publicKey)
      let store = try AppSetup.openStore(database)
      let (base, baseParsed) = try QuestionnaireFiles.load(questionnaire)
      let (source, parsed) = try ModuleFiles.compose(base, baseParsed, modules: modules)
      try store.installQuestionnaire(source: source, questionnaire: parsed)
      let areas = try store.areas()
      let gemeente = areaSet ?? areas.first { $0.level == .gemeente }?.code ?? ""
      guard areas.contains(where: { $0.code == gemeente && $0.level == .gemeente }) else {
        throw Failure("There is no gemeente \(gemeente); `wijkweb areas list` shows the codes.")
      }
      let start = starts ?? Store.day(Date())
      let end = ends ?? Store.day((RoundCommand.date(start) ?? Date()).addingTimeInterval(90 * 86400))
      do {
        try store.createRound(name: name, questionnaire: parsed, areaSet: gemeente, startsOn: start, endsOn: end,
                              minGroupSize: minGroup, retentionDays: retentionDays, sealPublicKey: sealKey)
      } catch let error as StoreError {
        throw Failure(error.message)
      }
      print("round \"\(TerminalText.visible(name))\" created: \(TerminalText.visible(parsed.id)) version \(parsed.version), \(gemeente), \(start) to \(end), \(parsed.modules.isEmpty ? "" : "modules " + parsed.modules.joined(separator: ", ") + ", ")minimum group \(minGroup), kept \(retentionDays) days after the end\(sealKey == nil ? "" : ", responses sealed to \(sealTo ?? "")")")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rounds, newest first.")
    @OptionGroup var database: DatabaseOptions
    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      for round in try store.rounds() {
        // Everything here comes from the database, and rounds from bundles: nothing reaches the terminal raw.
        let fields = [round.name, round.status, round.questionnaireID, "from \(round.startsOn)", "minimum \(round.minGroupSize)"]
        print(fields.map { TerminalText.visible($0) }.joined(separator: "\t"))
      }
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Close a round: the interview no longer offers it.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The round's name.") var name: String
    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      guard try store.closeRound(named: name, actor: "coordinator") else {
        throw Failure("There is no round \"\(name)\"; `wijkweb round list` shows them.")
      }
      print("round \"\(TerminalText.visible(name))\" closed")
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a round: questionnaire, period, rules, counts.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The round's name.") var name: String
    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      guard let detail = try store.roundDetail(named: name) else {
        throw Failure("There is no round \"\(name)\"; `wijkweb round list` shows them.")
      }
      print(TerminalText.visible("""
        round: \(detail.info.name) (\(detail.info.status))
        questionnaire: \(detail.info.questionnaireID) version \(detail.questionnaireVersion) (sha256 \(detail.info.questionnaireHash.prefix(12)))
        areas: \(detail.areaSet)
        period: \(detail.info.startsOn) to \(detail.endsOn)
        minimum group size: \(detail.info.minGroupSize)
        retention: \(detail.retentionDays) days after the end
        responses: \(detail.completed) completed, \(detail.inProgress) in progress
        """, keepingNewlines: true))
      if detail.isSealedRound || detail.sealed > 0 {
        print("sealed: \(detail.sealed) of the completed responses are sealed to the team key (counted, not readable here)")
      }
    }
  }

  static func isDate(_ text: String) -> Bool { date(text) != nil }

  static func date(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.isLenient = false
    return text.count == 10 ? formatter.date(from: text) : nil
  }
}

/// Finds a questionnaire by id in the shipped folder, or reads it from a path.
enum QuestionnaireFiles {
  /// Every shipped questionnaire that parses, in file name order.
  static func all() throws -> [Questionnaire] {
    let folder = try DataFiles.folder("Questionnaires")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
    return files.compactMap { file in
      let url = folder.appendingPathComponent(file)
      return try? QuestionnaireParser.parse(try DataFiles.read(url), source: url.path)
    }
  }

  static func load(_ idOrPath: String) throws -> (String, Questionnaire) {
    var url = URL(fileURLWithPath: idOrPath)
    if !FileManager.default.fileExists(atPath: url.path) {
      url = try DataFiles.folder("Questionnaires").appendingPathComponent(idOrPath + ".yaml")
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw Failure("There is no questionnaire \"\(idOrPath)\"; `wijkweb questionnaire list` shows the installed ones.")
      }
    }
    let source = try DataFiles.read(url.path, limit: QuestionnaireParser.maximumFileBytes, what: "questionnaire")
    do {
      return (source, try QuestionnaireParser.parse(source, source: url.path))
    } catch let problems as FileProblems {
      throw Failure("The questionnaire cannot be used:\n\(problems)")
    }
  }
}
