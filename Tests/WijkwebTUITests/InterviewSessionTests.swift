import Testing
import WijkwebCore
@testable import WijkwebTUI

/// The session loop (menu, interview, dashboard, review) on the memory terminal with stand-in services.
@Suite struct InterviewSessionTests {
  final class Services: InterviewSessionServices {
    var interrupted: SavedInterview?
    var dashboards = 0
    var reviews = 0
    var dashboardError: String?
    func interruptedInterview() throws -> SavedInterview? { interrupted }
    func rememberedVolunteerCode() throws -> String? { "V12" }
    func showDashboard(language: Language, terminal: Terminal) throws {
      dashboards += 1
      if let dashboardError { throw TerminalError(dashboardError) }
    }
    func showReview(language: Language, terminal: Terminal) throws { reviews += 1 }
  }

  let context: InterviewContext

  init() throws {
    let questionnaire = try QuestionnaireParser.parse(ScreenTests.yaml, source: "snapshot.yaml")
    context = InterviewContext(
      rounds: [RoundChoice(id: 1, name: "Najaar 2026", questionnaire: questionnaire)],
      areas: [Area(code: "WK001411", level: .wijk, name: "Noordoost", parentCode: nil, aliases: ["Beijum"])],
      newResponseID: { "r1" }, newReceiptCode: { "ABCD-EFGH" })
  }

  @Test func theMenuLeadsToTheDashboardTheReviewAndAnInterviewAndQuits() throws {
    let services = Services()
    services.dashboardError = "Er zijn nog geen gesprekken."
    let keys: [Key?] = [.character("3"), .character("4"), .character("l"), .character("1"), .enter, .enter, .character("j"),
                        .escape, .escape, .character("q")]
    let terminal = MemoryTerminal(keys: keys)
    var screens: [String] = []
    let recorder = ListRecorder()
    recorder.onRecord = { screens.append(terminal.screen.text) }
    let session = InterviewSession(terminal: terminal, context: context, recorder: recorder, services: services, idleSeconds: 600)
    try session.run(language: .dutch, menu: true)
    #expect(services.dashboards == 1 && services.reviews == 1)
    // The interview started in English (l on the menu) with the remembered code, and began a response.
    #expect(recorder.batches.joined().contains(.begin(responseID: "r1", roundID: 1, volunteerCode: "V12", language: .english)))
    #expect(terminal.script.isEmpty)
  }

  @Test func theMenusResumeIsTheResumeIntentAndCtrlCEndsTheSession() throws {
    let services = Services()
    services.interrupted = SavedInterview(
      responseID: "old", roundID: 1, volunteerCode: "V7", language: .dutch, areaCode: "WK001411", demographics: [:],
      answers: ["a": .score(4)], reflections: [:], position: "item:0:1", startedAt: "23-11-2026 10:00")
    let terminal = MemoryTerminal(keys: [.character("2"), .character("7"), .enter, .interrupt, .character("q")])
    let recorder = ListRecorder()
    try InterviewSession(terminal: terminal, context: context, recorder: recorder, services: services, idleSeconds: 600)
      .run(language: .dutch, menu: true)
    #expect(recorder.batches.joined().contains(.setAnswer(responseID: "old", itemID: "b", value: .score(7))))
    #expect(terminal.script == [.press(.character("q"))], "Ctrl-C ends the session, not only the interview")
  }

  @Test func theMenuShowsWhatWentWrongAndIgnoresKeysWithModifiers() throws {
    let services = Services()
    services.dashboardError = "Er zijn nog geen gesprekken."
    let terminal = MemoryTerminal(events: [.press(.character("3")), .key(.character("q"), [.alt]), .mouse, .unrecognised, .idle])
    try InterviewSession(terminal: terminal, context: context, recorder: ListRecorder(), services: services, idleSeconds: 600)
      .run(language: .dutch, menu: true)
    #expect(terminal.screen.text.contains("Er zijn nog geen gesprekken."))
    #expect(services.dashboards == 1)
  }
}
