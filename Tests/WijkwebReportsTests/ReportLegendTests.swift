import Testing
import WijkwebCore
@testable import WijkwebReports

/// Long round names stay within the page: the legend shortens them at a word, with an ellipsis.
@Suite struct ReportLegendTests {
  @Test func aLongRoundNameIsShortenedWithinTheMargins() throws {
    let long = "Najaarsronde van de gezamenlijke wijkteams in alle dorpen en wijken van de gemeente (herhaling met extra vragen) 2025"
    let builder = AreaReportBuilder(
      profile: ReportPageTests.profile(previousShift: -1), questionnaire: try ReportPageTests.questionnaire(),
      tree: AreaTree(areas: ReportPageTests.areas), roundName: long, previousRoundName: long,
      quotes: ReportPageTests.quotes, language: .dutch)
    let report = builder.report(for: ReportPageTests.area("A"))
    #expect(report.legend.previous == "vorige ronde: " + long)
    let page = ReportLayout.page(report, pageLabel: "pagina 1 van 1")
    let left = ReportLayout.margin - 0.5
    let right = ReportLayout.pageWidth - ReportLayout.margin + 0.5
    for entry in page.textBoxes {
      #expect(entry.box.x >= left && entry.box.x + entry.box.width <= right, "\(entry.text) runs off the page")
    }
    let legend = page.textBoxes.first { $0.text.hasPrefix("vorige ronde:") }
    #expect(legend?.text.hasSuffix(" …") == true)
  }
}
