import Foundation
import Testing
import WijkwebCore
@testable import WijkwebStore

/// The export cursor: one record per completed response with its scores, publishable text only on request.
@Suite struct ExportStoreTests {
  @Test func recordsCarryScoresAndOnlyPublishableText() throws {
    let store = try Store.inMemory()
    let questionnaire = try QuestionnaireParser.parse(StoreTests.questionnaireYAML, source: "default")
    try store.seedIfNeeded(areas: StoreTests.areas, questionnaireSource: StoreTests.questionnaireYAML, questionnaire: questionnaire)
    let round = try #require(try store.openRounds().first)
    let scores = [
      DimensionScore(partID: "health", dimension: .meedoen, score: 6.5, answered: 7, total: 7),
      DimensionScore(partID: "neighbourhood", dimension: .zingeving, score: 4.25, answered: 4, total: 4),
    ]
    for (id, text) in [("r1", "Publiek"), ("r2", "Geheim"), ("r3", "Met naam Jan")] {
      try store.apply([.begin(responseID: id, roundID: round.id, volunteerCode: "V1", language: .dutch),
                       .setArea(responseID: id, code: "WK001411"),
                       .setReflection(responseID: id, promptID: "matters", text: text),
                       .complete(responseID: id, receiptCode: "CODE-000\(id.last ?? "0")", scores: scores,
                                 answers: "5-X", demographics: "age=25-44")])
    }
    // An interview still in progress is not exported.
    try store.apply([.begin(responseID: "r4", roundID: round.id, volunteerCode: "V1", language: .dutch)])
    var items = try store.reviewItems(roundID: round.id, all: false)
    items[0].status = .publishable
    items[1].status = .notPublishable
    items[2].status = .publishableEdited
    items[2].redactedText = "Met naam [..]"
    for item in items { try store.saveReview(item, reviewer: "GT1") }

    var count = -1
    var records: [ResponseRecord] = []
    try store.forEachExportRecord(roundID: round.id, partIDs: ["health", "neighbourhood"], includeText: false,
                                  begin: { count = $0 }) { records.append($0) }
    #expect(count == 3)
    #expect(records.map(\.id).sorted() == ["r1", "r2", "r3"])
    let first = try #require(records.first)
    #expect(first.areaCode == "WK001411")
    #expect(first.packedAnswers == "5-X")
    #expect(first.packedDemographics == "age=25-44")
    #expect(first.completedAt != nil)
    let meedoen = try #require(Dimension.allCases.firstIndex(of: .meedoen))
    let zingeving = try #require(Dimension.allCases.firstIndex(of: .zingeving))
    #expect(first.partScores[0][meedoen] == 6.5)
    #expect(first.partScores[1][zingeving] == 4.25)
    #expect(first.partScores[0][zingeving] == nil)
    #expect(records.allSatisfy { $0.texts.isEmpty })

    records = []
    try store.forEachExportRecord(roundID: round.id, partIDs: ["health", "neighbourhood"], includeText: true,
                                  begin: { _ in }) { records.append($0) }
    let texts = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.texts["matters"]) })
    #expect(texts["r1"] == "Publiek")
    #expect(texts["r2"] == .some(nil))
    #expect(texts["r3"] == "Met naam [..]")
    #expect(try store.publishableTextWidths(roundID: round.id) == ["matters": "Met naam [..]".utf8.count])
  }
}
