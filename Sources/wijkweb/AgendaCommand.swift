import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebFiles
import WijkwebReports
import WijkwebStore
import WijkwebTUI

/// `wijkweb agenda`: what the gebiedsteam recorded after a wijkdialoog, per area and round, and the
/// ondergrens per area and dimension.
struct AgendaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agenda",
    abstract: "The wijkagenda after a wijkdialoog: recognition, opgaven, actions, ondergrens; export and import.",
    subcommands: [Show.self, Recognition.self, Opgave.self, Action.self, Ondergrens.self, Export.self, Import.self, Edit.self])

  /// The area and round an agenda line belongs to.
  struct Place: ParsableArguments {
    @Option(help: "The area's code (see `wijkweb areas list`), e.g. WK001411.") var area: String
    @Option(help: "The round of the wijkdialoog (default: the most recent).") var round: String?
  }

  /// Who makes the change, for the audit log.
  struct Actor: ParsableArguments {
    @Option(help: "Your code or role, recorded in the audit log (never a name), e.g. GT3.") var by: String = "gebiedsteam"
  }

  static func round(_ name: String?, in store: Store) throws -> RoundInfo {
    try RoundChoice.resolve(name, in: store, quiet: true).0
  }

  static func checkedArea(_ code: String, in store: Store) throws -> Area {
    guard let area = try store.areas().first(where: { $0.code == code }) else {
      throw Failure(.errNoArea, code)
    }
    return area
  }

  static func dimension(_ text: String) throws -> WijkwebCore.Dimension {
    try AgendaRules.dimension(text)
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the agenda of an area and round (or of every area in the round), and the ondergrenzen.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only this area (default: every area with an agenda or an ondergrens).") var area: String?
    @Option(help: "The round (default: the most recent).") var round: String?
    @Option(help: "Language: nl or en.") var language: String = "nl"

    func validate() throws {
      guard ["nl", "en"].contains(language) else { throw ValidationError(UIString.errLanguageValue.format(MessageLanguage.chosen, language)) }
    }

    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      let info = try AgendaCommand.round(round, in: store)
      let questionnaire = try store.questionnaire(ofRound: info.id)
      let lang = Language(language)
      let areas = try store.areas()
      var codes: [String]
      if let area {
        codes = [try AgendaCommand.checkedArea(area, in: store).code]
      } else {
        let records = try store.agendaRecords()
        codes = Array(Set(records.filter { $0.roundName == info.name || $0.roundName.isEmpty }.map(\.areaCode))).sorted()
      }
      guard !codes.isEmpty else {
        print(UIString.agendaNothing.text(lang))
        return
      }
      let floors = Dictionary(grouping: try store.floors(), by: \.areaCode)
      var lines: [String] = []
      for code in codes {
        let name = areas.first { $0.code == code }?.name ?? code
        let agenda = try store.agenda(areaCode: code, roundID: info.id)
        lines += AgendaText.lines(agenda, areaName: "\(name) (\(code))", floors: floors[code] ?? [], questionnaire: questionnaire, language: lang)
        lines.append("")
      }
      print(TerminalText.visible(lines.dropLast().joined(separator: "\n"), keepingNewlines: true))
    }
  }

  struct Recognition: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "recognition", abstract: "Record whether residents recognised the profile of a dimension (ja, deels, nee), with a note.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var place: Place
    @OptionGroup var actor: Actor
    @OptionGroup var messages: MessageLanguage
    @Option(help: "The dimension's key, e.g. meedoen.") var dimension: String
    @Option(help: "ja, deels or nee.") var value: String
    @Option(help: "What residents said (a role or group, never a name; at most 1000 characters).") var note: String = ""

    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      let info = try AgendaCommand.round(place.round, in: store)
      let recognition = AgendaRecognition(dimension: try AgendaCommand.dimension(dimension), recognition: try AgendaRules.recognition(value), note: note)
      try store.setRecognition(areaCode: place.area, roundID: info.id, recognition, actor: actor.by)
      UIString.cmdAgendaRecognition.say(messages.language, recognition.dimension.key, TerminalText.visible(place.area), TerminalText.visible(info.name), recognition.recognition.rawValue)
    }
  }

  struct Opgave: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add an opgave for a dimension, or change one by its number.", subcommands: [Add.self, Update.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Add an opgave agreed at the wijkdialoog.")
      @OptionGroup var database: DatabaseOptions
      @OptionGroup var place: Place
      @OptionGroup var actor: Actor
      @OptionGroup var messages: MessageLanguage
      @Option(help: "The dimension's key, e.g. meedoen.") var dimension: String
      @Option(help: "The opgave (at most 1000 characters).") var text: String

      func run() throws {
        let store = try AppSetup.openStore(database, existing: true)
        let info = try AgendaCommand.round(place.round, in: store)
        let id = try store.addTask(areaCode: place.area, roundID: info.id, dimension: try AgendaCommand.dimension(dimension), text: text, actor: actor.by)
        UIString.cmdOpgaveAdded.say(messages.language, id)
      }
    }

    struct Update: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Change an opgave (its number is in `wijkweb agenda show`).")
      @OptionGroup var database: DatabaseOptions
      @OptionGroup var actor: Actor
      @OptionGroup var messages: MessageLanguage
      @Argument(help: "The opgave's number.") var id: Int64
      @Option(help: "The new text.") var text: String?
      @Option(help: "The new dimension.") var dimension: String?

      func run() throws {
        let store = try AppSetup.openStore(database, existing: true)
        guard var task = try store.task(id: id)?.task else {
          throw Failure("There is no opgave \(id); `wijkweb agenda show` lists them with their numbers.")
        }
        if let text { task.text = text }
        if let dimension { task.dimension = try AgendaCommand.dimension(dimension) }
        try store.updateTask(task, actor: actor.by)
        UIString.cmdOpgaveChanged.say(messages.language, id)
      }
    }
  }

  struct Action: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add an action, or change one (its status: open, bezig, klaar, vervallen).", subcommands: [Add.self, Update.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Add an action: what, who picks it up (a role or organisation), by when.")
      @OptionGroup var database: DatabaseOptions
      @OptionGroup var place: Place
      @OptionGroup var actor: Actor
      @OptionGroup var messages: MessageLanguage
      @Option(help: "The dimension's key, e.g. meedoen.") var dimension: String
      @Option(help: "What is done.") var what: String
      @Option(help: "Which organisation or group picks it up: a role, never a person's name.") var who: String
      @Option(help: "By when, YYYY-MM-DD.") var due: String
      @Option(help: "open, bezig, klaar or vervallen.") var status: String = "open"
      @Option(help: "A note.") var note: String = ""

      func run() throws {
        let store = try AppSetup.openStore(database, existing: true)
        let info = try AgendaCommand.round(place.round, in: store)
        let action = AgendaAction(dimension: try AgendaCommand.dimension(dimension), what: what, who: who, due: due,
                                  status: try AgendaRules.status(status), note: note)
        let id = try store.addAction(areaCode: place.area, roundID: info.id, action, actor: actor.by)
        UIString.cmdActionAdded.say(messages.language, id)
      }
    }

    struct Update: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Change an action (its number is in `wijkweb agenda show`).")
      @OptionGroup var database: DatabaseOptions
      @OptionGroup var actor: Actor
      @OptionGroup var messages: MessageLanguage
      @Argument(help: "The action's number.") var id: Int64
      @Option(help: "open, bezig, klaar or vervallen.") var status: String?
      @Option(help: "By when, YYYY-MM-DD.") var due: String?
      @Option(help: "What is done.") var what: String?
      @Option(help: "Who picks it up (a role or organisation).") var who: String?
      @Option(help: "A note.") var note: String?

      func run() throws {
        let store = try AppSetup.openStore(database, existing: true)
        guard var action = try store.action(id: id)?.action else {
          throw Failure("There is no action \(id); `wijkweb agenda show` lists them with their numbers.")
        }
        if let status { action.status = try AgendaRules.status(status) }
        if let due { action.due = due }
        if let what { action.what = what }
        if let who { action.who = who }
        if let note { action.note = note }
        try store.updateAction(action, actor: actor.by)
        UIString.cmdActionChanged.say(messages.language, id, action.status.rawValue, TerminalText.visible(action.due))
      }
    }
  }

  struct Ondergrens: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Set the ondergrens of an area and dimension agreed with residents (0-10, who agreed it as a group, the day).")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: Actor
    @OptionGroup var messages: MessageLanguage
    @Option(help: "The area's code.") var area: String
    @Option(help: "The dimension's key, e.g. meedoen.") var dimension: String
    @Option(help: "The score it should not fall below, 0-10 (e.g. 5,5).") var value: String
    @Option(help: "Who agreed it, as a group (e.g. \"wijkdialoog Beijum\").") var agreedBy: String
    @Option(help: "The day it was agreed, YYYY-MM-DD.") var agreedOn: String

    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      let floor = Floor(areaCode: area, dimension: try AgendaCommand.dimension(dimension), value: try AgendaRules.floorValue(value),
                        agreedBy: agreedBy, agreedOn: agreedOn)
      try store.setFloor(floor, actor: actor.by)
      let value = String(format1: floor.value)
      UIString.cmdFloorSet.say(messages.language, floor.dimension.key, TerminalText.visible(area),
                               messages.language == .dutch ? value.replacingOccurrences(of: ".", with: ",") : value)
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The agenda of every area and round and the ondergrenzen, for the council's overview.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
    @Option(help: "csv, xlsx or json.") var format: String
    @Option(help: "The file to write.") var out: String
    @Flag(help: "Replace the file if it exists.") var force = false

    func validate() throws {
      guard AgendaExport.Format(rawValue: format) != nil else { throw ValidationError(UIString.errFormatValue.format(MessageLanguage.chosen, "csv, xlsx", "json", format)) }
    }

    func run() throws {
      guard let format = AgendaExport.Format(rawValue: format) else { return }
      let store = try AppSetup.openStore(database, existing: true)
      let records = try store.agendaRecords()
      let names = Dictionary(try store.areas().map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
      let file = try AtomicFile(path: out, force: force)
      try AgendaExport.write(records, areaNames: names, format: format, to: file)
      try file.commit()
      try store.audit("export", detail: "agenda as \(format.rawValue): \(records.count) lines to \(out)", actor: "gebiedsteam")
      UIString.cmdAgendaExported.say(messages.language, records.count, out)
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read an agenda prepared elsewhere (CSV with the columns of `agenda export`): all or nothing, every problem with its line.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: Actor
    @OptionGroup var messages: MessageLanguage
    @Argument(help: "The CSV file.") var file: String

    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      let text = try DataFiles.read(file, limit: AgendaFile.maximumFileBytes, what: "agenda file")
      let records: [AgendaRecord]
      do {
        records = try AgendaFile.parse(text, source: file, areaCodes: Set(try store.areas().map(\.code)),
                                       roundNames: Set(try store.rounds().map(\.name)), allowedNames: try store.placeNames())
      } catch let error as FileProblems {
        print(TerminalText.visible(error.description, keepingNewlines: true))
        throw Failure("\(file): \(error.problems.count) problem(s); nothing was imported.")
      }
      let counts = try store.importAgenda(records, source: file, actor: actor.by)
      UIString.cmdAgendaImported.say(messages.language, records.count, TerminalText.visible(file), counts.added, counts.updated, counts.unchanged)
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The screen where the gebiedsteam records a wijkdialoog: recognition and ondergrens per dimension, opgaven, actions.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var place: Place
    @OptionGroup var actor: Actor
    @Option(help: "Language: nl or en.") var language: String = "nl"

    func validate() throws {
      guard ["nl", "en"].contains(language) else { throw ValidationError(UIString.errLanguageValue.format(MessageLanguage.chosen, language)) }
    }

    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      let info = try AgendaCommand.round(place.round, in: store)
      let area = try AgendaCommand.checkedArea(place.area, in: store)
      let questionnaire = try store.questionnaire(ofRound: info.id)
      let state = AgendaEditState(agenda: try store.agenda(areaCode: area.code, roundID: info.id), floors: try store.floors(areaCode: area.code),
                                  dimensions: questionnaire.dimensionOrder, language: Language(language))
      let terminal = try CursesTerminal()
      defer { terminal.stop() }
      let by = actor.by
      let app = AgendaEditApp(terminal: terminal, state: state, title: area.name, questionnaire: questionnaire) { edit in
        switch edit {
        case .dimension(let dimension, let recognition, let floor):
          // The ondergrens is checked first, so a refused one leaves the recognition unchanged too.
          let checkedFloor = try floor.map { input in
            Floor(areaCode: area.code, dimension: dimension, value: try AgendaRules.floorValue(input.value), agreedBy: input.agreedBy,
                  agreedOn: input.agreedOn)
          }
          if let checkedFloor { _ = try AgendaRules.floor(checkedFloor, allowedNames: try store.placeNames()) }
          if let recognition { _ = try AgendaRules.text(recognition.note, .note, allowedNames: try store.placeNames()) }
          if let recognition { try store.setRecognition(areaCode: area.code, roundID: info.id, recognition, actor: by) }
          if let checkedFloor { try store.setFloor(checkedFloor, actor: by) }
        case .task(let task):
          if task.id == nil {
            try store.addTask(areaCode: area.code, roundID: info.id, dimension: task.dimension, text: task.text, actor: by)
          } else {
            try store.updateTask(task, actor: by)
          }
        case .action(let action):
          if action.id == nil {
            try store.addAction(areaCode: area.code, roundID: info.id, action, actor: by)
          } else {
            try store.updateAction(action, actor: by)
          }
        }
        return (try store.agenda(areaCode: area.code, roundID: info.id), try store.floors(areaCode: area.code))
      }
      app.run()
    }
  }
}

extension AgendaReportInput {
  /// The ondergrenzen of every area and the agendas recorded for `previousRound`, from the database.
  init(store: Store, previousRound: Int64?) throws {
    var agendas: [Agenda] = []
    if let previousRound {
      let codes = Set(try store.agendaRecords().map(\.areaCode))
      for code in codes.sorted() {
        let agenda = try store.agenda(areaCode: code, roundID: previousRound)
        if !agenda.isEmpty { agendas.append(agenda) }
      }
    }
    self.init(floors: try store.floors(), previousAgendas: agendas)
  }
}
