import Foundation
import Testing
import WijkwebCore
@testable import WijkwebStore

/// The wijkagenda in the database: every change dated and audited, every value checked by the rules,
/// imports all or nothing and again changing nothing.
@Suite struct AgendaStoreTests {
  func seeded() throws -> (Store, Int64) {
    let store = try Store.inMemory()
    let questionnaire = try QuestionnaireParser.parse(StoreTests.questionnaireYAML, source: "default")
    try store.seedIfNeeded(areas: StoreTests.areas, questionnaireSource: StoreTests.questionnaireYAML, questionnaire: questionnaire)
    return (store, try #require(try store.openRounds().first).id)
  }

  let day1 = Date(timeIntervalSince1970: 1_790_000_000)
  let day2 = Date(timeIntervalSince1970: 1_790_100_000)

  @Test func recognitionOpgavenAndActionsAreStoredDatedAndAudited() throws {
    let (store, round) = try seeded()
    try store.setRecognition(areaCode: "WK001411", roundID: round, AgendaRecognition(dimension: .meedoen, recognition: .deels, note: "eenzaamheid herkend"),
                             actor: "GT1", now: day1)
    try store.setRecognition(areaCode: "WK001411", roundID: round, AgendaRecognition(dimension: .meedoen, recognition: .ja, note: ""),
                             actor: "GT1", now: day2)
    let task = try store.addTask(areaCode: "WK001411", roundID: round, dimension: .meedoen, text: "Meer ontmoeting", actor: "GT1", now: day1)
    let action = try store.addAction(areaCode: "WK001411", roundID: round,
                                     AgendaAction(dimension: .meedoen, what: "Koffieochtend", who: "buurtteam", due: "2027-03-01"), actor: "GT1", now: day1)
    var changed = try #require(try store.action(id: action)).action
    changed.status = .bezig
    try store.updateAction(changed, actor: "GT2", now: day2)
    let agenda = try store.agenda(areaCode: "WK001411", roundID: round)
    #expect(agenda.recognitions.map(\.recognition) == [.ja])
    #expect(agenda.recognitions.first?.changedAt == Store.timestamp(day2))
    #expect(agenda.tasks.map(\.id) == [task])
    #expect(agenda.actions.map(\.status) == [.bezig])
    #expect(agenda.actions.first?.changedAt == Store.timestamp(day2))
    let log = try store.auditLog().filter { $0.action.hasPrefix("agenda-") }
    #expect(log.count == 5)
    #expect(log.last?.detail == "action \(action): status open -> bezig")
    #expect(log.last?.actor == "GT2")
    #expect(!log.contains { $0.detail.contains("Koffieochtend") }, "the audit log holds no text")
    #expect(try store.agenda(areaCode: "WK001412", roundID: round).isEmpty)
  }

  @Test func theRulesHoldInTheStore() throws {
    let (store, round) = try seeded()
    #expect(throws: AgendaProblem.self) {
      try store.addAction(areaCode: "WK001411", roundID: round, AgendaAction(dimension: .meedoen, what: "Bellen", who: "Jan Jansen", due: "2027-03-01"), actor: "GT1")
    }
    #expect(throws: AgendaProblem.self) { try store.addTask(areaCode: "WK001411", roundID: round, dimension: .meedoen, text: "x\u{1B}[2J", actor: "GT1") }
    #expect(throws: AgendaProblem.self) { try store.addTask(areaCode: "NOPE", roundID: round, dimension: .meedoen, text: "x", actor: "GT1") }
    #expect(throws: AgendaProblem.self) { try store.updateTask(AgendaTask(id: 99, dimension: .meedoen, text: "x"), actor: "GT1") }
    // A place name is no person's name.
    try store.addTask(areaCode: "WK001411", roundID: round, dimension: .meedoen, text: "Speelplek in Beijum Oost", actor: "GT1")
    #expect(try store.agenda(areaCode: "WK001411", roundID: round).tasks.count == 1)
    #expect(try store.auditLog().filter { $0.action.hasPrefix("agenda-") }.count == 1)
  }

  @Test func anOndergrensIsOnePerAreaAndDimension() throws {
    let (store, _) = try seeded()
    try store.setFloor(Floor(areaCode: "WK001411", dimension: .meedoen, value: 5.5, agreedBy: "wijkdialoog", agreedOn: "2026-11-20"), actor: "GT1")
    try store.setFloor(Floor(areaCode: "WK001411", dimension: .meedoen, value: 6, agreedBy: "bewonersraad", agreedOn: "2026-12-01"), actor: "GT1")
    let floors = try store.floors(areaCode: "WK001411")
    #expect(floors.map(\.value) == [6])
    #expect(floors.first?.agreedBy == "bewonersraad")
    #expect(throws: AgendaProblem.self) {
      try store.setFloor(Floor(areaCode: "WK001411", dimension: .zingeving, value: 11, agreedBy: "x", agreedOn: "2026-12-01"), actor: "GT1")
    }
  }

  @Test func anImportIsAllOrNothingAndAgainChangesNothing() throws {
    let (store, round) = try seeded()
    let roundName = try #require(try store.rounds().first { $0.id == round }).name
    let good: [AgendaRecord] = [
      .task(areaCode: "WK001411", roundName: roundName, AgendaTask(dimension: .meedoen, text: "Meer ontmoeting")),
      .action(areaCode: "WK001411", roundName: roundName, AgendaAction(dimension: .meedoen, what: "Koffie", who: "buurtteam", due: "2027-01-01")),
      .floor(Floor(areaCode: "WK001411", dimension: .meedoen, value: 5.5, agreedBy: "wijkdialoog", agreedOn: "2026-11-20")),
    ]
    let bad = good + [.task(areaCode: "WK001411", roundName: "Geen ronde", AgendaTask(dimension: .meedoen, text: "x"))]
    #expect(throws: AgendaProblem.self) { try store.importAgenda(bad, source: "a.csv", actor: "GT1") }
    #expect(try store.agendaRecords().isEmpty, "nothing of a refused import stays")
    #expect(try store.importAgenda(good, source: "a.csv", actor: "GT1") == Store.AgendaImportCounts(added: 3, updated: 0, unchanged: 0))
    #expect(try store.importAgenda(good, source: "a.csv", actor: "GT1") == Store.AgendaImportCounts(added: 0, updated: 0, unchanged: 3))
    var later = good
    later[1] = .action(areaCode: "WK001411", roundName: roundName,
                       AgendaAction(dimension: .meedoen, what: "Koffie", who: "buurtteam", due: "2027-01-01", status: .klaar))
    #expect(try store.importAgenda(later, source: "b.csv", actor: "GT1") == Store.AgendaImportCounts(added: 0, updated: 1, unchanged: 2))
    let records = try store.agendaRecords()
    #expect(records.map(\.kind) == ["ondergrens", "opgave", "actie"])
    if case .action(_, _, let action) = records[2] { #expect(action.status == .klaar) } else { Issue.record("no action") }
  }
}
