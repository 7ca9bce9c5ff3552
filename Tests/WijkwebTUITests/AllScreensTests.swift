import Testing
import WijkwebCore
@testable import WijkwebTUI

/// Every screen of the interview, the menu, the review and the dashboard, in Dutch and English at 80x24:
/// a plain-text snapshot of each, and no text on any of them cut off (`ScreenBuffer.clipped`).
extension LanguageRegistryTests {
@Suite struct AllScreensTests {
  static let yaml = ScreenTests.yaml + """

    demographics:
      - id: household
        question: {nl: Met wie woont u samen?, en: Who do you live with?}
        choices:
          - {id: alone, label: {nl: Alleen, en: Alone}}
          - {id: family, label: {nl: Met partner of gezin, en: With a partner or family}}
        prefer_not_to_say: true
    reflection:
      - {id: improve, part: health, prompt: {nl: Wat zou u in uw wijk willen verbeteren?, en: What would you improve in your neighbourhood?}}
    """

  let context: InterviewContext

  init() throws {
    let questionnaire = try QuestionnaireParser.parse(Self.yaml, source: "all.yaml")
    var context = InterviewContext(
      rounds: [RoundChoice(id: 1, name: "Najaar 2026", questionnaire: questionnaire)],
      areas: [Area(code: "WK001411", level: .wijk, name: "Noordoost", parentCode: nil, aliases: ["Beijum"])],
      newResponseID: { "r1" }, newReceiptCode: { "ABCD-EFGH" })
    context.earlierWeb = { _, _ in nil }
    self.context = context
  }

  /// The states to show, by name, reached by keys as a volunteer would.
  func states(_ language: Language) -> [(String, InterviewState)] {
    var result: [(String, InterviewState)] = []
    func press(_ state: inout InterviewState, _ keys: [Key]) {
      for key in keys { _ = state.handle(key, context: context) }
    }
    func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }
    let saved = SavedInterview(
      responseID: "old", roundID: 1, volunteerCode: "V7", language: language, areaCode: "WK001411", demographics: [:],
      answers: ["a": .score(4)], reflections: [:], position: "item:0:1", startedAt: "23-11-2026 10:00")
    var state = InterviewState(interrupted: saved, language: language)
    result.append(("resume", state))
    press(&state, [.character("w")])
    result.append(("discard", state))
    state = InterviewState(language: language)
    result.append(("welcome", state))
    press(&state, [.enter] + typing("v12"))
    result.append(("volunteer", state))
    var invalid = state
    press(&invalid, [.backspace, .backspace, .enter])
    result.append(("volunteer-invalid", invalid))
    press(&state, [.enter])
    result.append(("consent", state))
    var declined = state
    press(&declined, [.character("n")])
    result.append(("declined", declined))
    press(&state, [.character("j")])
    result.append(("area-empty", state))
    press(&state, typing("beij"))
    result.append(("area", state))
    var nothing = state
    press(&nothing, typing("xyz"))
    result.append(("area-no-match", nothing))
    press(&state, [.enter])
    result.append(("demographic", state))
    press(&state, [.character("2")])
    result.append(("item", state))
    press(&state, [.character("7")])
    result.append(("item-chosen", state))
    var notices: [(String, InterviewNotice)] = [
      ("choose", .chooseScoreFirst), ("dontknow", .dontKnowNotAllowed), ("save-disk", .saveFailed(.diskFull)),
      ("save-readonly", .saveFailed(.readOnly)), ("save-busy", .saveFailed(.busy)), ("save-other", .saveFailed(.other)),
      ("first", .firstQuestion), ("no-round", .noOpenRound), ("no-area", .noAreaMatch), ("focus", .focusAtMostTwo),
      ("earlier", .earlierNotFound), ("takehome-none", .takeHome(.notConfigured)),
      ("takehome-folder", .takeHome(.folderUnusable(path: "/home/vrijwilliger/Documenten/meenemen"))),
      ("takehome-failed", .takeHome(.failed("cairo: out of memory"))), ("takehome-written", .takeHome(.written(fileName: "web-2026-11-28-1.pdf"))),
      ("takehome-printed", .takeHome(.printed(printer: "buurthuis-laser"))),
    ]
    for kind in PersonalDataCheck.Finding.Kind.allCases { notices.append(("personal-\(kind)", .personalData(kind, "06-12345678"))) }
    for (name, notice) in notices {
      var noticed = state
      noticed.notice = notice
      result.append(("notice-\(name)", noticed))
    }
    var help = state
    press(&help, [.function(1)])
    result.append(("help-item", help))
    var paused = state
    paused.idle()
    result.append(("paused", paused))
    press(&state, [.enter])
    for _ in 0 ..< 5 { press(&state, [.character("6"), .enter]) }
    result.append(("web", state))
    press(&state, [.character("v")])
    result.append(("earlier-code", state))
    press(&state, [.escape, .character("2")])
    result.append(("web-marked", state))
    press(&state, [.enter])
    result.append(("dialogue", state))
    var textHelp = state
    press(&textHelp, [.function(1)])
    result.append(("help-text", textHelp))
    press(&state, [.tab, .tab, .tab])
    result.append(("reflection", state))
    press(&state, typing("Meer groen in de wijk") + [.tab])
    result.append(("summary", state))
    press(&state, [.enter])
    result.append(("saved", state))
    return result
  }

  func check(_ buffer: ScreenBuffer, _ name: String) {
    #expect(buffer.clipped.isEmpty, "\(name): cut off: \(buffer.clipped)")
    Snapshot.assert(buffer.text, named: name)
  }

  @Test(arguments: [Language.dutch, .english])
  func everyInterviewScreen(language: Language) {
    for (name, state) in states(language) {
      let buffer = InterviewView.render(state, context: context, size: Size(width: 80, height: 24), unicode: true)
      check(buffer, "interview-\(name)-\(language.rawValue)-80x24")
    }
  }

  /// The earlier web beside today's at 120 columns: a score never runs into the other web's captions.
  @Test(arguments: [Language.dutch, .english])
  func sideBySideWebsKeepApart(language: Language) throws {
    var state = try #require(states(language).first { $0.0 == "web" }?.1)
    state.earlierScores["health"] = [9.5, 1.0, 9.5, 1.0, 9.5, 1.0]
    let buffer = InterviewView.render(state, context: context, size: Size(width: 120, height: 30), unicode: true)
    let lines = buffer.lines
    #expect(lines.contains { $0.contains("9,5") } && lines.contains { $0.contains("6,0") }, "both webs are drawn")
    for line in lines where !line.contains("──") {
      let characters = Array(line)
      for index in characters.indices.dropLast(3) where characters[index].isNumber && characters[index + 1] == ","
        && characters[index + 2].isNumber {
        #expect(characters[index + 3] == " ", "a score runs into the next text: \(line)")
      }
    }
    // On the webs' rows (below "last time"/"today", above the prompts) a blank column between the webs.
    for line in lines[4 ..< 24] {
      let characters = Array(line)
      #expect(characters.count < 61 || characters[59] == " " || characters[60] == " ", "the webs touch: \(line)")
    }
  }

  @Test(arguments: [Language.dutch, .english])
  func theMenu(language: Language) {
    check(MenuScreen.render(size: Size(width: 80, height: 24), unicode: true, language: language, roundName: "Najaar 2026",
                            canResume: true, notice: nil), "menu-\(language.rawValue)-80x24")
  }

  @Test(arguments: [Language.dutch, .english])
  func theReview(language: Language) {
    var state = ReviewTests.state()
    state.language = language
    let size = Size(width: 80, height: 24)
    check(ReviewView.render(state, prompts: [:], dimensionNames: [:], size: size, unicode: true), "review-text-\(language.rawValue)-80x24")
    var flagged = state
    flagged.entries[0].flaggedPersonalData = true
    check(ReviewView.render(flagged, prompts: [:], dimensionNames: [:], size: size, unicode: true), "review-flagged-\(language.rawValue)-80x24")
    var help = state
    _ = help.handle(.function(1))
    check(ReviewView.render(help, prompts: [:], dimensionNames: [:], size: size, unicode: true), "review-help-\(language.rawValue)-80x24")
    var editing = state
    _ = editing.handle(.character("e"))
    check(ReviewView.render(editing, prompts: [:], dimensionNames: [:], size: size, unicode: true), "review-edit-\(language.rawValue)-80x24")
    var done = state
    _ = done.handle(.character("n"))
    _ = done.handle(.character("n"))
    check(ReviewView.render(done, prompts: [:], dimensionNames: [:], size: size, unicode: true), "review-done-\(language.rawValue)-80x24")
  }
}
}
