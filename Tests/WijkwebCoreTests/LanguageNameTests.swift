import Testing
@testable import WijkwebCore

/// The F2 key names the language it switches to, in the language on screen.
@Suite struct LanguageNameTests {
  @Test func theLanguageKeyNamesTheNextLanguageInTheInterfacesLanguage() {
    #expect(UIString.languageKey(next: .english, in: .dutch) == "F2: Engels")
    #expect(UIString.languageKey(next: .dutch, in: .english) == "F2: Dutch")
    #expect(UIString.languageKey(next: Language("pl"), in: .dutch) == "F2: Pools")
    #expect(UIString.languageKey(next: Language("ar"), in: .english) == "F2: Arabic")
    for code in ["nl", "en", "pl", "tr", "uk", "ar"] {
      #expect(!Language(code).name(in: .english).isEmpty && Language(code).name(in: .english) != code)
    }
    // A language without a name in the tables: its code (or its language file's own name, when loaded).
    // ("qq": no test registers a language file under it; the registry is shared by parallel suites.)
    #expect(Language("qq").name(in: .dutch) == "qq")
  }

  @Test func f2CyclesTheOfferedLanguagesAndTheHintFollows() throws {
    var questionnaire = try Fixtures.questionnaire()
    questionnaire.languages = [.dutch, .english, Language("pl")]
    let context = Fixtures.context(questionnaire)
    var state = InterviewState()
    #expect(state.nextLanguage(context: context) == .english)
    state.language = .english
    #expect(state.nextLanguage(context: context) == Language("pl"))
    state.language = Language("pl")
    #expect(state.nextLanguage(context: context) == .dutch)
  }
}
