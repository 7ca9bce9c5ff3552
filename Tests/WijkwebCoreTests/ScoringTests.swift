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

@Suite struct AnswerCodecTests {
  @Test func packsAndUnpacksEveryValue() throws {
    let questionnaire = try Fixtures.questionnaire()
    let items = Array(questionnaire.allItems.prefix(5))
    let answers: [String: AnswerValue] = [items[0].id: .score(0), items[1].id: .score(10), items[2].id: .skipped, items[4].id: .score(7)]
    let packed = AnswerCodec.pack(answers, items: items)
    #expect(packed == "0X-.7")
    #expect(AnswerCodec.unpack(packed, items: items) == answers)
    #expect(AnswerCodec.values(packed) == [.score(0), .score(10), .skipped, nil, .score(7)])
  }

  @Test func demographicsKeepPreferNotToSayApartFromNotAsked() throws {
    let questionnaire = try Fixtures.questionnaire()
    let preferNot: [String: String?] = ["age": String?.none]
    #expect(AnswerCodec.packDemographics(preferNot, questions: questionnaire.demographics) == "age=")
    #expect(AnswerCodec.packDemographics([:], questions: questionnaire.demographics) == "")
    let expected: [String: String?] = ["age": String?.none, "sex": "vrouw"]
    #expect(AnswerCodec.unpackDemographics("age=;sex=vrouw") == expected)
  }

  @Test func oneReaderOfPackedDemographicsForEveryUse() {
    let packed = "age=25-44;sex=;household=alone;broken;note=a=b"
    #expect(AnswerCodec.chosenDemographics(packed) == ["age": "25-44", "household": "alone", "note": "a=b"])
    #expect(AnswerCodec.unpackDemographics(packed) == ["age": "25-44", "sex": String?.none, "household": "alone", "note": "a=b"])
    #expect(AnswerCodec.choice(in: packed, question: "age") == "25-44")
    #expect(AnswerCodec.choice(in: packed, question: "sex") == nil, "prefer not to say")
    #expect(AnswerCodec.choice(in: packed, question: "ag") == nil, "a whole question id, not a prefix")
    #expect(AnswerCodec.choice(in: packed, question: "income") == nil)
    #expect(AnswerCodec.chosenDemographics("").isEmpty && AnswerCodec.choice(in: "", question: "age") == nil)
  }
}
