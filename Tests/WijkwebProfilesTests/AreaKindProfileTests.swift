import Foundation
import Testing
import WijkwebCore
import WijkwebStore
import WijkwebTestSupport
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

  static func store(modules: [String] = []) throws -> (Store, RoundInfo, Questionnaire) {
    let store = try Store.inMemory()
    let yaml = try QuestionnaireModule.compose(base: ProfileEngineTests.yaml, modules: modules.map { id in
      try QuestionnaireModule(text: RepositoryFiles.read("Questionnaires/modules/\(id).yaml") ?? "", source: id)
    })
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

  @Test func aModuleQuestionIsABreakdownAndTheAuditOverModulesAndKindsFindsNothing() throws {
    let (store, round, questionnaire) = try Self.store(modules: ["mantelzorg", "digitale-vaardigheden"])
    #expect(questionnaire.modules == ["mantelzorg", "digitale-vaardigheden"])
    let engine = ProfileEngine(store: store)
    let profile = try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(breakdown: "digitaal_regelen")).profile
    let categories = Set(profile.figures.filter { $0.area.code == "GM" && !$0.suppressed }.compactMap(\.category))
    #expect(categories == ["zelf", "met-hulp", "niet"], "\(categories)")
    // Everyone in the gemeente is split over the three answers and "no answer": the published n add up
    // to about everyone (each perturbed by at most 2).
    let total = try #require(profile.respondents(area: "GM", partID: "health", category: nil)?.n)
    let split = ["zelf", "met-hulp", "niet"].compactMap { profile.respondents(area: "GM", partID: "health", category: $0)?.n }.reduce(0, +)
    #expect(split <= total + 6 && split > total / 2)
    #expect(throws: ProfileProblem.self) {
      try engine.profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(breakdown: "eenzaam_terecht"))
    }
    let result = try engine.disclosureCheck(round: round, questionnaire: questionnaire)
    #expect(result.groupsChecked > 0)
    #expect(result.findings.isEmpty, "\(result.findings)")
  }
}
