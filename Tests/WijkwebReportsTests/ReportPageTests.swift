import Foundation
import Testing
@testable import WijkwebCore
import WijkwebTestSupport
@testable import WijkwebReports

/// An area's page from a profile: what it says, that it fits A4, that suppressed areas show nothing, and
/// the PDF, SVG and HTML renderers. Also the resident's take-home page.
@Suite struct ReportPageTests {
  static func questionnaire() throws -> Questionnaire { try RepositoryFiles.shippedQuestionnaire() }

  static let areas = [
    Area(code: "G", level: .gemeente, name: "Stad", parentCode: nil),
    Area(code: "A", level: .wijk, name: "Ålesund-Oost & <Noord>", parentCode: "G"),
    Area(code: "B", level: .wijk, name: "Klein", parentCode: "G"),
    Area(code: "C", level: .wijk, name: "Middel", parentCode: "G"),
    Area(code: "D", level: .wijk, name: "Leeg", parentCode: "G"),
  ]

  /// Wijk A (60) scores low on meedoen in "Mijn wijk"; B has 3 respondents; C 30; D none.
  static func profile(previousShift: Double? = -1) -> Profile {
    let tree = AreaTree(areas: areas)
    func totals(shift: Double) -> ProfileTotals {
      var aggregator = ProfileAggregator(tree: tree, partIDs: ["health", "neighbourhood"])
      for (code, count) in [("A", 60), ("B", 3), ("C", 30)] {
        for index in 0 ..< count {
          let base = Double(index % 5) + 4 + shift + (code == "C" ? 1 : 0)
          aggregator.add(areaCode: code, partID: "health", scores: [base, base + 0.5, base + 1, base, base - 0.5, base + 0.2], category: nil)
          aggregator.add(areaCode: code, partID: "neighbourhood", scores: [base, base, base + 1, base + 1.5, code == "A" ? base - 2 : base, base - 1],
                         category: nil)
        }
      }
      return aggregator.rolledUp()
    }
    // Exact figures: these tests check the page, not the cell-key perturbation (ProfileCellKeyTests).
    return Profile.build(totals: totals(shift: 0), previous: previousShift.map { totals(shift: $0) }, rule: SuppressionRule(minimumGroupSize: 10),
                         previousRule: nil, breakdown: nil, weighted: false, protection: .exact)
  }

  static let quotes = [
    ReportQuote(areaCode: "A", dimensions: [.meedoen], text: "Eén plek om elkaar te zien zou fijn zijn."),
    ReportQuote(areaCode: "A", dimensions: [.meedoen], text: "Meer activiteiten voor ouderen."),
    ReportQuote(areaCode: "A", dimensions: [.meedoen], text: "Buren groeten elkaar niet meer."),
    ReportQuote(areaCode: "A", dimensions: [.zingeving, .meedoen], text: "Vrijwilligerswerk geeft mij zin."),
    ReportQuote(areaCode: "A", dimensions: [], text: "Het park\nis  prachtig.\n"),
    ReportQuote(areaCode: "A", dimensions: [.meedoen], text: " \n "),
    ReportQuote(areaCode: "A", dimensions: [.lichaamsfuncties], text: "Fietspaden zijn slecht" + String(repeating: ", en de stoepen ook", count: 30) + "."),
    ReportQuote(areaCode: "B", dimensions: [.meedoen], text: "Dit komt uit een kleine wijk."),
    ReportQuote(areaCode: "C", dimensions: [.meedoen], text: "Dit komt uit Middel."),
  ]

  static func builder(language: Language = .dutch, previousShift: Double? = -1) throws -> AreaReportBuilder {
    AreaReportBuilder(profile: profile(previousShift: previousShift), questionnaire: try questionnaire(), tree: AreaTree(areas: areas),
                      roundName: "Najaar 2026", previousRoundName: previousShift == nil ? nil : "Najaar 2025", quotes: quotes, language: language)
  }

  static func area(_ code: String) -> Area { areas.first { $0.code == code } ?? areas[0] }

  @Test func pageSaysWhatTheWijkdialoogNeeds() throws {
    let report = try Self.builder().report(for: Self.area("A"))
    #expect(!report.suppressed)
    #expect(report.subtitle == "wijk  ·  ronde Najaar 2026  ·  n = 60")
    #expect(report.parts.map(\.title) == ["Mijn gezondheid", "Mijn wijk"])
    #expect(report.parts[0].dimensionNames == ["Lichaamsfuncties", "Mentaal welbevinden", "Zingeving", "Kwaliteit van leven", "Meedoen",
                                               "Dagelijks functioneren"])
    #expect(report.legend.gemeente == "gemeente Stad" && report.legend.previous == "vorige ronde: Najaar 2025", "no brackets, so a name with brackets never nests")
    let row = report.parts[0].rows[0]
    #expect(row.mean == "6,0" && row.interval.contains(" – ") && row.belowPass.hasSuffix("%"))
    // A whole point above last year with 60 respondents: significant, marked.
    #expect(row.versusPrevious == MarkedDifference(text: "+1,0 ▲", significant: true))
    // The previous round's web is this round's mean minus the difference.
    #expect(report.parts[0].previous?.first.flatMap { $0 } == 5.0)
    #expect(report.parts[1].gemeente != nil)
    #expect(report.strengths.count == 2 && report.strengths[1].hasPrefix("Mijn wijk: het sterkst is Kwaliteit van leven (7,5), het zwakst Meedoen (4,0)."))
    let starters = try #require(report.starters)
    #expect(starters.items.first?.dimension == "Meedoen (4,0)")
    #expect(starters.items.first?.topics.first == "Noaberschap: buren die naar elkaar omkijken")
    #expect(starters.items.count == AreaReportBuilder.startersDimensions)
    #expect(report.footer.contains("n = 60") && report.footer.contains("kleiner dan 10") && report.footer.contains("t-verdeling")
      && report.footer.contains("Ongewogen") && report.footer.contains("geen gevalideerde meetschaal"))
  }

  /// 25 respondents in wijk A; of "Mijn gezondheid" two different ones skipped each dimension (every
  /// dimension's n is 23), 5 answered nothing of "Mijn wijk": the page's n is the protected respondents
  /// count (25), not a dimension's n; each part's table names the part's own respondents and the
  /// dimensions whose n differs.
  @Test func pageShowsTheRespondentsAndADimensionsNOnlyWhereItDiffers() throws {
    let tree = AreaTree(areas: Self.areas)
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["health", "neighbourhood"])
    for index in 0 ..< 25 {
      var scores: [Double?] = Array(repeating: Double(index % 11), count: 6)
      if index < 12 { scores[index / 2] = nil }
      aggregator.add(areaCode: "A", partID: "health", scores: scores, category: nil)
      if index >= 5 { aggregator.add(areaCode: "A", partID: "neighbourhood", scores: Array(repeating: 6, count: 6), category: nil) }
    }
    let profile = Profile.build(totals: aggregator.rolledUp(), previous: nil, rule: SuppressionRule(minimumGroupSize: 10), previousRule: nil,
                                breakdown: nil, weighted: false, protection: .exact)
    let builder = AreaReportBuilder(profile: profile, questionnaire: try Self.questionnaire(), tree: tree, roundName: "R",
                                    previousRoundName: nil, quotes: [], language: .dutch)
    let report = builder.report(for: Self.area("A"))
    #expect(report.subtitle == "wijk  ·  ronde R  ·  n = 25", "respondents, not the largest or first dimension's n")
    #expect(report.parts[0].countsNote == "n: Lichaamsfuncties 23, Mentaal welbevinden 23, Zingeving 23, Kwaliteit van leven 23, "
      + "Meedoen 23, Dagelijks functioneren 23")
    #expect(report.parts[1].countsNote == "n = 20")
    let page = ReportLayout.page(report, pageLabel: "1")
    let texts = page.elements.compactMap { element -> String? in
      if case let .text(text, _, _, _, _, _) = element { return text }
      return nil
    }
    #expect(texts.contains { $0.hasPrefix("n: Lichaamsfuncties 23, Mentaal welbevinden 23") } && texts.contains("n = 20"), "\(texts)")
  }

  @Test func quotesComeFromTheAreaOnlySpreadOverDimensions() throws {
    let report = try Self.builder().report(for: Self.area("A"))
    let quotes = try #require(report.quotes).items
    #expect(quotes.count == AreaReportBuilder.maximumQuotes)
    #expect(!quotes.contains { $0.text.contains("kleine wijk") || $0.text.contains("Middel") })
    // Round robin: every tagged dimension and the untagged quote get one before meedoen gets a second.
    #expect(Set(quotes.compactMap(\.dimension)) == ["Lichaamsfuncties", "Zingeving", "Meedoen"])
    #expect(quotes.contains { $0.dimension == nil && $0.text == "Het park is prachtig." }, "line breaks become spaces")
    #expect(quotes.first?.dimension == "Lichaamsfuncties", "in the questionnaire's dimension order")
    // The gemeente's page may quote every wijk shown in it.
    let city = try Self.builder().report(for: Self.area("G"))
    #expect(city.quotes?.items.count == 5)
  }

  @Test func smallAreaShowsNoFigures() throws {
    let builder = try Self.builder()
    let report = builder.report(for: Self.area("B"))
    #expect(report.suppressed && report.parts.isEmpty && report.quotes == nil && report.starters == nil && report.strengths.isEmpty)
    #expect(report.subtitle.hasSuffix("n < 10"))
    let page = ReportLayout.page(report, pageLabel: "pagina 1 van 1")
    let texts = page.textBoxes.map(\.text)
    #expect(texts.contains("Te weinig deelnemers om cijfers te tonen"))
    #expect(!page.elements.contains { if case .polygon = $0 { return true } else { return false } }, "no web")
    let aboveFooter = page.textBoxes.filter { $0.box.y < 700 }.map(\.text).joined(separator: " ")
    #expect(aboveFooter.range(of: #"\d,\d"#, options: .regularExpression) == nil && !aboveFooter.contains("%"), "no mean, interval or share")
    // C (30) is shown: the cell-key method, not hiding a sibling, keeps "Stad minus A minus C" from revealing
    // B's three (the published counts carry noise; ProfileCellKeyTests, test_disclosure.py).
    #expect(!builder.report(for: Self.area("C")).suppressed)
    #expect(builder.areasWithResponses(["A", "B", "C"]).map(\.code) == ["G", "A", "B", "C"], "D has nobody and gets no page")
    #expect(builder.areasWithResponses(["C", "X"]).map(\.code) == ["G", "C"])
  }

  @Test(arguments: ["G", "A", "B"])
  func pageFitsA4WithNothingOverlapping(code: String) throws {
    let page = ReportLayout.page(try Self.builder().report(for: Self.area(code)), pageLabel: "pagina 2 van 4")
    let printable = PageRect(x: ReportLayout.margin - 0.5, y: ReportLayout.margin - 0.5, width: ReportLayout.pageWidth - 2 * ReportLayout.margin + 1,
                         height: ReportLayout.pageHeight - 2 * ReportLayout.margin + 1)
    let boxes = page.textBoxes
    #expect(boxes.count > 10)
    if code == "A" {
      let quote = boxes.filter { $0.text.hasPrefix("“Fietspaden") || $0.text.hasPrefix(", en") || $0.text.contains("stoepen") }
      #expect(quote.count == 3 && quote.last?.text.hasSuffix("…") == true, "a long quote is cut after three lines")
      #expect(boxes.filter { $0.text.hasPrefix("“") }.count == AreaReportBuilder.maximumQuotes, "all five quotes fit on the page")
    }
    for entry in boxes {
      #expect(printable.contains(entry.box), "\(entry.text) leaves the printable area: \(entry.box)")
    }
    for (index, a) in boxes.enumerated() {
      for b in boxes[(index + 1)...] where a.box.overlaps(b.box) {
        Issue.record("\"\(a.text)\" overlaps \"\(b.text)\"")
      }
    }
  }

  @Test func gemeenteIsNotComparedWithItself() throws {
    let report = try Self.builder(previousShift: nil).report(for: Self.area("G"))
    #expect(report.legend.gemeente == nil && report.legend.previous == nil)
    #expect(report.parts.allSatisfy { $0.gemeente == nil && $0.previous == nil })
    #expect(report.parts[0].rows.allSatisfy { $0.versusGemeente == nil && $0.versusPrevious == nil })
    #expect(report.parts[0].headers[4].isEmpty && report.parts[0].headers[5].isEmpty, "no empty columns under a heading")
    #expect(try Self.builder().report(for: Self.area("A")).parts[0].headers[4] == "t.o.v. gemeente")
  }

  @Test func englishUsesDecimalPointsAndEnglishWords() throws {
    let report = try Self.builder(language: .english).report(for: Self.area("A"))
    #expect(report.subtitle == "district  ·  round Najaar 2026  ·  n = 60", "wijk = district, as in the codebook")
    #expect(report.parts[0].rows[0].mean == "6.0" && report.parts[0].headers[1] == "Mean")
    #expect(report.parts[1].title == "My neighbourhood" && report.footer.contains("not a validated measurement scale"))
  }

  @Test func differencesAreMarkedOnlyWhenSignificant() throws {
    let builder = try Self.builder()
    let significant = Difference(estimate: -0.46, interval: -0.8 ... -0.1, degreesOfFreedom: 50, isSignificant: true)
    let not = Difference(estimate: 0.3, interval: -0.1 ... 0.7, degreesOfFreedom: 50, isSignificant: false)
    let zero = Difference(estimate: -0.02, interval: -0.5 ... 0.5, degreesOfFreedom: 50, isSignificant: false)
    #expect(builder.marked(significant) == MarkedDifference(text: "−0,5 ▼", significant: true))
    #expect(builder.marked(not) == MarkedDifference(text: "+0,3", significant: false))
    #expect(builder.marked(zero).text == "0,0")
  }

  @Test func svgIsEscapedAndSelfContained() throws {
    let report = try Self.builder().report(for: Self.area("A"))
    let page = ReportLayout.page(report, pageLabel: "1")
    let svg = SVGRenderer.svg(page, label: report.title)
    #expect(svg.contains("Ålesund-Oost &amp; &lt;Noord&gt;") && !svg.contains("<Noord>"))
    #expect(svg.contains("stroke-dasharray") && svg.contains("fill-opacity"))
    let html = HTMLReport.html(pages: [("A", report.title, page), ("G", "Stad", page)], title: "T", language: "nl", fonts: ([1, 2, 3], [255]))
    #expect(html.components(separatedBy: "<section class=\"area\"").count == 3)
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(html.contains("url(data:font/ttf;base64,AQID)") && html.contains("base64,/w=="))
    #expect(html.contains("@page { size: A4; margin: 0; }") && html.contains("break-after: page"))
  }

  @Test func fontsAreEmbeddedAsStandardBase64() {
    let html = HTMLReport.html(pages: [], title: "T", language: "nl", fonts: (Array("Man".utf8), Array("M".utf8)))
    #expect(html.contains("font-weight: normal; src: url(data:font/ttf;base64,TWFu)"))
    #expect(html.contains("font-weight: bold; src: url(data:font/ttf;base64,TQ==)"))
  }

  @Test func pdfHasAPagePerDrawingWithTheFontEmbedded() throws {
    let builder = try Self.builder()
    let pages = ["G", "A", "B"].map { ReportLayout.page(builder.report(for: Self.area($0)), pageLabel: "x") }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wijkweb-report-\(UInt64.random(in: 0 ... .max)).pdf").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try PDFRenderer.write(pages, to: path, title: "Proef")
    let data = try #require(FileManager.default.contents(atPath: path))
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("%PDF-"))
    #expect(text.components(separatedBy: "/Type /Page\n").count - 1 == 3 || text.components(separatedBy: "/Type /Page ").count - 1 >= 3)
    #expect(text.contains("DejaVuSans") && text.contains("/FontFile"))
    #expect(throws: RenderError.self) { try PDFRenderer.write(pages, to: "/nonexistent-folder/x.pdf", title: "x") }
    #expect(throws: RenderError.self) { try PDFRenderer.write([], to: path, title: "x") }
    // Owner-only, and never replaced without force.
    #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    #expect(throws: RenderError.self) { try PDFRenderer.write(pages, to: path, title: "again") }
  }

  @Test func takeHomePageShowsOnlyTheResidentsWebAndDate() throws {
    let questionnaire = try Self.questionnaire()
    let scores = questionnaire.parts.flatMap { part in
      questionnaire.dimensionOrder.enumerated().map { index, dimension in
        DimensionScore(partID: part.id, dimension: dimension, score: index == 4 ? nil : Double(index) + 4.25, answered: 4, total: 4)
      }
    }
    let page = TakeHomeLayout.page(scores: scores, questionnaire: questionnaire, language: .dutch, date: "23-11-2026")
    let texts = page.textBoxes.map(\.text)
    #expect(texts.contains("Mijn spinnenweb") && texts.contains("Datum: 23-11-2026"))
    #expect(texts.contains("Mijn gezondheid") && texts.contains("Mijn wijk"))
    #expect(texts.filter { $0 == "4,3" }.count == 2 && texts.filter { $0 == "–" }.count == 2, "scores per part; none where too few answered")
    #expect(texts.filter { $0 == "Dagelijks functioneren" }.count >= 2)
    let printable = PageRect(x: ReportLayout.margin - 0.5, y: ReportLayout.margin - 0.5, width: ReportLayout.pageWidth - 2 * ReportLayout.margin + 1,
                         height: ReportLayout.pageHeight - 2 * ReportLayout.margin + 1)
    for entry in page.textBoxes {
      #expect(printable.contains(entry.box), "\(entry.text) leaves the page")
    }
    for (index, a) in page.textBoxes.enumerated() {
      for b in page.textBoxes[(index + 1)...] where a.box.overlaps(b.box) {
        Issue.record("\"\(a.text)\" overlaps \"\(b.text)\"")
      }
    }
    let english = TakeHomeLayout.page(scores: scores, questionnaire: questionnaire, language: .english, date: "2026-11-23")
    #expect(english.textBoxes.map(\.text).contains("My spider web") && english.textBoxes.map(\.text).contains("4.3"))
    // Write it where the developer can look at it (pdftoppm), as the report test does.
    try PDFRenderer.write([page], to: FileManager.default.temporaryDirectory.appendingPathComponent("wijkweb-take-home-test.pdf").path,
                          title: "Mijn spinnenweb", force: true)
  }
}
