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
