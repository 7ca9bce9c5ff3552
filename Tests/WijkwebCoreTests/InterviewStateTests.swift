import Testing
@testable import WijkwebCore
import WijkwebTUI

/// Drives the interview state machine by keys, as a volunteer would, and checks state and effects.
@Suite struct InterviewStateTests {
  let questionnaire: Questionnaire
  let context: InterviewContext

  init() throws {
    questionnaire = try Fixtures.questionnaire()
    context = Fixtures.context(questionnaire)
  }

  /// Presses `keys` and returns every effect produced.
  @discardableResult
  func press(_ state: inout InterviewState, _ keys: [Key]) -> [InterviewEffect] {
    keys.flatMap { state.handle($0, context: context) }
  }

  func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

  /// A state at the first statement, after volunteer code, consent, area and demographics.
  func atFirstStatement() -> (InterviewState, [InterviewEffect]) {
    var state = InterviewState()
    var effects = press(&state, [.enter] + type("v12") + [.enter, .character("j")])
    effects += press(&state, type("Beij") + [.enter, .character("2")])
    return (state, effects)
  }

  @Test func welcomeToFirstStatementRecordsConsentAreaAndDemographics() {
    let (state, effects) = atFirstStatement()
    #expect(state.step == .item(part: 0, index: 0))
    #expect(state.volunteerCode == "V12")
    #expect(effects.contains(.rememberVolunteer(code: "V12")))
    #expect(effects.contains(.begin(responseID: "response-1", roundID: 1, volunteerCode: "V12", language: .dutch)))
    #expect(effects.contains(.setArea(responseID: "response-1", code: "GB001405")))
    #expect(effects.contains(.setDemographic(responseID: "response-1", questionID: "age", choiceID: "25+")))
    #expect(effects.last == .setPosition(responseID: "response-1", position: "item:0:0"))
  }

  @Test func noConsentStoresNothing() {
    var state = InterviewState()
    let effects = press(&state, [.enter] + type("v12") + [.enter, .character("n")])
    #expect(state.step == .declined)
    #expect(!effects.contains { if case .begin = $0 { return true } else { return false } })
    press(&state, [.enter])
    #expect(state.step == .welcome)
    #expect(state.responseID == nil)
  }

  @Test func volunteerCodeMustLookLikeACode() {
    var state = InterviewState()
    press(&state, [.enter] + type("Jan") + [.enter])
    #expect(state.step == .volunteer)
    #expect(state.notice == .volunteerCodeInvalid)
  }

  @Test func preferNotToSayIsStoredAsNoChoice() {
    var state = InterviewState()
    let effects = press(&state, [.enter] + type("v12") + [.enter, .character("j")] + type("oost") + [.enter, .character("3")])
    #expect(effects.contains(.setDemographic(responseID: "response-1", questionID: "age", choiceID: nil)))
  }

  @Test func everyScoreInAtMostTwoKeysThenEnter() {
    for score in 0 ... 10 {
      var (state, _) = atFirstStatement()
      let keys: [Key] = score == 10 ? [.character("1"), .character("0")] : [.character(Character(String(score)))]
      #expect(keys.count <= 2)
      let effects = press(&state, keys + [.enter])
      #expect(effects.first == .setAnswer(responseID: "response-1", itemID: "h-lichaamsfuncties-1", value: .score(score)))
      #expect(state.step == .item(part: 0, index: 1))
    }
  }

  @Test func arrowsAdjustFromTheMiddleAndClamp() {
    var (state, _) = atFirstStatement()
    press(&state, [.right])
    #expect(state.slider == 5)
    press(&state, [.right, .right])
    #expect(state.slider == 7)
    press(&state, [.end, .right])
    #expect(state.slider == 10)
    press(&state, [.home, .left])
    #expect(state.slider == 0)
  }

  @Test func enterWithoutAScoreAsksForOne() {
    var (state, _) = atFirstStatement()
    let effects = press(&state, [.enter])
    #expect(effects.isEmpty)
    #expect(state.notice == .chooseScoreFirst)
    #expect(state.step == .item(part: 0, index: 0))
  }

  @Test func dontKnowIsRecordedAsSkippedWhereAllowed() {
    var (state, _) = atFirstStatement()
    let effects = press(&state, [.character("w")])
    #expect(effects.first == .setAnswer(responseID: "response-1", itemID: "h-lichaamsfuncties-1", value: .skipped))
    // Part 2 does not allow "weet niet".
    for _ in 1 ..< 12 { press(&state, [.character("5"), .enter]) }
    press(&state, [.enter])
    #expect(state.step == .item(part: 1, index: 0))
    #expect(press(&state, [.character("w")]).isEmpty)
    #expect(state.notice == .dontKnowNotAllowed)
  }

  @Test func backShowsTheEarlierAnswerAndChangingItOverwrites() {
    var (state, _) = atFirstStatement()
    press(&state, [.character("3"), .enter, .character("8"), .enter])
    press(&state, [.backspace])
    #expect(state.step == .item(part: 0, index: 1))
    #expect(state.slider == 8)
    let effects = press(&state, [.character("6"), .enter])
    #expect(effects.first == .setAnswer(responseID: "response-1", itemID: "h-lichaamsfuncties-2", value: .score(6)))
    #expect(state.answers["h-lichaamsfuncties-2"] == .score(6))
    press(&state, [.backspace, .backspace])
    #expect(state.step == .item(part: 0, index: 0))
    press(&state, [.backspace])
    #expect(state.step == .demographic(0))
    #expect(state.selection == 1, "the earlier choice is highlighted")
  }

  @Test func languageSwitchKeepsEverything() {
    var (state, _) = atFirstStatement()
    press(&state, [.character("7")])
    let effects = press(&state, [.function(2)])
    #expect(state.language == .english)
    #expect(state.slider == 7)
    #expect(state.step == .item(part: 0, index: 0))
    #expect(effects == [.setLanguage(responseID: "response-1", language: .english)])
    press(&state, [.character("l")])
    #expect(state.language == .dutch)
  }

  @Test func helpOpensAndAnyKeyClosesItWithoutSideEffects() {
    var (state, _) = atFirstStatement()
    press(&state, [.character("?")])
    #expect(state.showingHelp)
    let effects = press(&state, [.character("5")])
    #expect(effects.isEmpty)
    #expect(!state.showingHelp)
    #expect(state.slider == nil)
  }

  /// Answers everything and returns the effects of the final Enter on the summary.
  func completeInterview() -> (InterviewState, [InterviewEffect]) {
    var (state, _) = atFirstStatement()
    for index in 0 ..< 12 { press(&state, [.character(Character(String(index % 10))), .enter]) }
    #expect(state.step == .web(part: 0))
    press(&state, [.enter])
    for _ in 0 ..< 6 { press(&state, [.character("8"), .enter]) }
    #expect(state.step == .web(part: 1))
    press(&state, [.enter] + type("Mijn kleinkinderen") + [.tab])
    #expect(state.step == .summary)
    let effects = press(&state, [.enter])
    return (state, effects)
  }

  @Test func completingSavesScoresAndClearsTheResidentsAnswers() throws {
    let (state, effects) = completeInterview()
    #expect(state.step == .saved(receiptCode: "ABCD-EFGH"))
    #expect(state.answers.isEmpty && state.reflections.isEmpty && state.responseID == nil && state.areaCode == nil)
    #expect(state.volunteerCode == "V12", "the volunteer code stays for the day")
    guard case .complete(let id, let receipt, let scores, let answers, let demographics) = try #require(effects.first) else {
      Issue.record("expected a complete effect")
      return
    }
    #expect(id == "response-1" && receipt == "ABCD-EFGH")
    #expect(answers == "012345678901888888")
    #expect(demographics == "age=25+")
    #expect(scores.count == 12)
    #expect(scores.first { $0.partID == "health" && $0.dimension == .lichaamsfuncties }?.score == 0.5)
    #expect(scores.first { $0.partID == "neighbourhood" && $0.dimension == .meedoen }?.score == 8)
  }

  @Test func reflectionTextIsRecordedTrimmed() {
    var (state, _) = atFirstStatement()
    for _ in 0 ..< 12 { press(&state, [.character("5"), .enter]) }
    press(&state, [.enter])
    for _ in 0 ..< 6 { press(&state, [.character("5"), .enter]) }
    let effects = press(&state, [.enter] + type("  De buren ") + [.enter] + type("en de tuin") + [.tab])
    #expect(effects.contains(.setReflection(responseID: "response-1", promptID: "matters", text: "De buren \nen de tuin")))
    press(&state, [.escape])
    #expect(state.step == .reflection(0))
    #expect(state.editor.text == "De buren \nen de tuin")
  }

  @Test func idleHidesAnswersAndClearsTheSavedScreen() {
    var (state, _) = atFirstStatement()
    state.idle()
    #expect(state.paused)
    #expect(press(&state, [.character("5")]).isEmpty)
    #expect(state.paused && state.slider == nil)
    press(&state, [.enter])
    #expect(!state.paused)
    var (saved, _) = completeInterview()
    saved.idle()
    #expect(saved.step == .welcome)
  }

  @Test func interruptQuitsWithoutEffects() {
    var (state, _) = atFirstStatement()
    #expect(press(&state, [.interrupt]).isEmpty)
    #expect(state.wantsToQuit)
  }

  @Test func resumeReturnsToTheStoredStep() {
    let saved = SavedInterview(
      responseID: "old", roundID: 1, volunteerCode: "V7", language: .english, areaCode: "WK001411",
      demographics: ["age": "15-24"], answers: ["h-lichaamsfuncties-1": .score(4), "h-lichaamsfuncties-2": .skipped],
      reflections: [:], position: "item:0:2", startedAt: "23-11-2026 10:00")
    var state = InterviewState(interrupted: saved)
    #expect(state.step == .resumeOffer)
    press(&state, [.character("h")])
    #expect(state.step == .item(part: 0, index: 2))
    #expect(state.responseID == "old" && state.language == .english && state.volunteerCode == "V7")
    let effects = press(&state, [.character("6"), .enter])
    #expect(effects.first == .setAnswer(responseID: "old", itemID: "h-mentaal_welbevinden-1", value: .score(6)))
    press(&state, [.backspace, .backspace])
    #expect(state.slider == nil, "weet niet shows no score")
    press(&state, [.backspace])
    #expect(state.slider == 4)
  }

  @Test func discardNeedsConfirmation() {
    let saved = SavedInterview(
      responseID: "old", roundID: 1, volunteerCode: "V7", language: .dutch, areaCode: nil, demographics: [:],
      answers: [:], reflections: [:], position: "area", startedAt: "")
    var state = InterviewState(interrupted: saved)
    #expect(press(&state, [.character("w")]).isEmpty)
    #expect(state.step == .confirmDiscard)
    press(&state, [.character("n")])
    #expect(state.step == .resumeOffer)
    let effects = press(&state, [.character("w"), .character("j")])
    #expect(effects == [.discard(responseID: "old")])
    #expect(state.step == .welcome && state.interrupted == nil)
  }

  @Test func positionCodesRoundTrip() {
    let steps: [InterviewState.Step] = [.area, .demographic(0), .item(part: 1, index: 3), .web(part: 0), .reflection(0), .summary]
    for step in steps {
      #expect(InterviewState.Step(positionCode: step.positionCode, questionnaire: questionnaire) == step)
    }
    #expect(InterviewState.Step(positionCode: "item:0:99", questionnaire: questionnaire) == nil)
  }

  @Test func theResumeOfferTakesOnlyHToResumeAndW() {
    let saved = SavedInterview(
      responseID: "old", roundID: 1, volunteerCode: "V7", language: .dutch, areaCode: "WK001411", demographics: [:],
      answers: ["h-lichaamsfuncties-1": .score(4)], reflections: [:], position: "item:0:1", startedAt: "23-11-2026 10:00")
    var state = InterviewState(interrupted: saved)
    let ignored: [Key] = [.enter, .character(" "), .character("r"), .character("d"), .character("1"), .up, .down, .tab,
                          .home, .end, .insert, .control("a"), .backspace, .delete, .function(13), .pageDown]
    for key in ignored {
      #expect(press(&state, [key]).isEmpty, "\(key)")
      #expect(state.step == .resumeOffer && state.responseID == nil && state.answers.isEmpty, "\(key) resumed")
    }
    // Resuming is an intent of its own, as the menu uses it.
    _ = state.apply(.resume, context: context)
    #expect(state.step == .item(part: 0, index: 1) && state.responseID == "old")
  }

  @Test func weetNietStaysTheAnswerOnEnter() {
    var (state, _) = atFirstStatement()
    press(&state, [.character("w")])
    #expect(state.step == .item(part: 0, index: 1))
    press(&state, [.backspace])
    #expect(state.step == .item(part: 0, index: 0) && state.slider == nil)
    let effects = press(&state, [.enter])
    #expect(state.notice == nil)
    #expect(effects.first == .setAnswer(responseID: "response-1", itemID: "h-lichaamsfuncties-1", value: .skipped))
    #expect(state.step == .item(part: 0, index: 1))
  }

  @Test func keysThatMeanNothingOnAStatementChangeNothing() {
    var (state, _) = atFirstStatement()
    press(&state, [.character("5"), .enter, .character("3")])
    let before = state
    for key: Key in [.insert, .control("a"), .function(13), .function(24), .pageUp, .pageDown, .tab, .backTab, .delete,
                     .character("x"), .character("٣"), .character("é")] {
      #expect(press(&state, [key]).isEmpty, "\(key)")
    }
    #expect(state == before)
  }

  @Test func theAreaListReachesEveryMatchAndCodesListEveryAreaUnderThem() {
    var areas = [Area(code: "GM0014", level: .gemeente, name: "Groningen", parentCode: nil)]
    for number in 1 ... 20 {
      areas.append(Area(code: String(format: "WK0014%02d", number), level: .wijk, name: "Noord \(number)", parentCode: "GM0014"))
    }
    let many = InterviewContext(rounds: context.rounds, areas: areas, newResponseID: { "response-1" }, newReceiptCode: { "ABCD-EFGH" })
    var state = InterviewState()
    for key in [.enter] + type("v12") + [.enter, .character("j")] { _ = state.handle(key, context: many) }
    for key in type("WK0014") { _ = state.handle(key, context: many) }
    #expect(many.areas.matches(state.query).count == 20)
    for _ in 0 ..< 30 { _ = state.handle(.down, context: many) }
    #expect(state.selection == 19)
    _ = state.handle(.home, context: many)
    #expect(state.selection == 0)
    _ = state.handle(.pageDown, context: many)
    #expect(state.selection == InterviewState.areaPage)
    _ = state.handle(.end, context: many)
    #expect(state.selection == 19)
    _ = state.handle(.pageUp, context: many)
    #expect(state.selection == 19 - InterviewState.areaPage)
    _ = state.handle(.end, context: many)
    let effects = state.handle(.enter, context: many)
    let last = many.areas.matches(state.query).last?.area.code ?? "none"
    #expect(effects.first == .setArea(responseID: "response-1", code: last))
  }

  @Test func anAreasOwnNameRanksAboveAnAlias() {
    let areas = [
      Area(code: "GB001405", level: .gebied, name: "Oost", parentCode: nil, aliases: ["Beijum"]),
      Area(code: "WK001499", level: .wijk, name: "Beijum", parentCode: "GB001405"),
    ]
    let search = AreaSearch(areas: areas)
    #expect(search.matches("Beij").map(\.area.code) == ["WK001499", "GB001405"])
    #expect(search.matches("beijum").map(\.area.code) == ["WK001499", "GB001405"])
  }
}
