import Testing
import WijkwebCore
@testable import WijkwebReports

/// The monitor figures on an area's page beside the agenda: here when they fit whole, else every one of
/// them on the area's second page, never cut off or left out, and nothing past the page's margins.
@Suite struct ReportIndicatorTests {
  func report(indicators count: Int, actions: Int = 0) throws -> AreaReport {
    var builder = try ReportPageTests.builder()
    let floor = Floor(areaCode: "A", dimension: .meedoen, value: 6, agreedBy: "wijkdialoog", agreedOn: "2026-11-20")
    let agenda = Agenda(areaCode: "A", roundName: "Najaar 2025", tasks: [AgendaTask(id: 1, dimension: .meedoen, text: "Meer ontmoeting")],
                        actions: (0 ..< actions).map { AgendaAction(id: Int64($0 + 1), dimension: .meedoen, what: "Actie \($0 + 1)", who: "buurtteam", due: "2027-01-01") })
    builder.agendaInput = AgendaReportInput(floors: [floor], previousAgendas: [agenda])
    var report = builder.report(for: ReportPageTests.area("A"))
    let label = "Aandeel inwoners dat zich de afgelopen twaalf maanden ernstig belemmerd voelde door de gezondheid"
    report.indicators = (heading: "Cijfers uit de monitor", continuedTitle: "A (vervolg)",
                         items: (1 ... count).map { (dimension: "Dimensie \(($0 - 1) / 3 + 1)", text: "\(label) \($0): 14,8 % (gemeente 11,2 %) · GGD \(2000 + $0)") })
    return report
  }

  func texts(_ pages: [Drawing]) -> String { pages.flatMap { $0.textBoxes.map(\.text) }.joined(separator: " ") }

  @Test func aFewIndicatorsStayOnTheAreasPage() throws {
    // Without an agenda the block follows the strengths, where the page has room for it.
    var report = try report(indicators: 3)
    report.agenda = nil
    let pages = ReportLayout.pages(report) { "pagina \($0 + 1)" }
    #expect(pages.count == 1)
    let page = texts(pages)
    #expect(page.contains("Cijfers uit de monitor") && page.contains("GGD 2001") && page.contains("GGD 2003"), "\(page)")
  }

  @Test func eighteenIndicatorsGoWholeToTheSecondPageAndNoneIsLeftOut() throws {
    let report = try report(indicators: 18, actions: 4)
    let pages = ReportLayout.pages(report) { "pagina \($0 + 1) van 2" }
    #expect(pages.count == 2)
    #expect(ReportLayout.pageCount(report) == 2)
    let first = texts([pages[0]]), second = texts([pages[1]])
    #expect(!first.contains("Cijfers uit de monitor"), "the block is not split over two pages")
    #expect(pages[1].textBoxes.contains { $0.text.hasSuffix("(vervolg)") })
    #expect(second.contains("Cijfers uit de monitor") && second.contains("pagina 2 van 2"))
    for index in 1 ... 18 { #expect(second.contains("GGD \(2000 + index)"), "indicator \(index) with its source and year") }
    #expect(texts(pages).contains("Actie 4"), "the agenda is on one of the pages too")
    for page in pages {
      for box in page.textBoxes.map(\.box) {
        #expect(box.x >= ReportLayout.margin - 0.5 && box.x + box.width <= ReportLayout.pageWidth - ReportLayout.margin + 0.5, "\(box)")
        #expect(box.y >= ReportLayout.margin - 0.5 && box.y + box.height <= ReportLayout.pageHeight - ReportLayout.margin + 0.5, "\(box)")
      }
    }
  }
}
