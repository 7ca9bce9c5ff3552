import Foundation
import Testing
import WijkwebCore
@testable import WijkwebTUI

/// The shipped language files on the interview screens at the smallest size (80x24): snapshots of the
/// first statement and the first web in Polish, Turkish and Ukrainian, and no text cut off.
extension LanguageRegistryTests {
@Suite struct LanguageScreenTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The default questionnaire with the language of `code` added from its file, which is registered.
  static func context(_ code: String) throws -> (InterviewContext, Questionnaire) {
    let questionnaireURL = repository.appendingPathComponent("Questionnaires/positieve-gezondheid-wijk.yaml")
    let questionnaire = try QuestionnaireParser.parse(try String(contentsOf: questionnaireURL, encoding: .utf8), source: questionnaireURL.path)
    let packURL = repository.appendingPathComponent("Languages/\(code).yaml")
    let pack = try LanguagePack.parse(try String(contentsOf: packURL, encoding: .utf8), source: packURL.path, expected: Language(code))
    #expect(pack.status == .concept, "\(code) is a draft until a native speaker checks it")
    #expect(LanguagePacks.register(pack), "\(code) lacks interface texts: \(pack.missingStrings)")
    let translated = try #require(questionnaire.adding(pack.language, translations: pack.questionnaires[questionnaire.id] ?? [:]))
    let context = InterviewContext(
      rounds: [RoundChoice(id: 1, name: "Najaar 2026", questionnaire: translated)],
      areas: [Area(code: "WK001411", level: .wijk, name: "Noordoost", parentCode: nil, aliases: ["Beijum"])],
      newResponseID: { "r1" }, newReceiptCode: { "ABCD-EFGH" })
    return (context, translated)
  }

  static func screen(_ keys: [Key], code: String, context: InterviewContext) -> ScreenBuffer {
    var state = InterviewState(language: Language(code))
    for key in keys { _ = state.handle(key, context: context) }
    return InterviewView.render(state, context: context, size: Size(width: 80, height: 24), unicode: true)
  }

  static let toFirstItem: [Key] = [.enter] + MemoryTerminal.typing("v12").compactMap { $0 } + [.enter, .character("y")] + MemoryTerminal.typing("beij").compactMap { $0 }
    + [.enter, .enter, .enter, .enter]

  /// Whether `text` is on the screen whole: its words in order, wrapped over rows as the screen may.
  static func shows(_ screen: ScreenBuffer, _ text: String) -> Bool {
    let words = text.split(whereSeparator: \.isWhitespace)
    let shown = screen.lines.flatMap { $0.split(whereSeparator: \.isWhitespace) }
    guard !words.isEmpty, shown.count >= words.count else { return false }
    return (0 ... shown.count - words.count).contains { start in Array(shown[start ..< start + words.count]) == words }
  }

  @Test(arguments: ["pl", "tr", "uk"]) func theFirstStatementIsShownWholeWithTheConceptMark(code: String) throws {
    let (context, questionnaire) = try Self.context(code)
    let language = Language(code)
    let screen = Self.screen(Self.toFirstItem, code: code, context: context)
    Snapshot.assert(screen.text, named: "item-\(code)-80x24")
    let part = questionnaire.parts[0]
    let item = part.items[0]
    var whole = [UIString.appTitle.text(language), UIString.languageConcept.text(language), item.text.text(language),
                 part.intro?.text(language) ?? "", part.title.text(language), questionnaire.name(of: item.dimension).text(language),
                 UIString.itemProgress.format(language, 1, questionnaire.allItems.count), item.scale.low.text(language),
                 item.scale.high.text(language)]
    whole += [UIString.keyConfirm, .keyDontKnow, .keyBack, .keyHelp].map { $0.text(language) }
    // F2 names the next offered language, in this one.
    let offered = questionnaire.languages
    let next = offered[((offered.firstIndex(of: language) ?? -1) + 1) % offered.count]
    whole.append(UIString.languageKey(next: next, in: language))
    for text in whole {
      let shown = Self.shows(screen, text)
      #expect(shown, "cut or missing in \(code): \(text)\n\(screen.text)")
    }
    #expect(!screen.text.contains("Stelling"), "no Dutch left on the \(code) screen")
  }

  @Test(arguments: ["pl", "tr", "uk"]) func theWebIsShownWholeWithEveryDimension(code: String) throws {
    let (context, questionnaire) = try Self.context(code)
    let language = Language(code)
    let scores = questionnaire.parts[0].items.enumerated().flatMap { index, _ in [Key.character(Character(String(3 + index % 6))), .enter] }
    let screen = Self.screen(Self.toFirstItem + scores, code: code, context: context)
    Snapshot.assert(screen.text, named: "web-\(code)-80x24")
    var whole = [UIString.webTitle.format(language, questionnaire.parts[0].title.text(language)), UIString.webFocusQuestion.text(language),
                 UIString.webExplain.text(language), UIString.languageConcept.text(language)]
    whole += questionnaire.dimensionOrder.map { questionnaire.name(of: $0).text(language) }
    for text in whole {
      let shown = Self.shows(screen, text)
      #expect(shown, "cut or missing in \(code): \(text)\n\(screen.text)")
    }
  }

  @Test(arguments: ["pl", "tr", "uk"]) func everyKeyOfTheHelpIsShownWhole(code: String) throws {
    let (context, _) = try Self.context(code)
    let language = Language(code)
    let screen = Self.screen(Self.toFirstItem + [.character("?")], code: code, context: context)
    // The help lists the keys of the screen it was opened on, from that screen's key table.
    var state = InterviewState(language: language)
    for key in Self.toFirstItem { _ = state.handle(key, context: context) }
    let lines: [UIString] = [.helpTitle] + InterviewKeyMap.helpLines(for: state.step) + [.helpClose]
    #expect(lines.count > 6 && screen.clipped.isEmpty, "\(screen.clipped)")
    for line in lines {
      let shown = Self.shows(screen, line.text(language))
      #expect(shown, "cut or missing in \(code): \(line)\n\(screen.text)")
    }
  }

  @Test func theVolunteerScreenMarksConceptLanguagesAndSendsArabicToThePlainMode() throws {
    let (context, _) = try Self.context("pl")
    let arabicURL = Self.repository.appendingPathComponent("Languages/ar.yaml")
    let arabic = try LanguagePack.parse(try String(contentsOf: arabicURL, encoding: .utf8), source: arabicURL.path)
    #expect(arabic.direction == .rightToLeft && LanguagePacks.register(arabic))
    let screen = Self.screen([.enter], code: "nl", context: context)
    let marked = Self.shows(screen, "Polski [concept-vertaling]")
    let arabicSaid = Self.shows(screen, UIString.arabicPlainOnly.text(.dutch))
    #expect(marked && arabicSaid, "\(screen.text)")
    Snapshot.assert(screen.text, named: "volunteer-languages-80x24")
    #expect(!screen.text.contains("العربية"), "the screen does not show Arabic script")
  }
}
}
