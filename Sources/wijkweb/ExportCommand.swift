import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebFiles
import WijkwebReports
import WijkwebStore
import WijkwebProfiles

/// `wijkweb export`: results as files for spreadsheets, SPSS, R and other programs.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write results to files: responses with a codebook, or profiles.",
    subcommands: [ExportResponsesCommand.self, ExportProfilesCommand.self])
}

/// `wijkweb export responses`: one row per completed response, with a codebook.
struct ExportResponsesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "responses",
    abstract: "One row per completed response (pseudonymous), with a codebook in Dutch and English.",
    discussion: """
      Columns: response_id, round, questionnaire_id, questionnaire_version, gemeente, gebied, wijk, buurt, \
      completed_on (the day), the questions about the resident, every statement (0-10; 99 = weet niet / \
      niet van toepassing; empty = not answered) and every dimension score per part. csv writes the \
      codebook to PATH-codebook.csv beside it; xlsx has a codebook sheet; sav has variable and value labels \
      (99 user-missing); json holds its codebook (see Docs/export-json.md).
      """)

  @OptionGroup var database: DatabaseOptions
  @Option(help: "The round (default: the most recent).") var round: String?
  @Option(help: "csv, xlsx, sav or json.") var format: String
  @Option(help: "The file to write.") var out: String
  @Flag(help: "Add the reflections reviewed as publishable (the edited copy where there is one).") var includeText = false
  @Option(help: "Language of the SPSS labels and the sheet names (default nl), and of the messages (default en): nl or en.")
  var language: String?
  @Flag(help: "Replace the file(s) if they exist.") var force = false

  func validate() throws {
    guard ResponseFormat(rawValue: format) != nil else { throw ValidationError(UIString.errFormatValue.format(MessageLanguage.chosen, "csv, xlsx, sav", "json", format)) }
    if let language, !["nl", "en"].contains(language) { throw ValidationError(UIString.errLanguageValue.format(MessageLanguage.chosen, language)) }
  }

  /// The labels' language: Dutch unless `--language` says otherwise.
  var labels: Language { Language(language ?? "nl") }
  /// The messages' language: English unless `--language` is given, as export always spoke.
  var messages: Language { language.map { Language($0) } ?? .english }

  func run() throws {
    let store = try AppSetup.openStore(database, existing: true)
    let (info, questionnaire) = try RoundChoice.resolve(round, in: store, language: labels)
    guard let format = ResponseFormat(rawValue: format) else { return }
    let sealed = try store.sealedCount(roundID: info.id)
    if sealed > 0 {
      FileHandle.standardError.write(Data((UIString.cmdSealedNotExported.format(messages, sealed) + "\n").utf8))
    }
    let english = labels == .english
    let areas = try store.areas()
    let widths = includeText ? try store.publishableTextWidths(roundID: info.id) : nil
    let codebook = CodebookBuilder.build(questionnaire: questionnaire, round: info.name, areas: areas, textWidths: widths)
    var builder = ResponseRowBuilder(codebook: codebook, questionnaire: questionnaire, areas: areas)
    let destination = try AtomicFile(path: out, force: force)
    var destinations = [destination]
    let sink: any ResponseSink
    switch format {
    case .csv:
      let codebookFile = try AtomicFile(path: ResponsesCSV.codebookPath(for: out), force: force)
      destinations.append(codebookFile)
      sink = ResponsesCSV(codebook: codebook, data: destination, codebookFile: codebookFile)
    case .xlsx: sink = try ResponsesXLSX(codebook: codebook, file: destination, english: english)
    case .sav: sink = ResponsesSAV(codebook: codebook, file: destination, english: english)
    case .json: sink = ResponsesJSON(codebook: codebook, file: destination)
    }
    var rows = 0
    try store.forEachExportRecord(
      roundID: info.id, partIDs: questionnaire.parts.map(\.id), includeText: includeText, begin: { try sink.begin(rowCount: $0) }
    ) { record in
      try sink.write(builder.values(record))
      rows += 1
    }
    try sink.finish()
    for file in destinations { try file.commit() }
    let paths = destinations.map(\.path)
    let text = includeText ? " with publishable text" : ", no text"
    try store.audit(
      "export", detail: "responses of round \"\(info.name)\" as \(format.rawValue): \(rows) rows\(text) to \(paths.joined(separator: " and "))", actor: "coordinator")
    UIString.cmdResponsesExported.say(messages, rows, TerminalText.visible(info.name), paths.joined(separator: UIString.cmdAnd.text(messages)))
  }
}

/// `wijkweb export profiles`: the figures of `wijkweb profile` for every area and dimension.
struct ExportProfilesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profiles",
    abstract: "The figures of `wijkweb profile` for every area, part and dimension; small groups suppressed as on screen.")

  @OptionGroup var database: DatabaseOptions
  @Option(help: "The round (default: the most recent).") var round: String?
  @Option(help: "csv, xlsx or json.") var format: String
  @Option(help: "The file to write.") var out: String
  @Option(help: "Language of the sheet name (default nl) and of the messages (default en): nl or en.") var language: String?
  @Flag(help: "Replace the file if it exists.") var force = false

  func validate() throws {
    guard ProfileFormat(rawValue: format) != nil else { throw ValidationError(UIString.errFormatValue.format(MessageLanguage.chosen, "csv, xlsx", "json", format)) }
    if let language, !["nl", "en"].contains(language) { throw ValidationError(UIString.errLanguageValue.format(MessageLanguage.chosen, language)) }
  }

  /// The labels' language: Dutch unless `--language` says otherwise.
  var labels: Language { Language(language ?? "nl") }
  /// The messages' language: English unless `--language` is given, as export always spoke.
  var messages: Language { language.map { Language($0) } ?? .english }

  func run() throws {
    let store = try AppSetup.openSource(database)
    let (info, questionnaire) = try RoundChoice.resolve(round, in: store, language: labels)
    guard let format = ProfileFormat(rawValue: format) else { return }
    let profile = try ProfileEngine(source: store).profile(round: info, questionnaire: questionnaire, breakdown: nil, minimum: nil,
                                                                      language: messages)
    let destination = try AtomicFile(path: out, force: force)
    switch format {
    case .csv, .json:
      let text = format == .csv
        ? ProfileCSV.render(profile, round: info.name, figures: profile.figures)
        : ProfileJSON.render(profile, round: info.name, figures: profile.figures)
      try destination.write(text)
    case .xlsx:
      try ProfileXLSX.write(profile, round: info.name, figures: profile.figures, to: destination, english: labels == .english)
    }
    try destination.commit()
    let suppressed = profile.figures.filter(\.suppressed).count
    let figures = "\(profile.figures.count) figures (\(suppressed) suppressed)"
    try store.logAction("export", detail: "profiles of round \"\(info.name)\" as \(format.rawValue): \(figures) to \(out)", actor: "coordinator")
    UIString.cmdProfilesExported.say(messages, profile.figures.count, suppressed, TerminalText.visible(info.name), out, profile.minimumGroupSize)
  }
}
