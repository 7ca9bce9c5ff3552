import Testing
import WijkwebCore
@testable import WijkwebReports

/// The agenda on an area's page: the ondergrens against the published figure, its dashed ring segments,
/// "Afgesproken vorige keer", the second page, and nothing figure-like on a suppressed page.
@Suite struct ReportAgendaTests {
  func builder(floors: [Floor], agendas: [Agenda] = []) throws -> AreaReportBuilder {
    var builder = try ReportPageTests.builder()
    builder.agendaInput = AgendaReportInput(floors: floors, previousAgendas: agendas)
    return builder
  }

  func floor(_ area: String, _ dimension: Dimension, _ value: Double) -> Floor {
    Floor(areaCode: area, dimension: dimension, value: value, agreedBy: "wijkdialoog", agreedOn: "2026-11-20")
  }

  @Test func aPublishedMeanBelowItsOndergrensIsMarkedAndDrawnAsDashes() throws {
    let builder = try builder(floors: [floor("A", .meedoen, 10), floor("A", .zingeving, 0)])
    let report = builder.report(for: ReportPageTests.area("A"))
    let section = try #require(report.agenda)
    let health = try #require(section.floorItems.first)
    let mean = try #require(builder.figures(area: "A", partID: report.parts.isEmpty ? "" : "health")[4]?.summary?.mean)
    #expect(health.text.contains("▼ Meedoen " + NumberFormat.dutch(mean) + " onder de ondergrens 10,0"), "\(health.text)")
    #expect(health.text.contains(", ondergrens 0,0") && !health.text.contains("▼ Zingeving"))
    #expect(section.floorItems.last?.text.hasPrefix("Geen ondergrens afgesproken: Lichaamsfuncties") == true)
    #expect(report.parts.allSatisfy { $0.floors == [nil, nil, 0, nil, 10, nil] })
    let page = ReportLayout.page(report, pageLabel: "pagina 1 van 1")
    let dashes = page.elements.filter { if case .line(_, _, let stroke) = $0 { return stroke == SpiderWebDrawing.floorStroke } else { return false } }
    #expect(dashes.count == 2 * 2 * 2, "two segments per ondergrens, two ondergrenzen, two webs")
    #expect(page.textBoxes.contains { $0.text == "Ondergrens" })
  }

  @Test func noOndergrensIsSaidBesideTheSubtitle() throws {
    let report = try builder(floors: []).report(for: ReportPageTests.area("A"))
    #expect(report.agenda?.noFloor == "Geen ondergrens afgesproken.")
    let page = ReportLayout.page(report, pageLabel: "pagina 1 van 1")
    let note = try #require(page.textBoxes.first { $0.text == "Geen ondergrens afgesproken." })
    let subtitle = try #require(page.textBoxes.first { $0.text.contains("ronde Najaar 2026") })
    #expect(abs(note.box.y - subtitle.box.y) < 3, "on the subtitle's line")
  }

  @Test func aLongAgendaGoesToASecondPage() throws {
    let actions = (1 ... 30).map { AgendaAction(id: Int64($0), dimension: .meedoen, what: "Actie \($0) in de buurt", who: "buurtteam", due: "2027-01-01") }
    let agenda = Agenda(areaCode: "A", roundName: "Najaar 2025", tasks: [AgendaTask(id: 1, dimension: .meedoen, text: "Meer ontmoeting")], actions: actions)
    let report = try builder(floors: [floor("A", .meedoen, 6)], agendas: [agenda]).report(for: ReportPageTests.area("A"))
    let pages = ReportLayout.pages(report) { "pagina \($0 + 1) van 2" }
    #expect(pages.count == 2)
    let second = pages[1].textBoxes.map(\.text)
    #expect(second.contains("A (vervolg)") || second.contains { $0.hasSuffix("(vervolg)") })
    #expect(second.contains("Afgesproken vorige keer"))
    #expect(second.contains("pagina 2 van 2"))
    #expect(second.contains { $0.contains("Actie 30 in de buurt") })
    #expect(!pages[0].textBoxes.contains { $0.text == "Afgesproken vorige keer" })
  }

  @Test func aSuppressedPageKeepsTheAgendaButComparesNoFigure() throws {
    let agenda = Agenda(areaCode: "B", roundName: "Najaar 2025", tasks: [AgendaTask(id: 1, dimension: .meedoen, text: "Meer ontmoeting")])
    let report = try builder(floors: [floor("B", .meedoen, 6)], agendas: [agenda]).report(for: ReportPageTests.area("B"))
    #expect(report.suppressed)
    let items = try #require(report.agenda).floorItems
    #expect(items.contains { $0.text == "Meedoen: ondergrens 6,0; geen cijfer te tonen" })
    #expect(!items.contains { $0.text.contains("▼") })
    let page = ReportLayout.page(report, pageLabel: "pagina 1 van 1")
    let texts = page.textBoxes.map(\.text)
    #expect(texts.contains("Te weinig deelnemers om cijfers te tonen") && texts.contains("Afgesproken vorige keer"))
    #expect(!page.elements.contains { if case .polygon = $0 { return true } else { return false } }, "no web")
  }
}
