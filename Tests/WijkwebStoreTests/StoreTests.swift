import Foundation
import GRDB
import Testing
import WijkwebCore
import WijkwebTestSupport
@testable import WijkwebStore

@Suite struct StoreTests {
  static let questionnaireYAML = RepositoryFiles.shippedQuestionnaireYAML

  static let areas = [
    Area(code: "GM0014", level: .gemeente, name: "Groningen", parentCode: nil),
    Area(code: "GB001405", level: .gebied, name: "Oost", parentCode: "GM0014", aliases: ["Beijum"]),
    Area(code: "WK001411", level: .wijk, name: "Noordoost", parentCode: "GB001405"),
  ]

  func seeded(_ store: Store) throws -> RoundChoice {
    let questionnaire = try QuestionnaireParser.parse(Self.questionnaireYAML, source: "default")
    try store.seedIfNeeded(areas: Self.areas, questionnaireSource: Self.questionnaireYAML, questionnaire: questionnaire,
                           now: Date(timeIntervalSince1970: 1_795_000_000))
    return try #require(try store.openRounds().first)
  }

  func temporaryFolder() -> String {
    NSTemporaryDirectory() + "wijkweb-store-\(UUID().uuidString)"
  }

  @Test func seedingMakesAnOpenRoundWithTheAreasOnce() throws {
    let store = try Store.inMemory()
    let round = try seeded(store)
    #expect(round.name.hasPrefix("Najaar") || round.name.hasPrefix("Voorjaar"))
    #expect(round.questionnaire.id == "positieve-gezondheid-wijk")
    #expect(try store.areas().map(\.code) == ["GM0014", "GB001405", "WK001411"])
    #expect(try store.areas()[1].aliases == ["Beijum"])
    _ = try seeded(store)
    #expect(try store.openRounds().count == 1)
  }

  @Test func anInterviewIsStoredAsItGoesAndResumable() throws {
    let store = try Store.inMemory()
    let round = try seeded(store)
    try store.apply([.rememberVolunteer(code: "V12"), .begin(responseID: "r1", roundID: round.id, volunteerCode: "V12", language: .dutch)])
    try store.apply([.setArea(responseID: "r1", code: "WK001411"), .setPosition(responseID: "r1", position: "demographic:0")])
    try store.apply([.setDemographic(responseID: "r1", questionID: "age", choiceID: nil)])
    try store.apply([.setAnswer(responseID: "r1", itemID: "h-lf-1", value: .score(7)), .setPosition(responseID: "r1", position: "item:0:1")])
    try store.apply([.setAnswer(responseID: "r1", itemID: "h-lf-2", value: .skipped)])
    try store.apply([.setAnswer(responseID: "r1", itemID: "h-lf-1", value: .score(9))])
    try store.apply([.setLanguage(responseID: "r1", language: .english)])

    let saved = try #require(try store.interruptedInterview())
    #expect(saved.responseID == "r1")
    #expect(saved.areaCode == "WK001411")
    #expect(saved.language == .english)
    #expect(saved.position == "item:0:1")
    #expect(saved.answers == ["h-lf-1": .score(9), "h-lf-2": .skipped])
    #expect(saved.demographics["age"] == .some(nil))
    #expect(try store.counts().answers == 2, "changing an answer replaces it")
    #expect(try store.rememberedVolunteerCode(today: CalendarDay(Date(), timeZone: .current).iso) == "V12")
    #expect(try store.rememberedVolunteerCode(today: "1999-01-01") == nil)
  }

  @Test func completingStoresScoresAndTheReceipt() throws {
    let store = try Store.inMemory()
    let round = try seeded(store)
    try store.apply([.begin(responseID: "r1", roundID: round.id, volunteerCode: "V1", language: .dutch),
                     .setAnswer(responseID: "r1", itemID: "h-lf-1", value: .score(6)),
                     .setReflection(responseID: "r1", promptID: "matters", text: "De tuin")])
    let scores = Dimension.allCases.enumerated().map { index, dimension in
      DimensionScore(partID: "health", dimension: dimension, score: index == 2 ? nil : 6.5 + Double(index), answered: 0, total: 0)
    }
    try store.apply([.complete(responseID: "r1", receiptCode: "ABCD-EFGH", scores: scores, answers: "6-.", demographics: "age=;sex=vrouw")])
    let response = try #require(try store.response(id: "r1"))
    #expect(response.status == "completed")
    #expect(response.receipt?.matches("ABCD-EFGH") == true && response.receipt?.matches("ABCD-EFGJ") == false)
    #expect(response.scores == scores)
    #expect(response.packedAnswers == "6-." && response.packedDemographics == "age=;sex=vrouw")
    #expect(response.answers.isEmpty, "per-statement rows are replaced by the packed answers")
    #expect(try store.counts().answers == 2)
    #expect(try store.interruptedInterview() == nil)
    #expect(throws: StoreError.self) {
      try store.apply([.complete(responseID: "r1", receiptCode: "ZZZZ-ZZZZ", scores: [], answers: "", demographics: "")])
    }
  }

  @Test func aFailedBatchChangesNothing() throws {
    let store = try Store.inMemory()
    let round = try seeded(store)
    try store.apply([.begin(responseID: "r1", roundID: round.id, volunteerCode: "V1", language: .dutch)])
    #expect(throws: (any Error).self) {
      try store.apply([.setAnswer(responseID: "r1", itemID: "h-lf-1", value: .score(6)),
                       .begin(responseID: "r1", roundID: round.id, volunteerCode: "V1", language: .dutch)])
    }
    #expect(try store.counts().answers == 0)
  }

  @Test func discardRemovesTheInterviewEverywhere() throws {
    let store = try Store.inMemory()
    let round = try seeded(store)
    try store.apply([.begin(responseID: "r1", roundID: round.id, volunteerCode: "V1", language: .dutch),
                     .setAnswer(responseID: "r1", itemID: "h-lf-1", value: .score(6)),
                     .setDemographic(responseID: "r1", questionID: "sex", choiceID: "vrouw"),
                     .setReflection(responseID: "r1", promptID: "matters", text: "x")])
    try store.apply([.discard(responseID: "r1")])
    #expect(try store.responseIDs().isEmpty)
    #expect(try store.counts().answers == 0)
    #expect(try store.integrityProblems().isEmpty)
  }

  @Test func theFileAndFolderAreOwnerOnly() throws {
    let folder = temporaryFolder()
    let path = folder + "/nested/wijkweb.sqlite"
    _ = try Store(path: path)
    let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    let folderMode = try FileManager.default.attributesOfItem(atPath: folder + "/nested")[.posixPermissions] as? Int
    #expect(fileMode == 0o600)
    #expect(folderMode == 0o700)
    try? FileManager.default.removeItem(atPath: folder)
  }

  @Test func aDatabaseFromANewerVersionIsRefusedUntouched() throws {
    let folder = temporaryFolder()
    let path = folder + "/db.sqlite"
    do {
      let store = try Store(path: path)
      try store.writer.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
    }
    func content() throws -> [String] {
      var configuration = Configuration()
      configuration.readonly = true
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      return try queue.read { db in
        try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
          + String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
          + String.fetchAll(db, sql: "SELECT key || '=' || value FROM meta ORDER BY key")
      }
    }
    let before = try content()
    #expect {
      _ = try Store(path: path)
    } throws: { error in
      (error as? StoreError)?.message.contains("newer version of Wijkweb") == true
    }
    #expect(try content() == before)
    #expect(before.contains("v99"))
    try? FileManager.default.removeItem(atPath: folder)
  }

  @Test func aFileThatIsNoDatabaseGetsAPlainMessage() throws {
    let folder = temporaryFolder()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/db.sqlite"
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try Store(path: path)
    } throws: { error in
      (error as? StoreError)?.message.contains("not a Wijkweb database or is damaged") == true
    }
    try? FileManager.default.removeItem(atPath: folder)
  }

  @Test func databaseLocationFollowsTheDocumentedOrder() {
    #expect(DatabaseLocation.resolve(explicit: "/x.sqlite", environment: ["WIJKWEB_DB": "/y"]) == "/x.sqlite")
    #expect(DatabaseLocation.resolve(explicit: nil, environment: ["WIJKWEB_DB": "/y", "XDG_DATA_HOME": "/d"]) == "/y")
    #expect(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/wijkweb/wijkweb.sqlite")
    #expect(DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/wijkweb/wijkweb.sqlite")
  }

  @Test func theRecordedQuestionnaireVersionAndHashComeFromTheRound() throws {
    let store = try Store.inMemory()
    let round = try seeded(store)
    try store.apply([.begin(responseID: "r1", roundID: round.id, volunteerCode: "V1", language: .dutch)])
    let row = try store.writer.read { db in
      try Row.fetchOne(db, sql: "SELECT questionnaire_id, questionnaire_version, questionnaire_hash, device_id FROM responses")
    }
    #expect(row?["questionnaire_id"] == "positieve-gezondheid-wijk")
    #expect(row?["questionnaire_version"] == 1)
    #expect(row?["questionnaire_hash"] == round.questionnaire.contentHash)
    #expect((row?["device_id"] as String?)?.count == 36)
  }
}
