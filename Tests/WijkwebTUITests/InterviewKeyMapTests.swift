import Testing
import WijkwebCore
@testable import WijkwebTUI

/// The key tables of the interview screens, the help generated from them, and random terminal bytes
/// through the decoder and the key map into the interview.
@Suite struct InterviewKeyMapTests {
  let context: InterviewContext

  init() throws {
    let questionnaire = try QuestionnaireParser.parse(ScreenTests.yaml, source: "snapshot.yaml")
    context = InterviewContext(
      rounds: [RoundChoice(id: 1, name: "Najaar 2026", questionnaire: questionnaire)],
      areas: [Area(code: "WK001411", level: .wijk, name: "Noordoost", parentCode: nil, aliases: ["Beijum"])],
      newResponseID: { "r1" }, newReceiptCode: { "ABCD-EFGH" })
  }

  func atFirstStatement() -> InterviewState {
    var state = InterviewState()
    for key in ScreenTests.toFirstItem.compactMap({ $0 }) { _ = state.handle(key, context: context) }
    return state
  }

  @Test func noKeyIsBoundTwiceOnAScreen() {
    for kind in InterviewKeyMap.ScreenKind.allCases {
      let table = InterviewKeyMap.table(kind)
      let keys = (InterviewKeyMap.common(takesText: table.takesText) + table.bindings).flatMap(\.keys)
      #expect(Set(keys).count == keys.count, "\(kind) binds a key twice")
      if table.digits != nil {
        #expect(!keys.contains { if case .character(let c) = $0 { return c.isNumber } else { return false } }, "\(kind)")
      }
    }
  }

  @Test func theHelpOfAScreenListsTheLinesOfItsOwnKeysOnly() {
    let statement = InterviewKeyMap.helpLines(for: .item(part: 0, index: 0))
    #expect(statement.contains(.helpDigits) && statement.contains(.helpDontKnow) && statement.contains(.helpQuit))
    #expect(!statement.contains(.helpTab) && !statement.contains(.helpFocus))
    let text = InterviewKeyMap.helpLines(for: .reflection(0))
    #expect(text.contains(.helpTab) && text.contains(.helpText) && !text.contains(.helpDontKnow))
    // Every line shown belongs to a binding of that screen, so no hint names a key that does nothing.
    for kind in InterviewKeyMap.ScreenKind.allCases {
      let table = InterviewKeyMap.table(kind)
      let bound = Set((InterviewKeyMap.common(takesText: table.takesText) + table.bindings).compactMap(\.help) + table.digitHelp + table.textHelp)
      let step: InterviewState.Step = switch kind {
      case .resumeOffer: .resumeOffer
      case .confirmDiscard: .confirmDiscard
      case .welcome: .welcome
      case .volunteer: .volunteer
      case .consent: .consent
      case .declined: .declined
      case .area: .area
      case .demographic: .demographic(0)
      case .statement: .item(part: 0, index: 0)
      case .web: .web(part: 0)
      case .text: .dialogue(part: 0, focus: 0, question: 0)
      case .earlierCode: .earlierCode(part: 0)
      case .summary: .summary
      case .saved: .saved(receiptCode: "X")
      }
      #expect(InterviewKeyMap.kind(of: step) == kind)
      #expect(Set(InterviewKeyMap.helpLines(for: step)) == bound, "\(kind)")
    }
  }

  @Test func thePasteGoesIntoTextOnlyAndTheHelpScreenShowsTheTable() {
    let terminal = MemoryTerminal(events: ScreenTests.toFirstItem.map { $0.map(TerminalEvent.press) ?? .idle }
      + [.paste("7\n"), .press(.function(1))])
    let recorder = ListRecorder()
    let app = InterviewApp(terminal: terminal, context: context, recorder: recorder, state: InterviewState())
    app.run()
    #expect(app.state.slider == nil && app.state.answers.isEmpty)
    #expect(!recorder.batches.joined().contains { if case .setAnswer = $0 { return true } else { return false } })
    let screen = terminal.screen.text
    #expect(screen.contains("Alle toetsen") && screen.contains("weet niet") && !screen.contains("Tab "))
  }

  /// Seeded random byte streams on a statement: the answers change only when the decoder produced a
  /// digit, an arrow, `w`, Enter or Backspace; the interview is never paused or left by them.
  @Test func randomBytesChangeNoAnswerWithoutAnAnsweringKey() {
    var generator = SeededGenerator(seed: 0xB17E5)
    let moves: [Key] = [.enter, .backspace, .up, .down, .left, .right, .character("w")]
    let answering = Set(moves + (0 ... 9).map { Key.character(Character(String($0))) })
    for round in 0 ..< 1500 {
      var state = atFirstStatement()
      if round % 2 == 1 {
        _ = state.handle(.character("6"), context: context)
        _ = state.handle(.enter, context: context)
      }
      let before = (state.answers, state.demographics, state.reflections, state.areaCode)
      var decoder = TerminalInputDecoder()
      let bytes = (0 ..< Int.random(in: 1 ... 24, using: &generator)).map { _ in
        Bool.random(using: &generator) ? UInt8.random(in: 0x1B ... 0x7E, using: &generator) : UInt8.random(in: 0 ... 255, using: &generator)
      }
      let events = decoder.feed(bytes) + decoder.flush()
      var pressed: [Key] = []
      for event in events {
        switch event {
        case .paste(let text): _ = state.apply(.typeText(text), context: context)
        default:
          guard let key = event.plainKey, key != .interrupt else { continue }
          pressed.append(key)
          _ = state.handle(key, context: context)
        }
      }
      let after = (state.answers, state.demographics, state.reflections, state.areaCode)
      if before.0 != after.0 || before.1 != after.1 || before.2 != after.2 || before.3 != after.3 {
        #expect(pressed.contains { answering.contains($0) }, "answers changed by \(bytes) -> \(events)")
      }
      #expect(!state.paused && !state.wantsToQuit)
    }
  }

  /// A round name and area names with OSC 52, CSI 2J and a title sequence: the round choice, the area
  /// search and the menu on screen, and plain mode's lines, show them with control characters made visible.
  @Test func hostileRoundAndAreaNamesAreShownVisible() throws {
    let hostile = "\u{1B}]52;c;cm0gLXJmIH4=\u{07}X\u{1B}[2J\u{1B}]0;PWNED\u{07}"
    let shown = "\u{241B}]52;c;cm0gLXJmIH4=\u{2407}X\u{241B}[2J"
    let questionnaire = try QuestionnaireParser.parse(ScreenTests.yaml, source: "snapshot.yaml")
    let areas = [Area(code: "WK001401", level: .wijk, name: "Noord" + hostile, parentCode: "GB1"),
                 Area(code: "GB1", level: .gebied, name: "Gebied" + hostile, parentCode: nil)]
    let context = InterviewContext(rounds: [RoundChoice(id: 1, name: "Najaar" + hostile, questionnaire: questionnaire),
                                            RoundChoice(id: 2, name: "Voorjaar" + hostile, questionnaire: questionnaire)],
                                   areas: areas, newResponseID: { "r1" }, newReceiptCode: { "X" })
    func clean(_ text: String) -> Bool { !text.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" } }
    var state = InterviewState()
    _ = state.handle(.enter, context: context)
    let size = Size(width: 120, height: 30)
    let choice = InterviewView.render(state, context: context, size: size, unicode: true)
    #expect(clean(choice.text) && choice.text.contains("Voorjaar" + shown), "\(choice.text)")
    let plainChoice = PlainInterviewText.lines(state, context: context, roundPicked: false).joined(separator: "\n")
    #expect(clean(plainChoice) && plainChoice.contains("Najaar" + shown), "\(plainChoice)")
    for key in MemoryTerminal.typing("v12").compactMap({ $0 }) + [.enter, .character("j")] + MemoryTerminal.typing("Noord").compactMap({ $0 }) {
      _ = state.handle(key, context: context)
    }
    let search = InterviewView.render(state, context: context, size: size, unicode: true)
    #expect(clean(search.text) && search.text.contains("Noord" + shown), "\(search.text)")
    let plainSearch = PlainInterviewText.areaMatches(state, context: context).joined(separator: "\n")
    #expect(clean(plainSearch) && plainSearch.contains("Noord" + shown), "\(plainSearch)")
    let menu = MenuScreen.render(size: size, unicode: true, language: .dutch, roundName: "Najaar" + hostile, canResume: false)
    #expect(clean(menu.text) && menu.text.contains("Najaar\u{241B}]52;"), "\(menu.text)")
  }

  @Test func theAreaListScrollsToEveryMatchAndSaysWhereItIs() throws {
    var areas: [Area] = []
    for number in 1 ... 20 {
      areas.append(Area(code: "WK0014" + (number < 10 ? "0" : "") + String(number), level: .wijk, name: "Noord \(number)", parentCode: nil))
    }
    let questionnaire = try QuestionnaireParser.parse(ScreenTests.yaml, source: "snapshot.yaml")
    let many = InterviewContext(rounds: [RoundChoice(id: 1, name: "Najaar 2026", questionnaire: questionnaire)], areas: areas,
                                newResponseID: { "r1" }, newReceiptCode: { "X" })
    var state = InterviewState()
    for key in [.enter] + MemoryTerminal.typing("v12").compactMap({ $0 }) + [.enter, .character("j")] + MemoryTerminal.typing("WK0014").compactMap({ $0 }) {
      _ = state.handle(key, context: many)
    }
    let size = Size(width: 80, height: 24)
    var screen = InterviewView.render(state, context: many, size: size, unicode: true).text
    #expect(screen.contains("1 van 20") && screen.contains("> Noord 1 "))
    let last = many.areas.matches("WK0014").last?.matchedName ?? "?"
    #expect(!screen.contains(last + "  "))
    _ = state.handle(.end, context: many)
    screen = InterviewView.render(state, context: many, size: size, unicode: true).text
    #expect(screen.contains("20 van 20") && screen.contains("> " + last + "  "))
    _ = state.handle(.pageUp, context: many)
    screen = InterviewView.render(state, context: many, size: size, unicode: true).text
    #expect(screen.contains("\(20 - InterviewState.areaPage) van 20"))
  }
}
