import Testing
@testable import WijkwebCore

@Suite struct ScoringTests {
  @Test func meanOfAnsweredItems() throws {
    let questionnaire = try Fixtures.questionnaire()
    let answers: [String: AnswerValue] = ["h-meedoen-1": .score(4), "h-meedoen-2": .score(7)]
    let scores = questionnaire.scores(part: questionnaire.parts[0], answers: answers)
    let meedoen = try #require(scores.first { $0.dimension == .meedoen })
    #expect(meedoen.score == 5.5)
    #expect(meedoen.answered == 2 && meedoen.total == 2)
  }

  @Test func dontKnowDoesNotCountButHalfIsEnough() throws {
    let questionnaire = try Fixtures.questionnaire()
    let answers: [String: AnswerValue] = ["h-zingeving-1": .skipped, "h-zingeving-2": .score(9)]
    let zingeving = try #require(questionnaire.scores(part: questionnaire.parts[0], answers: answers).first { $0.dimension == .zingeving })
    #expect(zingeving.score == 9)
    #expect(zingeving.answered == 1)
  }

  @Test func belowTheMinimumShareThereIsNoScore() throws {
    var questionnaire = try Fixtures.questionnaire()
    questionnaire.scoring.minAnsweredShare = 0.75
    let answers: [String: AnswerValue] = ["h-zingeving-1": .skipped, "h-zingeving-2": .score(9)]
    let zingeving = try #require(questionnaire.scores(part: questionnaire.parts[0], answers: answers).first { $0.dimension == .zingeving })
    #expect(zingeving.score == nil)
    let allSkipped = questionnaire.scores(part: questionnaire.parts[0], answers: ["h-meedoen-1": .skipped, "h-meedoen-2": .skipped])
    #expect(allSkipped.first { $0.dimension == .meedoen }?.score == nil)
  }

  @Test func everyPartGetsSixScoresInDimensionOrder() throws {
    let questionnaire = try Fixtures.questionnaire()
    let scores = questionnaire.scores(answers: [:])
    #expect(scores.count == 12)
    #expect(scores.prefix(6).map(\.dimension) == Dimension.allCases)
    #expect(scores.allSatisfy { $0.score == nil })
  }
}
