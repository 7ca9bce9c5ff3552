import Testing
@testable import WijkwebCore
@testable import WijkwebTUI

/// The agenda screen's state and drawing: keys in, edits out; refusals said in the screen's language.
@Suite struct AgendaEditTests {
  let agenda = Agenda(areaCode: "WK1", roundName: "Najaar 2026",
                      tasks: [AgendaTask(id: 4, dimension: .meedoen, text: "Meer ontmoeting")],
                      actions: [AgendaAction(id: 9, dimension: .meedoen, what: "Koffie", who: "buurtteam", due: "2027-01-01")])

  func state() -> AgendaEditState {
    AgendaEditState(agenda: agenda, floors: [], dimensions: Dimension.allCases, language: .dutch)
  }

  @Test func aNewOpgaveIsTypedAndAsked() {
    var state = state()
    #expect(state.handle(.character("n")) == nil)
    _ = state.handle(.tab)
    for character in "Groen" { _ = state.handle(.character(character)) }
    _ = state.handle(.backspace)
    #expect(state.handle(.enter) == .task(AgendaTask(id: nil, dimension: .lichaamsfuncties, text: "Groe")))
  }

  @Test func sMovesTheSelectedActionsStatusOn() {
    var state = state()
    _ = state.handle(.end)
    _ = state.handle(.up)
    var expected = agenda.actions[0]
    expected.status = .bezig
    #expect(state.handle(.character("s")) == .action(expected))
    _ = state.handle(.home)
    #expect(state.handle(.character("s")) == nil, "s on a dimension row asks nothing")
  }

  @Test func aDimensionFormAsksForRecognitionAndOndergrens() {
    var state = state()
    _ = state.handle(.enter)
    _ = state.handle(.right)
    _ = state.handle(.tab)
    _ = state.handle(.tab)
    for character in "5,5" { _ = state.handle(.character(character)) }
    let edit = state.handle(.enter)
    #expect(edit == .dimension(.lichaamsfuncties, recognition: AgendaRecognition(dimension: .lichaamsfuncties, recognition: .ja, note: ""),
                               floor: AgendaEdit.FloorInput(value: "5,5", agreedBy: "", agreedOn: "")))
  }

  @Test func aRefusalIsSaidInTheScreensLanguageAndKeepsTheForm() {
    var state = state()
    _ = state.handle(.character("t"))
    state.refused(AgendaProblem(.personalData(.name), field: .who, "Who picks it up looks like it holds a person's name (\"Jan Jansen\"); ..."))
    #expect(state.form != nil)
    #expect(state.notice == "Niet bewaard: \"Jan Jansen\" lijkt een naam. Noem een rol of organisatie, geen persoon of contactgegevens.")
    state.language = .english
    state.refused(AgendaProblem(.badDate, field: nil, "The due day \"x\" is not a day"))
    #expect(state.notice == "Not saved: check By (yyyy-mm-dd).")
    _ = state.handle(.escape)
    #expect(state.form == nil && !state.wantsToQuit)
    _ = state.handle(.escape)
    #expect(state.wantsToQuit)
  }

  @Test func theListFitsEightyByTwentyFourAndShowsEscapesVisibly() {
    var hostile = agenda
    hostile.tasks[0].text = "Groen\u{1B}[2J" + String(repeating: " lang", count: 40)
    let state = AgendaEditState(agenda: hostile, floors: [], dimensions: Dimension.allCases, language: .dutch)
    let questionnaire = DashboardTests.questionnaire
    let buffer = AgendaEditView.render(state, title: "Noord", questionnaire: questionnaire, size: Size(width: 80, height: 24), unicode: true)
    #expect(buffer.clipped.isEmpty, "\(buffer.clipped)")
    #expect(!buffer.text.unicodeScalars.contains { $0.value == 0x1B })
    #expect(buffer.text.contains("Groen␛[2J"))
    #expect(buffer.lines.contains { $0.contains(">Lichaamsfuncties") }, "the selected row is marked without colour too")
  }
}
