import Foundation
import Testing
@testable import WijkwebCore
import WijkwebTestSupport

/// Theme modules: switched on by composing their questions into a questionnaire's text, which is then
/// parsed and checked like any questionnaire, and translated by the language files' `module.ID` sections.
@Suite struct QuestionnaireModuleTests {
  static let moduleIDs = ["mantelzorg", "eenzaamheid", "vrijwilligerswerk", "digitale-vaardigheden"]

  static func module(_ id: String) throws -> QuestionnaireModule {
    let text = try #require(RepositoryFiles.read("Questionnaires/modules/\(id).yaml"))
    return try QuestionnaireModule(text: text, source: id)
  }

  @Test func everyShippedModuleCombinesWithEveryShippedQuestionnaire() throws {
    let modules = try Self.moduleIDs.map(Self.module)
    #expect(modules.map(\.id) == Self.moduleIDs)
    for file in ["positieve-gezondheid-wijk", "positieve-gezondheid-wijk-eenvoudig", "positieve-gezondheid-kort",
                 "positieve-gezondheid-jeugd", "positieve-gezondheid-organisatie"] {
      let source = try #require(RepositoryFiles.read("Questionnaires/\(file).yaml"))
      let base = try QuestionnaireParser.parse(source, source: file)
      let composed = try QuestionnaireParser.parse(try QuestionnaireModule.compose(base: source, modules: modules), source: file)
      #expect(composed.modules == Self.moduleIDs)
      #expect(composed.id == base.id && composed.parts == base.parts, "the statements are untouched, so rounds stay comparable")
      #expect(composed.contentHash != base.contentHash)
      let ids = composed.demographics.map(\.id)
      #expect(Array(ids.prefix(base.demographics.count)) == base.demographics.map(\.id))
      for id in ["mantelzorg_geeft", "mantelzorg_uren", "mantelzorg_zwaarte", "eenzaam_terecht", "eenzaam_ondernemen",
                 "eenzaam_vanbinnen", "eenzaam_iemand", "vrijwilliger_doet", "vrijwilliger_wil", "digitaal_regelen"] {
        #expect(ids.contains(id), "\(file) with modules asks \(id)")
      }
      #expect(composed.demographics.allSatisfy { $0.question.texts[.english] != nil && $0.choices.allSatisfy { $0.label.texts[.english] != nil } })
    }
  }

  @Test func aModuleIsRefusedTwiceOrOnTopOfModulesOrWithAClashingId() throws {
    let source = RepositoryFiles.shippedQuestionnaireYAML
    let mantelzorg = try Self.module("mantelzorg")
    #expect(throws: FileProblems.self) { try QuestionnaireModule.compose(base: source, modules: [mantelzorg, mantelzorg]) }
    let once = try QuestionnaireModule.compose(base: source, modules: [mantelzorg])
    #expect(throws: FileProblems.self) { try QuestionnaireModule.compose(base: once, modules: [try Self.module("eenzaamheid")]) }
    let clash = try QuestionnaireModule(text: """
      module: leeftijd
      title: {nl: "Leeftijd", en: "Age"}
      questions:
        - id: age
          question: {nl: "Nog eens?", en: "Again?"}
          choices:
            - {id: ja, label: {nl: "ja", en: "yes"}}
      """, source: "clash")
    let composed = try QuestionnaireModule.compose(base: source, modules: [clash])
    #expect(throws: FileProblems.self) { try QuestionnaireParser.parse(composed, source: "clash") }
  }

  @Test func aHostileOrMalformedModuleFileIsRefused() {
    #expect(throws: FileProblems.self) { try QuestionnaireModule(text: "module: x\ntitle: {nl: a}\nquestions: []\nrun: rm\n", source: "m") }
    #expect(throws: FileProblems.self) { try QuestionnaireModule(text: "module: \"a\\e[2J\"\ntitle: {nl: a}\nquestions:\n  - id: a\n", source: "m") }
    #expect(throws: FileProblems.self) { try QuestionnaireModule(text: "module: a\ntitle: {nl: a}\nquestions: {a: 1}\n", source: "m") }
    #expect(throws: FileProblems.self) { try QuestionnaireModule(text: String(repeating: "#", count: 300_000), source: "m") }
  }

  @Test func theDraftLanguagesTranslateEveryModuleCompletely() throws {
    let source = RepositoryFiles.shippedQuestionnaireYAML
    let composed = try QuestionnaireParser.parse(try QuestionnaireModule.compose(base: source, modules: try Self.moduleIDs.map(Self.module)),
                                                 source: "composed")
    for code in ["pl", "tr", "uk", "ar"] {
      let text = try #require(RepositoryFiles.read("Languages/\(code).yaml"))
      let pack = try LanguagePack.parse(text, source: code, expected: Language(code))
      #expect(pack.missingTexts(of: composed).isEmpty, "\(code): \(pack.missingTexts(of: composed))")
      #expect(composed.adding(pack.language, translations: pack.translations(of: composed)) != nil)
      var without = pack
      without.questionnaires["module.eenzaamheid"] = nil
      #expect(!without.missingTexts(of: composed).isEmpty, "without its module section a language is not offered")
    }
  }
}
