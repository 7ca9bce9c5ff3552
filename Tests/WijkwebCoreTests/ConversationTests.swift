import Testing
@testable import WijkwebCore
import WijkwebTUI

/// The conversation after the web: topics marked on the web, the three dialogue questions for each, and
/// the resident's earlier web looked up by receipt code.
@Suite struct ConversationTests {
  let questionnaire: Questionnaire
  let context: InterviewContext

  init() throws {
    questionnaire = try Fixtures.questionnaire()
    var context = Fixtures.context(questionnaire)
    context.earlierWeb = { code, questionnaireID in
      guard code == "K7P2QX", questionnaireID == "test-vragenlijst" else { return nil }
      return ["health": [4, 5, 6, 7, 8, nil], "neighbourhood": [1, 2, 3, 4, 5, 6]]
    }
    self.context = context
  }

  @discardableResult
  func press(_ state: inout InterviewState, _ keys: [Key]) -> [InterviewEffect] {
    keys.flatMap { key in
      let effects = state.handle(key, context: context)
      // The look-up is carried out as the app does, its result given back as an intent.
      for case .lookUpEarlierWeb(let code, let questionnaireID) in effects {
        _ = state.apply(.earlierWebFound(context.earlierWeb?(code, questionnaireID)), context: context)
      }
      return effects
    }
  }

  func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

  /// A state on the web of part 1, every statement answered with 6.
  func atFirstWeb() -> InterviewState {
    var state = InterviewState()
    press(&state, [.enter] + type("v12") + [.enter, .character("j")] + type("Beij") + [.enter, .character("2")])
    for _ in 0 ..< 12 { press(&state, [.character("6"), .enter]) }
    #expect(state.step == .web(part: 0))
    return state
  }

  @Test func digitsMarkAtMostTwoTopicsAndEachMarkIsStoredAtOnce() {
    var state = atFirstWeb()
    let order = questionnaire.dimensionOrder
    var effects = press(&state, [.character("5")])
    #expect(effects == [.setReflection(responseID: "response-1", promptID: "focus.health", text: order[4].key)])
    effects = press(&state, [.character("2")])
    #expect(effects == [.setReflection(responseID: "response-1", promptID: "focus.health", text: "\(order[4].key),\(order[1].key)")])
    #expect(state.focus(partID: "health") == [order[4], order[1]])
    // A third is refused with a notice; pressing a marked one again unmarks it.
    #expect(press(&state, [.character("1")]).isEmpty)
    #expect(state.notice == .focusAtMostTwo)
    press(&state, [.character("5")])
    #expect(state.focus(partID: "health") == [order[1]])
    #expect(state.step == .web(part: 0))
  }

  @Test func theThreeQuestionsFollowForEachTopicThenTheNextPart() {
    var state = atFirstWeb()
    let order = questionnaire.dimensionOrder
    press(&state, [.character("3"), .character("6"), .enter])
    #expect(state.step == .dialogue(part: 0, focus: 0, question: 0))
    #expect(state.takesText)
    var effects: [InterviewEffect] = []
    for (index, answer) in ["Mijn geloof", "Vaker naar de kerk", "Mijn buurvrouw", "", "Zelf koken", "De wijkcoach"].enumerated() {
      effects += press(&state, type(answer) + [.tab])
      if index < 5 { #expect(state.step == .dialogue(part: 0, focus: (index + 1) / 3, question: (index + 1) % 3)) }
    }
    #expect(state.step == .item(part: 1, index: 0))
    #expect(effects.contains(.setReflection(responseID: "response-1", promptID: "dialogue.health.\(order[2].key).1", text: "Mijn geloof")))
    #expect(effects.contains(.setReflection(responseID: "response-1", promptID: "dialogue.health.\(order[5].key).3", text: "De wijkcoach")))
    #expect(effects.contains(.setReflection(responseID: "response-1", promptID: "dialogue.health.\(order[5].key).1", text: "")))
    // Back from the next part's first statement: the web, then the last answer is in the editor again.
    press(&state, [.backspace])
    #expect(state.step == .web(part: 0))
    press(&state, [.enter, .tab, .tab, .tab, .tab, .tab])
    #expect(state.step == .dialogue(part: 0, focus: 1, question: 2))
    #expect(state.editor.text == "De wijkcoach")
  }

  @Test func withoutATopicEnterGoesOnAsBefore() {
    var state = atFirstWeb()
    press(&state, [.enter])
    #expect(state.step == .item(part: 1, index: 0))
  }

  @Test func aDialogueStepResumesFromItsPosition() throws {
    var state = atFirstWeb()
    let effects = press(&state, [.character("4"), .enter, .tab])
    #expect(effects.last == .setPosition(responseID: "response-1", position: "dialogue:0:0:1"))
    #expect(InterviewState.Step(positionCode: "dialogue:0:0:1", questionnaire: questionnaire) == .dialogue(part: 0, focus: 0, question: 1))
    #expect(InterviewState.Step(positionCode: "dialogue:0:0:7", questionnaire: questionnaire) == nil)
  }

  @Test func theEarlierWebIsLookedUpAsAnEffectNotInsideTheUpdate() {
    final class Calls: @unchecked Sendable { var count = 0 }
    let calls = Calls()
    var counting = context
    counting.earlierWeb = { _, _ in
      calls.count += 1
      return nil
    }
    var state = atFirstWeb()
    _ = state.handle(.character("v"), context: counting)
    for key in type("k7p2qx") { _ = state.handle(key, context: counting) }
    let effects = state.handle(.enter, context: counting)
    #expect(effects == [.lookUpEarlierWeb(receiptCode: "K7P2QX", questionnaireID: "test-vragenlijst")])
    #expect(calls.count == 0)
    #expect(state.step == .earlierCode(part: 0))
    _ = state.apply(.earlierWebFound(["health": [1, 2, 3, 4, 5, 6]]), context: counting)
    #expect(state.step == .web(part: 0))
    #expect(state.earlierScore(partID: "health", dimension: Dimension.allCases[0]) == 1)
  }

  @Test func theEarlierWebIsShownWithTheReceiptCodeAndForgottenAtTheEnd() {
    var state = atFirstWeb()
    press(&state, [.character("v")])
    #expect(state.step == .earlierCode(part: 0))
    press(&state, type("k7p2qy") + [.enter])
    #expect(state.notice == .earlierNotFound)
    #expect(state.earlierScores.isEmpty)
    press(&state, [.backspace] + type("x") + [.enter])
    #expect(state.step == .web(part: 0))
    #expect(state.earlierScore(partID: "health", dimension: Dimension.allCases[0]) == 4)
    #expect(state.earlierScore(partID: "health", dimension: Dimension.allCases[5]) == nil)
    // Completing the interview clears it with the rest of the resident's answers.
    press(&state, [.enter])
    for _ in 0 ..< 6 { press(&state, [.character("7"), .enter]) }
    press(&state, [.enter, .tab, .enter])
    guard case .saved = state.step else {
      Issue.record("not saved: \(state.step)")
      return
    }
    #expect(state.earlierScores.isEmpty && state.reflections.isEmpty)
  }

  @Test func withoutALookupVIsNotAKey() {
    var state = InterviewState()
    let plain = Fixtures.context(questionnaire)
    for key in [Key.enter] + type("v12") + [.enter, .character("j")] + type("Beij") + [.enter, .character("2")] {
      _ = state.handle(key, context: plain)
    }
    for _ in 0 ..< 12 { _ = state.handle(.character("6"), context: plain); _ = state.handle(.enter, context: plain) }
    _ = state.handle(.character("v"), context: plain)
    #expect(state.step == .web(part: 0))
  }
}
