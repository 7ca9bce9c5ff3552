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
    guard ["pdf", "html"].contains(format) else { throw ValidationError("--format must be pdf or html, not \(format).") }
    guard ["nl", "en"].contains(language) else { throw ValidationError("--language must be nl or en, not \(language).") }
    guard (area == nil) != (all == false) else {
      throw ValidationError(all ? "Give either --area CODE or --all, not both." : "Say which areas: --area CODE (e.g. WK001411) or --all.")
    }
  }

  func run() throws {
    // Said before any work: an existing file, a link, a missing folder.
    do {
      try AtomicFile.checkTarget(out, force: force)
    } catch let error as FileError {
      throw Failure(error.message)
    }
    let store = try AppSetup.openStore(database, existing: true)
    let (info, questionnaire) = try RoundChoice.resolve(round, in: store, language: Language(language))
    let engine = ProfileEngine(store: store)
    let profile = try engine.profile(round: info, questionnaire: questionnaire, breakdown: nil, minimum: nil)
    let tree = AreaTree(areas: try store.areas())
    let quotes = try store.publishableQuotes(roundID: info.id).map { ReportQuote(areaCode: $0.areaCode, dimensions: $0.dimensions, text: $0.text) }
    let builder = AreaReportBuilder(
      profile: profile, questionnaire: questionnaire, tree: tree, roundName: info.name,
      previousRoundName: try engine.previousRound(of: info)?.name, quotes: quotes, language: Language(language))
    let areas: [Area]
    if let area {
      guard let index = tree.index[area] else { throw Failure("There is no area \(area); `wijkweb areas list` shows the codes.") }
      areas = [tree.areas[index]]
    } else {
      var responseAreas = Set<String>()
      try store.forEachPartScore(roundID: info.id) { row in
        if let code = row.areaCode { responseAreas.insert(code) }
      }
      areas = builder.areasWithResponses(responseAreas)
      if areas.isEmpty { throw Failure("Round \"\(info.name)\" has no completed responses yet, so there is nothing to report.") }
    }
    let lang = Language(language)
    let indicators = try store.indicators()
    let reach = try ReachFooter.figures(engine: engine, round: info, questionnaire: questionnaire)
    let pages = areas.enumerated().map { index, area in
      (areaCode: area.code, title: area.name,
       drawing: ReportLayout.page(IndicatorSection.adding(indicators, area: area, tree: tree, questionnaire: questionnaire, language: lang,
                                                          to: ReachFooter.adding(reach[area.code], to: builder.report(for: area), language: lang)),
                                  pageLabel: UIString.reportPageNumber.format(lang, index + 1, areas.count)))
    }
    let title = questionnaire.title.text(lang) + " – " + info.name
    if format == "pdf" {
      do {
        try PDFRenderer.write(pages.map(\.drawing), to: out, title: title, force: force)
      } catch let error as RenderError {
        throw Failure(error.description)
      }
    } else {
      let html = HTMLReport.html(pages: pages, title: title, language: language, fonts: Self.dejaVuFonts())
      do {
        try AtomicFile.write(html, to: out, force: force)
      } catch let error as FileError {
        throw Failure(error.message)
      }
    }
    try store.audit("report", detail: "\(info.name): \(format), \(areas.count) area(s)", actor: "gebiedsteam")
    FileHandle.standardError.write(Data((UIString.commandPagesWritten.format(Language(language), out, areas.count) + "\n").utf8))
  }

  /// DejaVu Sans and DejaVu Sans Bold from fonts-dejavu-core, for embedding in HTML; nil when not installed.
  static func dejaVuFonts() -> (regular: [UInt8], bold: [UInt8])? {
    let folder = "/usr/share/fonts/truetype/dejavu/"
    guard let regular = FileManager.default.contents(atPath: folder + "DejaVuSans.ttf"),
          let bold = FileManager.default.contents(atPath: folder + "DejaVuSans-Bold.ttf") else { return nil }
    return ([UInt8](regular), [UInt8](bold))
  }
}
