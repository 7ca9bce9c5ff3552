import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebFiles
import WijkwebReports
import WijkwebStore
import WijkwebProfiles

/// `wijkweb report`: one printable A4 page per area for the wijkdialoog, as PDF or self-contained HTML.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "A printable page per area for the wijkdialoog: its web, figures, topics and quotes (PDF or HTML).")

  @OptionGroup var database: DatabaseOptions
  @Option(help: "The round (default: the most recent).") var round: String?
  @Option(help: "Only this area (a code such as WK001411).") var area: String?
  @Flag(help: "Every area with respondents, each on its own page.") var all = false
  @Option(help: "pdf or html.") var format: String = "pdf"
  @Option(help: "The file to write.") var out: String
  @Option(help: "Language of the report: nl or en.") var language: String = "nl"
  @Flag(help: "Replace the file if it exists.") var force = false

  func validate() throws {
    guard ["pdf", "html"].contains(format) else { throw ValidationError(UIString.errFormatValue.format(MessageLanguage.chosen, "pdf", "html", format)) }
    guard ["nl", "en"].contains(language) else { throw ValidationError(UIString.errLanguageValue.format(MessageLanguage.chosen, language)) }
    guard (area == nil) != (all == false) else {
      throw ValidationError((all ? UIString.errAreaAndAll : UIString.errAreaOrAll).text(MessageLanguage.chosen))
    }
  }

  func run() throws {
    // Said before any work: an existing file, a link, a missing folder.
    try AtomicFile.checkTarget(out, force: force)
    let store = try AppSetup.openSource(database)
    let (info, questionnaire) = try RoundChoice.resolve(round, in: store, language: Language(language))
    let engine = ProfileEngine(source: store)
    let profile = try engine.profile(round: info, questionnaire: questionnaire, breakdown: nil, minimum: nil, language: Language(language))
    let tree = AreaTree(areas: try store.areas())
    let quotes = try store.publishableQuotes(roundID: info.id).map { ReportQuote(areaCode: $0.areaCode, dimensions: $0.dimensions, text: $0.text) }
    let previousRound = try engine.previousRound(of: info)
    var builder = AreaReportBuilder(
      profile: profile, questionnaire: questionnaire, tree: tree, roundName: info.name,
      previousRoundName: previousRound?.name, quotes: quotes, language: Language(language))
    // The agenda is kept in the team's own database; the central database does not hold it yet.
    builder.agendaInput = try (store as? Store).map { try AgendaReportInput(store: $0, previousRound: previousRound?.id) }
      ?? AgendaReportInput()
    let areas: [Area]
    if let area {
      guard let index = tree.index[area] else { throw Failure(.errNoArea, area) }
      areas = [tree.areas[index]]
    } else {
      areas = builder.areasWithResponses(try store.areaCodesWithScores(roundID: info.id))
      if areas.isEmpty { throw Failure(.errNothingToReport, info.name) }
    }
    let lang = Language(language)
    // An area whose agenda does not fit on its page gets a second one; the pages are numbered throughout.
    let reports = areas.map { builder.report(for: $0) }
    let counts = reports.map(ReportLayout.pageCount)
    let total = counts.reduce(0, +)
    var pages: [(areaCode: String, title: String, drawing: Drawing)] = []
    for (area, report) in zip(areas, reports) {
      let first = pages.count
      for (index, drawing) in ReportLayout.pages(report, pageLabel: { UIString.reportPageNumber.format(lang, first + $0 + 1, total) }).enumerated() {
        pages.append((areaCode: index == 0 ? area.code : area.code + "-vervolg", title: area.name, drawing: drawing))
      }
    }
    let title = questionnaire.title.text(lang) + " – " + info.name
    if format == "pdf" {
      try PDFRenderer.write(pages.map(\.drawing), to: out, title: title, force: force)
    } else {
      let html = HTMLReport.html(pages: pages, title: title, language: language, fonts: Self.dejaVuFonts())
      try AtomicFile.write(html, to: out, force: force)
    }
    try store.logAction("report", detail: "\(info.name): \(format), \(areas.count) area(s)", actor: "gebiedsteam")
    FileHandle.standardError.write(Data((UIString.commandPagesWritten.format(Language(language), out, pages.count) + "\n").utf8))
  }

  /// DejaVu Sans and DejaVu Sans Bold from fonts-dejavu-core, for embedding in HTML; nil when not installed.
  static func dejaVuFonts() -> (regular: [UInt8], bold: [UInt8])? {
    let folder = "/usr/share/fonts/truetype/dejavu/"
    guard let regular = FileManager.default.contents(atPath: folder + "DejaVuSans.ttf"),
          let bold = FileManager.default.contents(atPath: folder + "DejaVuSans-Bold.ttf") else { return nil }
    return ([UInt8](regular), [UInt8](bold))
  }
}
