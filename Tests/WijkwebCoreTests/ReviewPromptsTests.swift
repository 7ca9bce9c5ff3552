import Testing
@testable import WijkwebCore

/// The questions the review shows beside each free text, gathered from the rounds' questionnaires.
@Suite struct ReviewPromptsTests {
  @Test func reflectionPromptsDialogueQuestionsAndDimensionNamesInBothLanguages() throws {
    let texts = ReviewPrompts(questionnaires: [try Fixtures.questionnaire()])
    #expect(texts.prompts["matters"]?.text(.dutch) == "Wat is belangrijk?")
    #expect(texts.prompts["matters"]?.text(.english) == "What matters?")
    // Three dialogue questions for every dimension of every part, and nothing else.
    #expect(texts.prompts.count == 1 + 2 * 6 * InterviewState.dialogueQuestions)
    let important = try #require(texts.prompts["dialogue.health.mentaal_welbevinden.1"])
    #expect(important.text(.dutch) == "Wat is voor u belangrijk als het gaat om mentaal welbevinden?")
    #expect(important.text(.english).lowercased().contains("mental well-being"))
    #expect(texts.prompts["dialogue.neighbourhood.meedoen.3"]?.text(.dutch) == InterviewState.dialogueQuestion(2, dimension: "Meedoen", language: .dutch))
    #expect(texts.prompts["dialogue.health.meedoen.4"] == nil)
    #expect(texts.dimensionNames.count == 6 && texts.dimensionNames[.meedoen]?.text(.english) == "Participation")
  }

  @Test func theFirstQuestionnaireWinsAndNoneGivesNothing() throws {
    let first = try Fixtures.questionnaire()
    let renamed = try QuestionnaireParser.parse(
      Fixtures.yaml.replacingOccurrences(of: "Wat is belangrijk?", with: "Iets anders?")
        .replacingOccurrences(of: "meedoen: {nl: Meedoen, en: Participation}", with: "meedoen: {nl: Deelnemen, en: Taking part}"),
      source: "second.yaml")
    let texts = ReviewPrompts(questionnaires: [first, renamed])
    #expect(texts.prompts["matters"]?.text(.dutch) == "Wat is belangrijk?")
    #expect(texts.dimensionNames[.meedoen]?.text(.dutch) == "Meedoen")
    #expect(texts.prompts["dialogue.health.meedoen.1"]?.text(.dutch).contains("meedoen") == true)
    let none = ReviewPrompts(questionnaires: [])
    #expect(none.prompts.isEmpty && none.dimensionNames.isEmpty)
  }
}
