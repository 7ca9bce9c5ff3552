import Testing
@testable import WijkwebCore
@testable import WijkwebTUI

/// The ondergrens and last round's agenda on the dashboard's area screen, at 80x24 without clipping.
@Suite struct DashboardAgendaTests {
  func screen(_ keys: [Key], floors: [Floor], agendas: [Agenda] = [], language: Language = .dutch) -> [String] {
    var data = DashboardData(roundName: "Najaar 2026", previousRoundName: "Voorjaar 2026", questionnaire: DashboardTests.questionnaire,
                             profile: DashboardTests.profile())
    data.floors = floors
    data.previousAgendas = agendas
    let terminal = MemoryTerminal(width: 80, height: 24)
    let app = DashboardApp(terminal: terminal, data: data, state: DashboardState(language: language)) { _ in DashboardTests.profile(breakdown: true) }
    for key in keys { app.handle(key) }
    terminal.draw(app.render(size: terminal.size, unicode: true))
    return terminal.screen.lines
  }

  // Noord (WK1) has 7,5 in every dimension in the fixture profile.
  let floors = [
    Floor(areaCode: "WK1", dimension: .meedoen, value: 8, agreedBy: "wijkdialoog", agreedOn: "2026-11-20"),
    Floor(areaCode: "WK1", dimension: .zingeving, value: 6, agreedBy: "wijkdialoog", agreedOn: "2026-11-20"),
  ]

  @Test func aMeanBelowItsOndergrensIsMarkedInTheTable() {
    let lines = screen([.down, .enter], floors: floors)
    let meedoen = lines.first { $0.contains("Meed.") && $0.contains("7,3-7,7") } ?? ""
    let zingeving = lines.first { $0.contains("Zing.") && $0.contains("7,3-7,7") } ?? ""
    #expect(meedoen.contains("▼7,5"), "\(meedoen)")
    #expect(!zingeving.contains("▼"), "\(zingeving)")
    #expect(lines.joined(separator: "\n").contains("a: ondergrens en afspraken"))
    #expect(!lines.joined(separator: "\n").contains("geen ondergrens afgesproken"))
  }

  @Test func noOndergrensIsSaid() {
    let text = screen([.down, .enter], floors: []).joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("a: geen ondergrens afgesproken"), "\(text)")
    let panel = screen([.down, .enter, .character("a")], floors: [], language: .english).joined(separator: "\n")
    #expect(panel.contains("Agreed floor") && panel.contains("no agreed floor"), "\(panel)")
  }

  @Test func thePanelShowsTheOndergrensAndLastRoundsActionsWithinTheScreen() {
    let agenda = Agenda(areaCode: "WK1", roundName: "Voorjaar 2026", tasks: [AgendaTask(id: 1, dimension: .meedoen, text: "Meer ontmoeting")],
                        actions: [AgendaAction(id: 1, dimension: .meedoen, what: "Koffieochtend", who: "buurtteam", due: "2027-01-01", status: .bezig)])
    let lines = screen([.down, .enter, .character("a")], floors: floors, agendas: [agenda])
    let text = lines.joined(separator: "\n")
    #expect(text.contains("Ondergrens"))
    #expect(text.contains("▼ Meed. 7,5 onder de ondergrens 8,0"), "\(text)")
    #expect(text.contains("Zing. 7,5, ondergrens 6,0"), "\(text)")
    #expect(text.contains("Afgesproken vorige keer: Voorjaar 2026"))
    #expect(text.contains("- Koffieochtend (bezig)"))
    #expect(lines.count == 24 && lines.allSatisfy { $0.count <= 80 })
    // The footer is intact: nothing of the panel ran into it.
    #expect(lines[22].contains("Esc"), "\(lines[22])")
    // `a` again goes back to the notes.
    let back = screen([.down, .enter, .character("a"), .character("a")], floors: floors, agendas: [agenda]).joined(separator: "\n")
    #expect(!back.contains("Afgesproken vorige keer") && back.contains("a: ondergrens en afspraken"))
  }

  @Test func theWebCarriesTheOndergrensAsDashesAcrossItsAxis() {
    let web = { (floors: [Double?]) -> [String] in
      var view = SpiderWebView(axes: Dimension.allCases.map { SpiderWebView.Axis(label: String($0.key.prefix(4)), score: 5) }, ascii: false)
      view.floors = floors
      var buffer = ScreenBuffer(width: 36, height: 17)
      view.draw(into: &buffer, frame: Rect(x: 0, y: 0, width: 36, height: 17))
      return buffer.lines
    }
    let plain = web([])
    let withFloor = web([nil, nil, nil, nil, 8, nil])
    #expect(plain != withFloor, "the ondergrens is drawn")
    #expect(web([nil, nil, nil, nil, nil, nil]) == plain, "no ondergrens, nothing drawn")
    // Only the region of the fifth axis (lower left) changes.
    let changed = zip(plain, withFloor).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    #expect(!changed.isEmpty && changed.allSatisfy { $0 >= 8 }, "\(changed)")
  }
}
