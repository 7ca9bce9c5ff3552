import Testing
@testable import WijkwebCore
import WijkwebTUI

/// Further interview languages from language files: parsing, completeness, registration and use.
@Suite struct LanguagePackTests {
  static let pseudo = Language("xx")

  /// A complete pseudo-translation: every Dutch text wrapped in brackets.
  static func completePack(for questionnaire: Questionnaire) -> LanguagePack {
    var strings: [UIString: String] = [:]
    for key in UIString.allCases { strings[key] = "[" + key.text(.dutch) + "]" }
    let texts = Dictionary(questionnaire.texts.map { ($0.path, "[" + $0.text.text(.dutch) + "]") }, uniquingKeysWith: { first, _ in first })
    return LanguagePack(language: pseudo, name: "Pseudo", direction: .leftToRight, strings: strings,
                        questionnaires: [questionnaire.id: texts])
  }

  @Test func everyTextOfAQuestionnaireHasAUniquePath() throws {
    let questionnaire = try Fixtures.questionnaire()
    let paths = questionnaire.texts.map(\.path)
    #expect(Set(paths).count == paths.count)
    #expect(paths.contains("title") && paths.contains("consent") && paths.contains("item.h-meedoen-1"))
    #expect(paths.contains("item.h-meedoen-1.low") && paths.contains("question.age.25+") && paths.contains("reflection.matters"))
  }

  @Test func aCompletePackIsRegisteredAndUsedForScreensAndTheQuestionnaire() throws {
    let questionnaire = try Fixtures.questionnaire()
    let pack = Self.completePack(for: questionnaire)
    #expect(pack.missingStrings.isEmpty && pack.missingTexts(of: questionnaire).isEmpty)
    #expect(LanguagePacks.register(pack))
    #expect(UIString.appTitle.text(Self.pseudo) == "[" + UIString.appTitle.text(.dutch) + "]")
    #expect(UIString.itemProgress.format(Self.pseudo, 3, 9) == "[Stelling 3 van 9]")
    let translated = try #require(questionnaire.adding(Self.pseudo, translations: pack.questionnaires[questionnaire.id] ?? [:]))
    #expect(translated.languages.contains(Self.pseudo))
    #expect(translated.parts[0].items[0].text.text(Self.pseudo) == "[" + questionnaire.parts[0].items[0].text.text(.dutch) + "]")
    #expect(translated.parts[0].items[0].text.text(.english) == questionnaire.parts[0].items[0].text.text(.english))

    // The volunteer's language key now cycles through it.
    var context = Fixtures.context(translated)
    context.rounds[0].questionnaire = translated
    var state = InterviewState()
    _ = state.handle(.function(2), context: context)
    _ = state.handle(.function(2), context: context)
    #expect(state.language == Self.pseudo)
  }

  @Test func anIncompletePackIsNeitherRegisteredNorAddedAndSaysWhatIsMissing() throws {
    let questionnaire = try Fixtures.questionnaire()
    var pack = Self.completePack(for: questionnaire)
    pack.language = Language("yy")
    pack.strings[.savedTitle] = nil
    pack.questionnaires[questionnaire.id]?["consent"] = ""
    #expect(pack.missingStrings == [.savedTitle])
    #expect(pack.missingTexts(of: questionnaire) == ["consent"])
    #expect(!LanguagePacks.register(pack))
    #expect(UIString.savedTitle.text(Language("yy")) == UIString.savedTitle.text(.dutch))
    #expect(questionnaire.adding(Language("yy"), translations: pack.questionnaires[questionnaire.id] ?? [:]) == nil)
  }

  @Test func aLanguageFileIsCheckedWithLineNumbers() {
    let text = """
      language: tr
      name: Türkçe
      direction: sideways
      strings:
        appTitle: "Wijkweb"
        itemProgress: "Önerme {1}"
        noSuchKey: "x"
      """
    do {
      _ = try LanguagePack.parse(text, source: "tr.yaml", expected: Language("tr"))
      Issue.record("a bad file was accepted")
    } catch let problems as FileProblems {
      let message = problems.description
      #expect(message.contains("tr.yaml:3: 'direction' must be ltr or rtl."))
      #expect(message.contains("tr.yaml:6: The text of 'itemProgress' must hold the placeholders {1} {2}"))
      #expect(message.contains("tr.yaml:7: 'noSuchKey' is not a text of the program"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func anEmptyShippedFileParsesAsAllMissing() throws {
    let pack = try LanguagePack.parse("language: ar\nname: العربية\ndirection: rtl\nstrings: {}\nquestionnaires: {}\n", source: "ar.yaml",
                                      expected: Language("ar"))
    #expect(pack.direction == .rightToLeft)
    #expect(pack.missingStrings.count == UIString.allCases.count)
    #expect(throws: FileProblems.self) { try LanguagePack.parse("language: pl\nname: Polski\n", source: "tr.yaml", expected: Language("tr")) }
  }

  @Test func aFileIsAConceptUnlessItSaysWhoCheckedItAndWhen() throws {
    let head = "language: pl\nname: Polski\ndirection: ltr\nstrings: {}\n"
    let unmarked = try LanguagePack.parse(head, source: "pl.yaml")
    #expect(unmarked.status == .concept)
    let concept = try LanguagePack.parse(head + "status: concept\nnote: \"Draft; check the consent.\"\n", source: "pl.yaml")
    #expect(concept.status == .concept && concept.note == "Draft; check the consent.")
    let checked = try LanguagePack.parse(head + "status: checked\nchecked_by: Taalhuis\nchecked_on: 2026-12-01\n", source: "pl.yaml")
    #expect(checked.status == .checked && checked.note == "checked by Taalhuis on 2026-12-01")
    for bad in ["status: checked\n", "status: checked\nchecked_by: Taalhuis\nchecked_on: 1 december\n",
                "status: checked\nchecked_on: 2026-12-01\n", "status: final\n"] {
      #expect(throws: FileProblems.self, "accepted: \(bad)") { try LanguagePack.parse(head + bad, source: "pl.yaml") }
    }
  }

  @Test func registeredLanguagesTellTheirStatusAndWhetherAPageCanBePrintedInThem() throws {
    let questionnaire = try Fixtures.questionnaire()
    var draft = Self.completePack(for: questionnaire)
    draft.language = Language("xc")
    #expect(LanguagePacks.register(draft))
    var checked = Self.completePack(for: questionnaire)
    checked.language = Language("xk")
    checked.status = .checked
    checked.direction = .rightToLeft
    #expect(LanguagePacks.register(checked))
    #expect(LanguagePacks.recordedStatus(of: .dutch) == "built-in" && LanguagePacks.recordedStatus(of: .english) == "built-in")
    #expect(LanguagePacks.recordedStatus(of: Language("xc")) == "concept")
    #expect(LanguagePacks.recordedStatus(of: Language("xk")) == "checked")
    #expect(LanguagePacks.isConcept(Language("xc")) && !LanguagePacks.isConcept(Language("xk")) && !LanguagePacks.isConcept(.dutch))
    #expect(LanguagePacks.printable(Language("xc")) == Language("xc"))
    #expect(LanguagePacks.printable(Language("xk")) == .dutch, "right-to-left pages are printed in Dutch")
    #expect(LanguagePacks.printable(.english) == .english)
    #expect(LanguagePacks.registered.map(\.language).contains(Language("xk")))
  }

  @Test func aTextWithAControlCharacterIsRefusedWithItsLine() {
    let text = "language: pl\nname: Polski\ndirection: ltr\nstrings:\n  appTitle: \"Wijkweb\\e[2J\"\nquestionnaires:\n  q:\n    title: \"Tytu\\u0007\"\n"
    do {
      _ = try LanguagePack.parse(text, source: "pl.yaml")
      Issue.record("a text with ESC was accepted")
    } catch let problems as FileProblems {
      #expect(problems.description.contains("pl.yaml:5: The text of 'appTitle' holds a control character"))
      #expect(problems.description.contains("pl.yaml:8: The text of 'title' holds a control character"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
