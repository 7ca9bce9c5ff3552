import Foundation
import Testing
import WijkwebCore
import WijkwebStore
@testable import WijkwebProfiles

/// `profile --by-kind`: a gemeente's dorpen beside its stadswijken, as protected cells of their own that
/// the disclosure audit attacks with every other figure.
@Suite struct AreaKindProfileTests {
  static let areas = [
    Area(code: "GM", level: .gemeente, name: "Stad", parentCode: nil),
    Area(code: "GB1", level: .gebied, name: "Oost", parentCode: "GM"),
    Area(code: "WK1", level: .wijk, name: "Noord", parentCode: "GB1", kind: .dorp),
    Area(code: "WK2", level: .wijk, name: "Zuid", parentCode: "GB1", kind: .stadswijk),
    Area(code: "BU1", level: .buurt, name: "Hoek", parentCode: "WK1"),
  ]

  static func store() throws -> (Store, RoundInfo, Questionnaire) {
    let store = try Store.inMemory()
    let yaml = ProfileEngineTests.yaml
    let questionnaire = try QuestionnaireParser.parse(yaml, source: "default")
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    try store.seedIfNeeded(areas: areas, questionnaireSource: yaml, questionnaire: questionnaire, now: now)
    let round = try #require(try store.rounds().first)
    try store.insertDemo(roundID: round.id, count: 300, generator: DemoGenerator(questionnaire: questionnaire, areas: areas, seed: 4),
                         idSeed: 4, completedAt: now)
    return (store, round, questionnaire)
  }

  @Test func theStoreKeepsTheKind() throws {
    let (store, _, _) = try Self.store()
    #expect(try store.areas().first { $0.code == "WK1" }?.kind == .dorp)
    #expect(try store.areas().first { $0.code == "BU1" }?.kind == nil)
  }

  @Test func theGemeentesDorpenAreTheSameProtectedCellAsTheirWijken() throws {
    let (store, round, questionnaire) = try Self.store()
    let profile = try ProfileEngine(store: store).profile(round: round, questionnaire: questionnaire,
                                                          settings: ProfileSettings(breakdown: ProfileEngine.areaKindBreakdown)).profile
    #expect(profile.breakdown == "area_kind")
    func figure(_ code: String, _ category: String?) -> ProfileFigure? {
      profile.figures.first { $0.area.code == code && $0.partID == "health" && $0.dimension == .zingeving && $0.category == category }
    }
    // WK1 (with its buurt) holds every dorp respondent, WK2 every stadswijk one: the gemeente's kind cells
    // are those groups, perturbed by the same cell key, so they show the same protected figures.
    let dorp = try #require(figure("GM", "dorp")?.summary)
    #expect(dorp.n > 0)
    #expect(dorp == figure("WK1", nil)?.summary)
    #expect(figure("GM", "stadswijk")?.summary == figure("WK2", nil)?.summary)
    #expect(figure("GM", "buitengebied")?.summary == nil, "no respondents there: nothing published")
    #expect(profile.respondents(area: "GM", partID: "health", category: "dorp")?.n == profile.respondents(area: "WK1", partID: "health", category: nil)?.n)
  }

  @Test func theDisclosureCheckAttacksTheKindBreakdownAndFindsNothing() throws {
    let (store, round, questionnaire) = try Self.store()
    let result = try ProfileEngine(store: store).disclosureCheck(round: round, questionnaire: questionnaire)
    #expect(result.groupsChecked > 0)
    #expect(result.findings.isEmpty, "\(result.findings)")
  }
}
