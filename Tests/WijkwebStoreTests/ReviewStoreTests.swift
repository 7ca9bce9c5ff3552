import Foundation
import Testing
import WijkwebCore
@testable import WijkwebStore

@Suite struct ReviewStoreTests {
  @Test func onlyPublishableTextsBecomeQuotes() throws {
    let store = try Store.inMemory()
    let questionnaire = try QuestionnaireParser.parse(StoreTests.questionnaireYAML, source: "default")
    try store.seedIfNeeded(areas: StoreTests.areas, questionnaireSource: StoreTests.questionnaireYAML, questionnaire: questionnaire)
    let round = try #require(try store.openRounds().first)
    for (id, text) in [("r1", "Publiek"), ("r2", "Geheim"), ("r3", "Met naam Jan"), ("r4", "Nog niet gezien")] {
      try store.apply([.begin(responseID: id, roundID: round.id, volunteerCode: "V1", language: .dutch),
                       .setArea(responseID: id, code: "WK001411"),
                       .setReflection(responseID: id, promptID: "matters", text: text),
                       .complete(responseID: id, receiptCode: "CODE-000\(id.last ?? "0")", scores: [], answers: "", demographics: "")])
    }
    var items = try store.reviewItems(roundID: round.id, all: false)
    #expect(items.count == 4)
    items[0].status = .publishable
    items[0].dimensions = [.meedoen]
    items[1].status = .notPublishable
    items[2].status = .publishableEdited
    items[2].redactedText = "Met naam [..]"
    for item in items.prefix(3) { try store.saveReview(item, reviewer: "GT1") }
    #expect(try store.reviewItems(roundID: round.id, all: false).map(\.text) == ["Nog niet gezien"])
    let quotes = try store.publishableQuotes(roundID: round.id)
    #expect(Set(quotes.map(\.text)) == ["Publiek", "Met naam [..]"])
    #expect(quotes.first { $0.text == "Publiek" }?.dimensions == [.meedoen])
    #expect(try store.auditLog().filter { $0.action == "review" }.count == 3)
    #expect(!(try store.auditLog().contains { $0.detail.contains("Geheim") }), "the audit log holds no text")
  }

  /// A text the personal-data check flagged during the interview (and the volunteer kept) is marked for
  /// the review; a new text for the same prompt is checked afresh.
  @Test func aFlaggedTextReachesTheReviewFlagged() throws {
    let store = try Store.inMemory()
    let questionnaire = try QuestionnaireParser.parse(StoreTests.questionnaireYAML, source: "default")
    try store.seedIfNeeded(areas: StoreTests.areas, questionnaireSource: StoreTests.questionnaireYAML, questionnaire: questionnaire)
    let round = try #require(try store.openRounds().first)
    try store.apply([.begin(responseID: "r1", roundID: round.id, volunteerCode: "V1", language: .dutch),
                     .setArea(responseID: "r1", code: "WK001411"),
                     .setReflection(responseID: "r1", promptID: "matters", text: "Bel 06-12345678"),
                     .flagPersonalData(responseID: "r1", promptID: "matters"),
                     .setReflection(responseID: "r1", promptID: "other", text: "Bel 06-12345678"),
                     .flagPersonalData(responseID: "r1", promptID: "other"),
                     .setReflection(responseID: "r1", promptID: "other", text: "Meer groen"),
                     .complete(responseID: "r1", receiptCode: "CODE-0001", scores: [], answers: "", demographics: "")])
    let items = try store.reviewItems(roundID: round.id, all: false)
    #expect(items.first { $0.promptID == "matters" }?.flaggedPersonalData == true)
    #expect(items.first { $0.promptID == "other" }?.flaggedPersonalData == false)
  }
}
