import Foundation
import Testing
import WijkwebCore
import WijkwebStore
@testable import WijkwebProfiles

/// The profile engine on an in-memory store with demo responses: the round's own minimum that a request
/// can only raise, notes returned (not printed), the cache, weighting to each area's own margins.
@Suite struct ProfileEngineTests {
  static let yaml: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Questionnaires/positieve-gezondheid-wijk.yaml")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  static let areas = [
    Area(code: "GM", level: .gemeente, name: "Stad", parentCode: nil),
    Area(code: "GB1", level: .gebied, name: "Oost", parentCode: "GM"),
    Area(code: "WK1", level: .wijk, name: "Noord", parentCode: "GB1"),
    Area(code: "WK2", level: .wijk, name: "Zuid", parentCode: "GB1"),
    Area(code: "BU1", level: .buurt, name: "Hoek", parentCode: "WK1"),
  ]

  static func store(responses: Int = 300) throws -> (Store, RoundInfo, Questionnaire) {
    let store = try Store.inMemory()
    let questionnaire = try QuestionnaireParser.parse(yaml, source: "default")
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    try store.seedIfNeeded(areas: areas, questionnaireSource: yaml, questionnaire: questionnaire, now: now)
    let round = try #require(try store.rounds().first)
    try store.insertDemo(roundID: round.id, count: responses, generator: DemoGenerator(questionnaire: questionnaire, areas: areas, seed: 9),
                         idSeed: 9, completedAt: now)
    return (store, try #require(try store.rounds().first), questionnaire)
  }

  /// The columnar copy keeps only the demographic answers: any other breakdown (an area kind, a theme
  /// module's question) is left to the rows.
  @Test func theColumnarCopyServesOnlyTheBreakdownsItHolds() throws {
    let questionnaire = try QuestionnaireParser.parse(Self.yaml, source: "default")
    #expect(ProfileEngine.scoreColumnsServe(breakdown: nil, questionnaire: questionnaire))
    for question in questionnaire.demographics.map(\.id) {
      #expect(ProfileEngine.scoreColumnsServe(breakdown: question, questionnaire: questionnaire))
    }
    #expect(["age", "sex", "household"].allSatisfy { id in questionnaire.demographics.contains { $0.id == id } })
    #expect(!ProfileEngine.scoreColumnsServe(breakdown: "area-kind", questionnaire: questionnaire))
    #expect(!ProfileEngine.scoreColumnsServe(breakdown: questionnaire.parts[0].id, questionnaire: questionnaire))
  }

  @Test func aRequestedMinimumOnlyRaisesTheRoundsOwn() throws {
    let (store, round, questionnaire) = try Self.store()
    let engine = ProfileEngine(store: store)
    let lowered = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(minimum: 5))
    #expect(lowered.profile.minimumGroupSize == round.minGroupSize)
    #expect(lowered.profile.figures.allSatisfy { $0.suppressed || ($0.summary?.n ?? 0) >= round.minGroupSize })
    let raised = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(minimum: 60))
    #expect(raised.profile.minimumGroupSize == 60)
    #expect(raised.profile.figures.allSatisfy { $0.suppressed || ($0.summary?.n ?? 0) >= 60 })
    // Raising hides figures but never changes one.
    for (high, low) in zip(raised.profile.figures, lowered.profile.figures) where !high.suppressed {
      #expect(high.summary == low.summary && high.versusRest == low.versusRest)
    }
  }

  @Test func notesAreReturnedAndResultsCachedUntilTheDataChange() throws {
    let (store, round, questionnaire) = try Self.store()
    let engine = ProfileEngine(store: store)
    let first = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings())
    #expect(first.notes.isEmpty)
    let again = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings())
    #expect(again.profile.figures == first.profile.figures)
    try store.insertDemo(roundID: round.id, count: 40, generator: DemoGenerator(questionnaire: questionnaire, areas: Self.areas, seed: 10),
                         idSeed: 10, completedAt: Date(timeIntervalSince1970: 1_795_000_000))
    let changed = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings())
    let total = { (result: ProfileResult) in result.profile.figures.first { $0.area.code == "GM" && $0.category == nil }?.summary?.n ?? 0 }
    #expect(total(changed) > total(first) + 30, "new responses are counted, not a stale cache")
  }

  @Test func weightedAreasAreRakedToTheirOwnMarginsAndBuurtenWithoutOnesHaveNoFigures() throws {
    let (store, round, questionnaire) = try Self.store(responses: 600)
    let engine = ProfileEngine(store: store)
    #expect(throws: ProfileProblem.self) {
      try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(weighted: true))
    }
    let rows = [AreaPopulation(areaCode: "WK1", sex: [900, 1100], age: [200, 600, 700, 500]),
                AreaPopulation(areaCode: "WK2", sex: [1500, 1500], age: [300, 900, 1000, 800])]
    try store.setPopulation(roundID: round.id, roundName: round.name, rows, source: "test", actor: "test")
    let result = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(weighted: true))
    let figures = result.profile.figures.filter { $0.partID == "health" && $0.dimension == .lichaamsfuncties }
    func figure(_ code: String) -> ProfileFigure? { figures.first { $0.area.code == code } }
    #expect(figure("BU1")?.summary == nil, "a buurt without margins has no weighted figure")
    for code in ["WK1", "WK2", "GB1", "GM"] {
      #expect(figure(code)?.summary?.weighted == true, "\(code) is raked to its own (or its wijken's summed) margins")
    }
  }
}
