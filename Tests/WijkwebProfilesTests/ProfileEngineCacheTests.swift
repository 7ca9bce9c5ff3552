import Foundation
import Testing
import WijkwebCore
import WijkwebStore
@testable import WijkwebProfiles

/// The protected publication is computed once per round, settings and data: a dashboard asking again (or
/// switching back to settings it has shown) reads no responses. A source that counts its reads shows it.
@Suite struct ProfileEngineCacheTests {
  /// A store that counts how often the responses are read.
  final class CountingSource: ProfileSource, @unchecked Sendable {
    let store: Store
    var reads = 0
    init(_ store: Store) { self.store = store }

    func rounds() throws -> [RoundInfo] { try store.rounds() }
    func areas() throws -> [Area] { try store.areas() }
    func questionnaire(ofRound roundID: Int64) throws -> Questionnaire { try store.questionnaire(ofRound: roundID) }
    func completedCount(roundID: Int64) throws -> Int { try store.completedCount(roundID: roundID) }
    func sealedCount(roundID: Int64?) throws -> Int { try store.sealedCount(roundID: roundID) }
    func profileDataVersion(roundIDs: [Int64]) throws -> [Int64] { try store.profileDataVersion(roundIDs: roundIDs) }
    func population(roundID: Int64) throws -> [AreaPopulation] { try store.population(roundID: roundID) }
    func addScores(roundID: Int64, breakdown: String?, to aggregator: inout ProfileAggregator) throws {
      reads += 1
      try store.addScores(roundID: roundID, breakdown: breakdown, to: &aggregator)
    }
    func forEachPartScore(roundID: Int64, breakdown: String?, _ body: (PartScoreRow) throws -> Void) throws {
      reads += 1
      try store.forEachPartScore(roundID: roundID, breakdown: breakdown, body)
    }
    func forEachWeightingRow(roundID: Int64, _ body: (WeightingRow) throws -> Void) throws {
      reads += 1
      try store.forEachWeightingRow(roundID: roundID, body)
    }
    func forEachPackedAnswers(roundID: Int64, _ body: (String) throws -> Void) throws {
      try store.forEachPackedAnswers(roundID: roundID, body)
    }
    func publishableQuotes(roundID: Int64) throws -> [(areaCode: String?, dimensions: [WijkwebCore.Dimension], text: String)] {
      try store.publishableQuotes(roundID: roundID)
    }
    func logAction(_ action: String, detail: String, actor: String) throws { try store.logAction(action, detail: detail, actor: actor) }
    func auditLog() throws -> [AuditEntry] { try store.auditLog() }
    func areaCodesWithScores(roundID: Int64) throws -> Set<String> { try store.areaCodesWithScores(roundID: roundID) }
  }

  @Test func eachRoundAndSettingsIsComputedOnce() throws {
    let (store, round, questionnaire) = try ProfileEngineTests.store()
    let source = CountingSource(store)
    let engine = ProfileEngine(source: source)
    let plain = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings())
    let firstReads = source.reads
    #expect(firstReads > 0)
    let again = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings())
    #expect(source.reads == firstReads, "the same round and settings: from the cache")
    #expect(again.profile.figures == plain.profile.figures)
    let byAge = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(breakdown: "age"))
    #expect(source.reads > firstReads, "other settings: computed")
    #expect(byAge.profile.breakdown == "age")
    let afterAge = source.reads
    _ = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(breakdown: "age"))
    _ = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings())
    #expect(source.reads == afterAge, "both settings stay cached")
    _ = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(minimum: 40))
    #expect(source.reads > afterAge, "a raised minimum is another publication")
  }
}
