import Testing
@testable import WijkwebCore
import WijkwebTUI

/// A reflection that looks like it names someone, or holds an e-mail address, phone number or address,
/// is not stored at the first Tab: the volunteer is warned, and a second Tab on the same text keeps it.
@Suite struct ReflectionPrivacyWarningTests {
  let context: InterviewContext

  init() throws {
    context = Fixtures.context(try Fixtures.questionnaire())
  }

  func press(_ state: inout InterviewState, _ keys: [Key]) -> [InterviewEffect] {
    keys.flatMap { state.handle($0, context: context) }
  }

  func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

  /// A state at the reflection question of the fixture questionnaire (its only one; the summary follows).
  func atFirstReflection() -> InterviewState {
    var state = InterviewState()
    _ = press(&state, [.enter] + type("v12") + [.enter, .character("j")] + type("Beij") + [.enter, .character("2")])
    for _ in 0 ..< 12 { _ = press(&state, [.character("5"), .enter]) }
    _ = press(&state, [.enter])
    for _ in 0 ..< 6 { _ = press(&state, [.character("5"), .enter]) }
    _ = press(&state, [.enter])
    #expect(state.step == .reflection(0))
    return state
  }

  func reflections(_ effects: [InterviewEffect]) -> [String] {
    effects.compactMap { effect in
      if case .setReflection(_, _, let text) = effect { return text }
      return nil
    }
  }

  @Test func aPhoneNumberIsWarnedAboutAndKeptOnTheSecondTab() {
    var state = atFirstReflection()
    var effects = press(&state, type("Bel me op 06-12345678") + [.tab])
    #expect(reflections(effects) == [])
    #expect(state.step == .reflection(0))
    #expect(state.notice == .personalData(.phone, "06-12345678"))
    effects = press(&state, [.tab])
    #expect(reflections(effects) == ["Bel me op 06-12345678"])
    #expect(effects.contains { if case .flagPersonalData = $0 { true } else { false } }, "kept after the warning: flagged for the review")
    #expect(state.step == .summary)
  }

  @Test func anOrdinaryTextIsNotFlagged() {
    var state = atFirstReflection()
    let effects = press(&state, type("Meer bankjes in het park") + [.tab])
    #expect(reflections(effects) == ["Meer bankjes in het park"])
    #expect(!effects.contains { if case .flagPersonalData = $0 { true } else { false } })
  }

  @Test func changingTheTextChecksAgain() {
    var state = atFirstReflection()
    _ = press(&state, type("Mijn buurvrouw Ans helpt.") + [.tab])
    #expect(state.notice == .personalData(.name, "Ans"))
    // The volunteer takes the name out: nothing to warn about, stored at once.
    let effects = press(&state, Array(repeating: .backspace, count: 11) + type(" helpt.") + [.tab])
    #expect(reflections(effects) == ["Mijn buurvrouw helpt."])
    #expect(state.notice == nil)
  }

  @Test func ordinaryTextAndPlaceNamesAreStoredAtOnce() {
    var state = atFirstReflection()
    let effects = press(&state, type("Meer bankjes in Beijum.") + [.tab])
    #expect(reflections(effects) == ["Meer bankjes in Beijum."])
    #expect(state.step == .summary)
  }

  @Test func aKeptTextIsNotWarnedAboutAgainWhenTheVolunteerComesBack() {
    var state = atFirstReflection()
    _ = press(&state, type("Mail jan@example.nl") + [.tab, .tab])
    #expect(state.step == .summary)
    _ = press(&state, [.escape])
    #expect(state.step == .reflection(0))
    let effects = press(&state, [.tab])
    #expect(reflections(effects) == ["Mail jan@example.nl"])
  }
}
