import Foundation
import Testing
@testable import WijkwebCore
import WijkwebTestSupport

@Suite struct QuestionnaireParserTests {
  @Test func parsesTheFixture() throws {
    let questionnaire = try Fixtures.questionnaire()
    #expect(questionnaire.id == "test-vragenlijst")
    #expect(questionnaire.version == 2)
    #expect(questionnaire.languages == [.dutch, .english])
    #expect(questionnaire.parts.map(\.id) == ["health", "neighbourhood"])
    #expect(questionnaire.parts[0].items.count == 12)
    #expect(questionnaire.parts[1].items.count == 6)
    #expect(questionnaire.parts[0].items[0].id == "h-lichaamsfuncties-1")
    #expect(questionnaire.parts[1].items[0].scale.dontKnow == false)
    #expect(questionnaire.demographics[0].choices.map(\.id) == ["15-24", "25+"])
    #expect(questionnaire.reflection.map(\.id) == ["matters"])
    #expect(questionnaire.contentHash.count == 64)
    #expect(questionnaire.name(of: .meedoen).text(.english) == "Participation")
  }

  @Test func theHashChangesWithTheContent() throws {
    let first = try Fixtures.questionnaire()
    let second = try QuestionnaireParser.parse(Fixtures.yaml.replacingOccurrences(of: "Doet u mee?", with: "Doet u mee? "), source: "t")
    #expect(first.contentHash != second.contentHash)
  }

  @Test func theDefaultInstrumentIsComplete() throws {
    let questionnaire = try RepositoryFiles.shippedQuestionnaire()
    #expect(questionnaire.parts.count == 2)
    for dimension in Dimension.allCases {
      #expect(questionnaire.parts[0].items(of: dimension).count == 7)
      #expect((3 ... 5).contains(questionnaire.parts[1].items(of: dimension).count))
    }
    #expect(questionnaire.reflection.count == 5)
    #expect(questionnaire.demographics.map(\.id) == ["age", "sex", "household"])
    #expect(questionnaire.demographics.allSatisfy { $0.preferNotToSay })
    #expect(questionnaire.demographics[0].choices.map(\.id) == ["15-24", "25-44", "45-64", "65-74", "75+"])
    for item in questionnaire.allItems {
      #expect(!item.text.text(.dutch).isEmpty && item.text.texts[.english] != nil)
    }
  }

  /// Parses `yaml` expecting failure; returns the problems.
  private func problems(_ yaml: String) -> [FileProblem] {
    do {
      _ = try QuestionnaireParser.parse(yaml, source: "bad.yaml")
      Issue.record("expected the file to be refused")
      return []
    } catch let error as FileProblems {
      return error.problems
    } catch {
      Issue.record("unexpected error \(error)")
      return []
    }
  }

  private func line(of needle: String, in yaml: String) -> Int? {
    yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
  }

  @Test func unknownDimensionKeyIsReportedWithItsLine() {
    let yaml = Fixtures.yaml.replacingOccurrences(of: "      zingeving:\n        - {id: h-", with: "      zingevingg:\n        - {id: h-")
    let found = problems(yaml)
    let problem = found.first { $0.message.contains("\"zingevingg\" is not a dimension key") }
    #expect(problem != nil)
    #expect(problem?.line == line(of: "zingevingg", in: yaml))
    #expect(found.contains { $0.message.contains("part health has no statements for zingeving") })
  }

  @Test func missingTranslationIsReported() {
    let yaml = Fixtures.yaml.replacingOccurrences(of: "consent: {nl: Doet u mee?, en: Will you take part?}", with: "consent: {nl: Doet u mee?}")
    let found = problems(yaml)
    #expect(found.contains { $0.message.contains("has no en translation") && $0.line == line(of: "consent:", in: yaml) })
  }

  @Test func duplicateIDIsReportedWithBothLines() {
    let yaml = Fixtures.yaml.replacingOccurrences(of: "id: h-zingeving-2", with: "id: h-zingeving-1")
    let found = problems(yaml)
    let problem = found.first { $0.message.contains("\"h-zingeving-1\" is used twice") }
    #expect(problem != nil)
    #expect(problem?.message.contains("first on line \(line(of: "id: h-zingeving-1", in: yaml) ?? 0)") == true)
  }

  @Test func emptyPartIsReported() {
    let yaml = Fixtures.yaml.replacingOccurrences(of: "      meedoen:\n        - {id: n-meedoen-1, text: {nl: Stelling meedoen 1, en: Statement meedoen 1}}", with: "      meedoen: []")
    #expect(problems(yaml).contains { $0.message.contains("empty list for meedoen") })
  }

  @Test func badScaleIsReported() {
    let yaml = Fixtures.yaml.replacingOccurrences(of: "scale: {min: 0, max: 10, low: {nl: helemaal niet, en: not at all}, high: {nl: helemaal wel, en: completely}, dont_know: true}", with: "scale: {min: 10, max: 0, low: {nl: helemaal niet, en: not at all}, high: {nl: helemaal wel, en: completely}, dont_know: true}")
    #expect(problems(yaml).contains { $0.message.contains("runs from 10 to 0") })
  }

  @Test func missingDutchAndUnknownKeysAndBadShareAreReported() {
    var yaml = Fixtures.yaml.replacingOccurrences(of: "languages: [nl, en]", with: "languages: [en]")
    yaml = yaml.replacingOccurrences(of: "min_answered_share: 0.5", with: "min_answered_share: 2")
    yaml = yaml.replacingOccurrences(of: "version: 2", with: "version: 2\ncolour: blue")
    let found = problems(yaml)
    #expect(found.contains { $0.message.contains("must include nl") })
    #expect(found.contains { $0.message.contains("min_answered_share must be a number above 0") })
    #expect(found.contains { $0.message.contains("Unknown key 'colour'") && $0.line == 3 })
  }

  @Test func missingDimensionAndMissingPartsAreReported() {
    var yaml = Fixtures.yaml.replacingOccurrences(of: "  meedoen: {nl: Meedoen, en: Participation}\n", with: "")
    #expect(problems(yaml).contains { $0.message.contains("dimensions lacks meedoen") })
    yaml = "id: x\nversion: 1\nlanguages: [nl]\ntitle: {nl: X}\nconsent: {nl: Ja?}\nscoring: {min_answered_share: 0.5}\n"
    let found = problems(yaml)
    #expect(found.contains { $0.message.contains("no 'parts'") })
    #expect(found.contains { $0.message.contains("no 'dimensions'") })
  }

  @Test func invalidYAMLGivesALine() {
    let found = problems("id: x\nversion: [1\ntitle: {nl: X}\n")
    #expect(found.count == 1)
    #expect(found[0].line != nil)
    #expect(found[0].message.contains("not valid YAML"))
  }

  @Test func reflectionNamingAnUnknownPartIsReported() {
    let yaml = Fixtures.yaml.replacingOccurrences(of: "part: health, prompt", with: "part: gezondheid, prompt")
    #expect(problems(yaml).contains { $0.message.contains("names part \"gezondheid\", which does not exist") })
  }

  @Test func problemsPrintAsFileLineSentence() {
    let problem = FileProblem(line: 12, "Something is wrong.")
    #expect(problem.located(in: "a.yaml") == "a.yaml:12: Something is wrong.")
  }
}

/// Every shipped questionnaire parses, is complete in every language it lists, and has all six dimensions.
@Suite struct ShippedQuestionnaireTests {
  static let folder = RepositoryFiles.url("Questionnaires")

  static let files: [String] = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
    .filter { $0.hasSuffix(".yaml") }.sorted() ?? []

  @Test func thereAreFiveInstruments() {
    #expect(Self.files == [
      "positieve-gezondheid-jeugd.yaml", "positieve-gezondheid-kort.yaml", "positieve-gezondheid-organisatie.yaml",
      "positieve-gezondheid-wijk-eenvoudig.yaml", "positieve-gezondheid-wijk.yaml",
    ])
  }

  @Test(arguments: files) func parsesAndIsCompleteInEveryLanguage(file: String) throws {
    let url = Self.folder.appendingPathComponent(file)
    let questionnaire = try QuestionnaireParser.parse(try String(contentsOf: url, encoding: .utf8), source: file)
    #expect(file == questionnaire.id + ".yaml")
    #expect(questionnaire.languages.contains(.dutch) && questionnaire.languages.contains(.english))
    var texts: [LocalizedText] = [questionnaire.title, questionnaire.consent] + questionnaire.dimensions.map(\.name)
    texts += questionnaire.parts.flatMap { part in [part.title] + part.items.flatMap { [$0.text, $0.scale.low, $0.scale.high] } }
    texts += questionnaire.reflection.map(\.prompt) + questionnaire.demographics.flatMap { [$0.question] + $0.choices.map(\.label) }
    for text in texts {
      for language in questionnaire.languages {
        #expect(!(text.texts[language] ?? "").isEmpty, "\(file): a text lacks \(language): \(text.text(.dutch))")
      }
    }
    for part in questionnaire.parts {
      #expect(Set(part.items.map(\.dimension)) == Set(Dimension.allCases), "\(file): part \(part.id) misses a dimension")
    }
  }

  @Test func theShortVersionHasOneStatementPerDimensionAndPart() throws {
    let url = Self.folder.appendingPathComponent("positieve-gezondheid-kort.yaml")
    let questionnaire = try QuestionnaireParser.parse(try String(contentsOf: url, encoding: .utf8), source: "kort")
    for part in questionnaire.parts {
      for dimension in Dimension.allCases { #expect(part.items(of: dimension).count == 1) }
    }
  }
}
