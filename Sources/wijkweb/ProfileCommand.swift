import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebReports
import WijkwebStore
import WijkwebProfiles

/// `wijkweb profile`: the neighbourhood profile of a round, with intervals, comparisons and suppression.
struct ProfileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile", abstract: "Figures per area and dimension: means, intervals, comparisons; small groups suppressed.")

  @OptionGroup var database: DatabaseOptions
  @Option(help: "The round (default: the most recent).") var round: String?
  @Option(help: "Only areas of this level: gemeente, gebied, wijk or buurt.") var level: String?
  @Option(help: "Only this area (a code such as WK001411): its figures per dimension.") var area: String?
  @Option(help: "Break down by a choice question of the questionnaire or a theme module (age, sex, household, mantelzorg_geeft, ...).") var by: String?
  @Flag(help: "Break down by the kind of area (all dorpen beside all stadswijken, ...), as the area file gives it.") var byKind = false
  @Option(help: "Only this part (e.g. health or neighbourhood, or its title).") var part: String?
  @Flag(help: "Weight to the population by raking (needs `wijkweb round population` for the round).") var weighted = false
  @Option(help: "table, csv or json.") var format: String = "table"
  @Option(help: "Language of the table: nl or en.") var language: String = "nl"
  @Option(help: "Raise the minimum group size for the whole publication (never below the round's own).") var minGroup: Int?
  @Flag(help: "Instead of the profile: Cronbach's alpha per part and dimension, for researchers.") var diagnostics = false
  @Flag(help: ArgumentHelp("Read the part score rows instead of their columnar copy (same figures; for checking).", visibility: .hidden))
  var rowStore = false

  func validate() throws {
    guard ["table", "csv", "json"].contains(format) else { throw ValidationError(UIString.errFormatValue.format(MessageLanguage.chosen, "table, csv", "json", format)) }
    if let level, AreaLevel(rawValue: level) == nil { throw ValidationError(UIString.errLevelValue.format(MessageLanguage.chosen, level)) }
    if byKind && by != nil { throw ValidationError(UIString.errByKindAndBy.text(MessageLanguage.chosen)) }
    if let minGroup, minGroup < 5 { throw ValidationError(UIString.errMinGroup.text(MessageLanguage.chosen)) }
    if diagnostics {
      let ignored = [("--area", area != nil), ("--level", level != nil), ("--by", by != nil), ("--by-kind", byKind), ("--weighted", weighted),
                     ("--min-group", minGroup != nil)].filter(\.1).map(\.0)
      guard ignored.isEmpty else {
        throw ValidationError("--diagnostics gives Cronbach's alpha of the whole round; it cannot be combined with \(ignored.joined(separator: ", ")).")
      }
    }
  }

  func run() throws {
    let source = try AppSetup.openSource(database)
    let (info, questionnaire) = try RoundChoice.resolve(round, in: source, language: Language(language))
    if diagnostics {
      var reliability = Reliability(questionnaire: questionnaire)
      try source.forEachPackedAnswers(roundID: info.id) { reliability.add(packedAnswers: $0) }
      print(TerminalText.visible(ReliabilityOutput.render(reliability.rows, round: info.name, format: format), keepingNewlines: true),
            terminator: "")
      return
    }
    let engine = ProfileEngine(source: source, usesScoreColumns: !rowStore)
    if byKind, !(try source.areas().contains { $0.kind != nil }) {
      // The central database keeps no kind of area (its areas come without one): said, never an empty breakdown.
      throw Failure(source is CentralProfileSource ? .errCentralNoKinds : .errNoAreaKinds)
    }
    let breakdown = byKind ? ProfileEngine.areaKindBreakdown : by
    let profile = try engine.profile(round: info, questionnaire: questionnaire, breakdown: breakdown, minimum: minGroup, weighted: weighted,
                                     language: Language(language))
    var figures = profile.figures
    if let part {
      guard let match = questionnaire.parts.first(where: { $0.id == part || $0.title.texts.values.contains(part) }) else {
        throw Failure(.errNoPart, part, questionnaire.parts.map(\.id).joined(separator: ", "))
      }
      figures = figures.filter { $0.partID == match.id }
    }
    if let level { figures = figures.filter { $0.area.level.rawValue == level } }
    if let area {
      guard figures.contains(where: { $0.area.code == area }) else {
        throw Failure(.errNoArea, area)
      }
      figures = figures.filter { $0.area.code == area }
    }
    // Round and area names come from bundles and area files: printed with control characters made visible.
    switch format {
    case "csv": print(TerminalText.visible(ProfileCSV.render(profile, round: info.name, figures: figures), keepingNewlines: true), terminator: "")
    case "json": print(ProfileJSON.render(profile, round: info.name, figures: figures), terminator: "")
    default:
      let table = ProfileTable(profile: profile, questionnaire: questionnaire, round: info.name, language: Language(language),
                               unicode: LocaleEncoding.isUnicode)
      let text = area != nil && breakdown == nil ? table.detail(figures: figures) : table.overview(figures: figures)
      print(TerminalText.visible(text, keepingNewlines: true), terminator: "")
    }
  }
}

extension RoundChoice {
  /// The round named `name`, or the most recent one (said on standard error), with its questionnaire.
  static func resolve(_ name: String?, in store: any RoundCatalog, quiet: Bool = false, language: Language = .dutch) throws -> (RoundInfo, Questionnaire) {
    let rounds = try store.rounds()
    guard !rounds.isEmpty else { throw Failure(.errNoRounds) }
    let info: RoundInfo
    if let name {
      guard let match = rounds.first(where: { $0.name == name }) else {
        throw Failure(.errNoRoundAmong, name, rounds.map(\.name).joined(separator: ", "))
      }
      info = match
    } else {
      info = rounds[0]
      if !quiet { FileHandle.standardError.write(Data((UIString.commandRoundChosen.format(language, TerminalText.visible(info.name)) + "\n").utf8)) }
    }
    return (info, try store.questionnaire(ofRound: info.id))
  }
}

/// The character encoding of the user's locale (not the TUI's `Terminal` protocol).
enum LocaleEncoding {
  /// Whether the locale is UTF-8, so ▲ and ▼ can be printed.
  static var isUnicode: Bool {
    let environment = ProcessInfo.processInfo.environment
    let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
    return locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
  }
}
