import Testing
import WijkwebCore
@testable import WijkwebTUI

/// A printer that keeps what it was asked to print and answers with a set outcome.
final class ListPrinter: TakeHomePrinter {
  var requests: [(scores: [DimensionScore], questionnaireID: String, language: Language)] = []
  var outcome: TakeHomeOutcome

  init(outcome: TakeHomeOutcome) { self.outcome = outcome }

  func takeHome(scores: [DimensionScore], questionnaire: Questionnaire, language: Language) -> TakeHomeOutcome {
    requests.append((scores, questionnaire.id, language))
    return outcome
  }
}

/// `p` on the saved screen: the resident's own web goes to the take-home printer, and the screen says so.
@Suite struct TakeHomeTests {
  let screens: ScreenTests

  init() throws { screens = try ScreenTests() }

  static var toSaved: [Key] {
    var keys = ScreenTests.toFirstItem.compactMap { $0 }
    for score in "345678" { keys += [.character(score), .enter] }
    return keys + [.enter, .enter]
  }

  func run(_ keys: [Key], printer: TakeHomePrinter?, recorder: ListRecorder = ListRecorder()) -> (MemoryTerminal, InterviewApp) {
    let terminal = MemoryTerminal(width: 80, height: 24, unicode: true, keys: [])
    let app = InterviewApp(terminal: terminal, context: screens.context, recorder: recorder, state: InterviewState())
    app.takeHomePrinter = printer
    for key in keys { app.handle(key) }
    terminal.draw(InterviewView.render(app.state, context: screens.context, size: terminal.size, unicode: true))
    return (terminal, app)
  }

  @Test func pSendsTheResidentsScoresAndConfirms() {
    let printer = ListPrinter(outcome: .written(fileName: "mijn-web-2026-11-23-k3x9q2.pdf"))
    let recorder = ListRecorder()
    let (before, _) = run(Self.toSaved, printer: printer)
    #expect(before.screen.text.contains("p: web meenemen"), "the saved screen offers the key")
    let (terminal, app) = run(Self.toSaved + [.character("p")], printer: printer, recorder: recorder)
    #expect(printer.requests.count == 1)
    let request = printer.requests[0]
    #expect(request.questionnaireID == "snapshot" && request.language == .dutch)
    #expect(request.scores.map(\.score) == [3, 4, 5, 6, 7, 8])
    let text = terminal.screen.text
    #expect(text.contains("Uw web staat klaar als mijn-web-2026-11-23-k3x9q2.pdf."))
    #expect(text.contains("A B C D - E F G H"), "still the saved screen")
    if case .saved = app.state.step {} else { Issue.record("p left the saved screen") }
    // Nothing more was stored for the printout than for the save itself.
    #expect(recorder.batches.last?.isEmpty ?? false)
  }

  @Test func englishConfirmationAndPrinter() {
    let printer = ListPrinter(outcome: .printed(printer: "buurthuis"))
    let (terminal, _) = run(Self.toSaved + [.function(2), .character("p")], printer: printer)
    #expect(printer.requests.first?.language == .english)
    #expect(terminal.screen.text.contains("Your web has been sent to printer buurthuis."))
  }

  @Test func problemsAreSaidPlainlyAndTheResponseStaysSaved() {
    let printer = ListPrinter(outcome: .folderUnusable(path: "/media/usb"))
    let recorder = ListRecorder()
    let (terminal, app) = run(Self.toSaved + [.character("p")], printer: printer, recorder: recorder)
    #expect(terminal.screen.text.contains("Web niet bewaard: map /media/usb ontbreekt of is alleen-lezen."))
    #expect(InterviewView.shortPath("/home/vrijwilliger/Documenten/meenemen") == "…/meenemen")
    #expect(recorder.batches.joined().contains { if case .complete = $0 { return true } else { return false } })
    if case .saved = app.state.step {} else { Issue.record("p left the saved screen") }
    let (unset, _) = run(Self.toSaved + [.character("p")], printer: nil)
    #expect(unset.screen.text.contains("Meenemen is niet ingesteld"))
  }

  @Test func afterEnterOrIdleTheScoresAreGone() {
    let printer = ListPrinter(outcome: .written(fileName: "x.pdf"))
    let (_, app) = run(Self.toSaved + [.enter, .character("p")], printer: printer)
    #expect(printer.requests.isEmpty && app.state.savedScores.isEmpty)
    var state = run(Self.toSaved, printer: nil).1.state
    #expect(!state.savedScores.isEmpty)
    state.idle()
    #expect(state.savedScores.isEmpty && state.step == .welcome)
    let (terminal, _) = run(Self.toSaved + [.enter], printer: printer)
    #expect(!terminal.screen.text.contains("p: web meenemen"))
  }
}
