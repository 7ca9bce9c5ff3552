import ArgumentParser
import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebProfiles
import WijkwebStore

/// `wijkweb round create|list|close|show`.
struct RoundCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "round", abstract: "Rounds (peilingen): create, list, close, show, population for weighting.",
    subcommands: [Create.self, List.self, Close.self, Show.self, Population.self, RemoveAfterSync.self, Export.self, Import.self])

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an open round for a questionnaire.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
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
    @Option(help: "Sign the round with this team key file (NAME.key) on the team's machine; a laptop alone signs with its own local team.")
    var key: String?
    @Option(help: "The team key's passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too).") var passphraseFile: String?

    func validate() throws {
      if minGroup < 5 { throw ValidationError(UIString.errMinGroup.text(MessageLanguage.chosen)) }
      if retentionDays < 1 { throw ValidationError(UIString.errRetentionDays.text(MessageLanguage.chosen)) }
      for date in [starts, ends].compactMap({ $0 }) where !RoundCommand.isDate(date) {
        throw ValidationError(UIString.errNotADate.format(MessageLanguage.chosen, date))
      }
    }

    func run() throws {
      if key != nil, let url = database.path, ConnectionTarget.isURL(url) { throw Failure(.errCentralRoundKey) }
      let sealKey = try sealTo.map(KeyFiles.publicKey)
      var signer: Ed25519Signer?
      if let key {
        do {
          signer = try KeyFiles.open(key, passphraseFile: passphraseFile).signer()
        } catch let problem as KeyProblem {
          throw Failure(.errRoundNotCreated, problem.message)
        }
      }
      let store = try AppSetup.openAdministration(database)
      let (base, baseParsed) = try QuestionnaireFiles.load(questionnaire)
      let (source, parsed) = try ModuleFiles.compose(base, baseParsed, modules: modules)
      let areas = try store.areas()
      let gemeente = areaSet ?? areas.first { $0.level == .gemeente }?.code ?? ""
      guard areas.contains(where: { $0.code == gemeente && $0.level == .gemeente }) else {
        throw Failure(.errNoGemeente, gemeente)
      }
      let start = starts ?? CalendarDay(Date(), timeZone: .current).iso
      let end = ends ?? CalendarDay(iso: start).map { CalendarDay(daysSince1970: $0.daysSince1970 + 90).iso } ?? start
      try store.createRound(NewRound(name: name, questionnaire: parsed, areaSet: gemeente, startsOn: start, endsOn: end,
                                     minGroupSize: minGroup, retentionDays: retentionDays, sealPublicKey: sealKey),
                            source: source, teamSigner: signer)
      let language = messages.language
      UIString.cmdRoundCreated.say(language, TerminalText.visible(name), TerminalText.visible(parsed.id), parsed.version, gemeente, start, end,
                                   minGroup, retentionDays, (sealKey == nil ? "" : UIString.cmdRoundSealedTo.format(language, sealTo ?? ""))
                                     + (parsed.modules.isEmpty ? "" : UIString.cmdRoundModules.format(language, parsed.modules.joined(separator: ", "))))
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rounds, newest first.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
    func run() throws {
      let store = try AppSetup.openSource(database)
      let language = messages.language
      for round in try store.rounds() {
        // Everything here comes from the database, and rounds from bundles: nothing reaches the terminal raw.
        let fields = [round.name, RoundCommand.status(round.status, language), round.questionnaireID,
                      UIString.cmdRoundFrom.format(language, round.startsOn), UIString.cmdRoundMinimum.format(language, round.minGroupSize)]
        print(fields.map { TerminalText.visible($0) }.joined(separator: "\t"))
      }
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Close a round: the interview no longer offers it.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
    @Argument(help: "The round's name.") var name: String
    func run() throws {
      let store = try AppSetup.openAdministration(database, existing: true)
      guard try store.closeRound(named: name, actor: "coordinator") else {
        throw Failure(.errNoRound, name)
      }
      UIString.cmdRoundClosed.say(messages.language, TerminalText.visible(name))
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a round: questionnaire, period, rules, counts.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
    @Argument(help: "The round's name.") var name: String
    func run() throws {
      let store = try AppSetup.openAdministration(database, existing: true)
      guard let detail = try store.roundDetail(named: name) else {
        throw Failure(.errNoRound, name)
      }
      let language = messages.language
      let info = detail.info
      let lines = [
        UIString.cmdShowRound.format(language, info.name, RoundCommand.status(info.status, language)),
        UIString.cmdShowQuestionnaire.format(language, info.questionnaireID, detail.questionnaireVersion, info.questionnaireHash.prefix(12)),
        UIString.cmdShowAreas.format(language, detail.areaSet),
        UIString.cmdShowPeriod.format(language, info.startsOn, detail.endsOn),
        UIString.cmdShowMinimum.format(language, info.minGroupSize),
        UIString.cmdShowRetention.format(language, detail.retentionDays),
        UIString.cmdShowResponses.format(language, detail.completed, detail.inProgress),
      ]
      print(TerminalText.visible(lines.joined(separator: "\n"), keepingNewlines: true))
      if detail.isSealedRound || detail.sealed > 0 {
        UIString.cmdRoundShowSealed.say(language, detail.sealed)
      }
    }
  }

  struct RemoveAfterSync: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove-after-sync",
      abstract: "on: every sync removes this round's responses the central database confirmed (health data stays on the laptop only until the next sync); off: they stay.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
    @Argument(help: "The round's name.") var name: String
    @Argument(help: "on or off.") var setting: String
    func validate() throws {
      guard ["on", "off"].contains(setting) else { throw ValidationError(UIString.errOnOff.format(MessageLanguage.chosen, setting)) }
    }
    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      guard try store.setRemoveAfterSync(roundName: name, setting == "on", actor: "coordinator") else {
        throw Failure(.errNoRound, name)
      }
      (setting == "on" ? UIString.cmdRemoveAfterSyncOn : UIString.cmdRemoveAfterSyncOff).say(messages.language, TerminalText.visible(name))
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a round's signed definition and its questionnaire to a round file, for `wijkweb round import` on laptops.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The round's name.") var name: String
    @Option(help: "The new round file.") var out: String
    @OptionGroup var messages: MessageLanguage
    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      guard let (round, questionnaire) = try store.roundForFile(named: name) else {
        throw Failure(.errNoRoundSeeList, name)
      }
      try KeyFiles.write(try RoundFile.text(round: round, questionnaire: questionnaire), to: out, mode: 0o644)
      print("round \"\(TerminalText.visible(name))\" written to \(out)\(round.teamSignature == nil ? " (not signed: made before rounds were signed)" : "")")
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Take a round signed by this machine's team from a round file; with --key (the team's machine) the team signs and so accepts it.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The round file (from `wijkweb round export`).") var file: String
    @Option(help: "The team key file (NAME.key): sign the round now, e.g. to accept a round a laptop made alone.") var key: String?
    @Option(help: "The team key's passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too).") var passphraseFile: String?
    @OptionGroup var messages: MessageLanguage
    func run() throws {
      let text = try TrustFiles.text(file, tooBig: .errRoundFileTooBig, unreadable: .errRoundFileUnreadable, limit: RoundFile.maxBytes)
      let checked: BundleValidator.Checked
      do {
        checked = try RoundFile.parse(text)
      } catch let problem as BundleProblem {
        throw Failure(.errRoundFileUnusable, file, problem.message)
      }
      var signer: Ed25519Signer?
      if let key {
        do {
          signer = try KeyFiles.open(key, passphraseFile: passphraseFile).signer()
        } catch let problem as KeyProblem {
          throw Failure(.errRoundNotSigned, problem.message)
        }
      }
      let store = try AppSetup.openStore(database)
      let name = TerminalText.visible(checked.contents.rounds.first?.name ?? "")
      do {
        switch try store.importRound(checked, teamSigner: signer, actor: "coordinator") {
        case .created: print("round \"\(name)\" created, signed by the team")
        case .accepted: print("round \"\(name)\" held here is now signed by the team: its responses travel to the team")
        case .unchanged: print("round \"\(name)\" was here already; nothing changed")
        }
      } catch let error as StoreError {
        try? store.audit("round-refused", detail: "\(file): \(TerminalText.visible(error.message))", actor: "coordinator")
        throw Failure(error.message)
      }
    }
  }

  static func isDate(_ text: String) -> Bool { CalendarDay(iso: text) != nil }

  /// A round's stored status (open, closed) in `language`; anything else as stored.
  static func status(_ status: String, _ language: Language) -> String {
    switch status {
    case "open": return UIString.cmdRoundStatusOpen.text(language)
    case "closed": return UIString.cmdRoundStatusClosed.text(language)
    default: return status
    }
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
        throw Failure(.errNoQuestionnaire, idOrPath)
      }
    }
    let source = try DataFiles.read(url.path, limit: QuestionnaireParser.maximumFileBytes, what: "questionnaire")
    do {
      return (source, try QuestionnaireParser.parse(source, source: url.path))
    } catch let problems as FileProblems {
      throw Failure(.errQuestionnaireUnusable, detail: "\(problems)")
    }
  }
}
