import Foundation
import GRDB
import Testing
import WijkwebCore
@testable import WijkwebStore

/// Sealed rounds: a completed response leaves nothing readable on the laptop or in its bundles, still
/// counts and travels, and opens with the team key into an ordinary response.
@Suite struct SealedRoundTests {
  static let passphrase = "drie kraaien op de Martinitoren"
  static let secret = "Paarse olifant Zwanenburg-Quist wandelt elke ochtend langs het Damsterdiep"

  struct SealedLaptop {
    var store: Store
    var folder: String
    var key: TeamKey.Files
    var packed: String
    var responseID: String
  }

  /// A database file with a sealed round and one interview completed in it through the store's effects,
  /// with a reflection, a focus choice and a dialogue answer.
  static func sealedLaptop() throws -> SealedLaptop {
    let folder = NSTemporaryDirectory() + "wijkweb-sealed-\(UUID().uuidString)"
    let store = try Store(path: folder + "/wijkweb.sqlite")
    let questionnaire = try BundleTests.questionnaire()
    try store.seedIfNeeded(areas: StoreTests.areas, questionnaireSource: StoreTests.questionnaireYAML, questionnaire: questionnaire,
                           now: BundleTests.seedTime)
    for round in try store.openRounds() { try store.closeRound(id: round.id) }
    let key = try TeamKey.create(passphrase: passphrase, strength: .interactive)
    let roundID = try store.createRound(name: "Verzegeld", questionnaire: questionnaire, areaSet: "GM0014", startsOn: "2026-09-01",
                                        endsOn: "2026-12-31", sealPublicKey: key.publicKey)
    let id = UUID().uuidString.lowercased()
    var answers: [String: AnswerValue] = [:]
    for (index, item) in questionnaire.allItems.enumerated() { answers[item.id] = index % 9 == 4 ? .skipped : .score((index * 7) % 11) }
    var effects: [InterviewEffect] = [.begin(responseID: id, roundID: roundID, volunteerCode: "V1", language: .dutch),
                                      .setArea(responseID: id, code: "WK001411"),
                                      .setDemographic(responseID: id, questionID: "age", choiceID: "25-44")]
    effects += questionnaire.allItems.map { .setAnswer(responseID: id, itemID: $0.id, value: answers[$0.id] ?? .skipped) }
    try store.apply(effects)
    try store.apply([
      .setReflection(responseID: id, promptID: questionnaire.reflection[0].id, text: secret),
      .setReflection(responseID: id, promptID: InterviewState.focusID(partID: "health"), text: "meedoen"),
      .setReflection(responseID: id, promptID: InterviewState.dialogueID(partID: "health", dimension: .meedoen, question: 0),
                     text: "Dialoog \(secret)"),
    ])
    let packed = AnswerCodec.pack(answers, items: questionnaire.allItems)
    try store.apply([.complete(responseID: id, receiptCode: "K7MP-3QXA", scores: questionnaire.scores(answers: answers),
                               answers: packed, demographics: "age=25-44")])
    return SealedLaptop(store: store, folder: folder, key: key, packed: packed, responseID: id)
  }

  /// A laptop that knows the areas and nothing else.
  static func emptyLaptop() throws -> Store {
    let store = try Store.inMemory()
    try store.importAreas(StoreTests.areas)
    return store
  }

  static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let bytes = Array(needle.utf8)
    guard haystack.count >= bytes.count else { return false }
    return (0 ... haystack.count - bytes.count).contains { start in haystack[start ..< start + bytes.count].elementsEqual(bytes) }
  }

  static func fileBytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [] }

  static func count(_ store: Store, _ sql: String) throws -> Int {
    try store.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
  }

  @Test func aCompletedSealedInterviewLeavesNothingReadableInTheDatabaseFiles() throws {
    let laptop = try Self.sealedLaptop()
    defer { try? FileManager.default.removeItem(atPath: laptop.folder) }
    let store = laptop.store
    let row = try #require(try store.writer.read { db in
      try Row.fetchOne(db, sql: "SELECT status, packed_answers, packed_demographics, sealed, area_code, receipt_code, receipt_locator FROM responses")
    })
    #expect(row["status"] as String == "completed")
    #expect(row["packed_answers"] as String? == nil && row["packed_demographics"] as String? == nil)
    #expect((row["sealed"] as Data?)?.isEmpty == false)
    #expect(row["area_code"] as String? == "WK001411" && row["receipt_code"] as String? == nil
            && row["receipt_locator"] as String? == "K7MP")
    for table in ["reflections", "part_scores", "answers", "demographics"] {
      #expect(try Self.count(store, "SELECT count(*) FROM \(table)") == 0, "\(table) holds rows of the sealed response")
    }
    // The raw bytes, while the database is still open: the file and its write-ahead log.
    let database = Self.fileBytes(laptop.folder + "/wijkweb.sqlite")
    let log = Self.fileBytes(laptop.folder + "/wijkweb.sqlite-wal")
    #expect(!database.isEmpty)
    for (name, bytes) in [("database file", database), ("write-ahead log", log)] {
      let leakedText = Self.contains(bytes, "Paarse olifant")
      let leakedAnswers = Self.contains(bytes, laptop.packed)
      #expect(!leakedText, "the reflection text is readable in the \(name)")
      #expect(!leakedAnswers, "the packed answers are readable in the \(name)")
    }
    #expect(try store.sealedCount() == 1)
    #expect(try store.counts().completed == 1)
    #expect(try store.roundDetail(named: "Verzegeld")?.sealed == 1)
    // The resident can still withdraw with the receipt code: the withdrawal needs no key.
    #expect(try store.withdraw(receiptCode: "K7MP-3QXA", actor: "test") != nil)
    #expect(try store.sealedCount() == 0 && store.counts().completed == 0)
  }

  @Test func aSealedBundleTravelsSealedAndOpensWithTheKeyIntoAnOrdinaryResponse() throws {
    let laptop = try Self.sealedLaptop()
    defer { try? FileManager.default.removeItem(atPath: laptop.folder) }
    let bundle = try BundleFormat.encode(try laptop.store.bundleContents())
    let leaks = (Self.contains(bundle, "Paarse olifant"), Self.contains(bundle, laptop.packed))
    #expect(leaks.0 == false && leaks.1 == false, "the bundle carries the reflection or the answers readable")
    let carriesSealed = Self.contains(bundle, "\"sealed\":")
    #expect(carriesSealed)

    // A laptop without the key stores it sealed, counts it, and passes it on unchanged.
    let relay = try Self.emptyLaptop()
    let relayReport = try BundleTests.importBundle(bundle, into: relay)
    #expect(relayReport.new == 1 && relayReport.sealed == 1)
    #expect(try relay.sealedCount() == 1)
    #expect(try Self.count(relay, "SELECT count(*) FROM part_scores") == 0)
    let onward = try BundleFormat.encode(try relay.bundleContents())
    #expect(try BundleFormat.decode(onward).responses.map(\.sealed) == BundleFormat.decode(bundle).responses.map(\.sealed))
    #expect(try BundleTests.importBundle(onward, into: relay).alreadyPresent == 1)

    // The machine with the key: opened on import, stored as a completed interview is.
    let opened = try TeamKey.open(envelope: laptop.key.envelope, passphrase: Self.passphrase)
    let contents = SealedResponses.open(try BundleFormat.decode(onward), with: opened)
    let team = try Self.emptyLaptop()
    let report = try team.importBundle(try BundleValidator.check(contents), file: "onward.bundle", actor: "test")
    #expect(report.new == 1 && report.sealed == 0)
    #expect(try team.sealedCount() == 0)
    let stored = try #require(try team.response(id: laptop.responseID))
    #expect(stored.packedAnswers == laptop.packed && stored.packedDemographics == "age=25-44")
    let questionnaire = try BundleTests.questionnaire()
    let expected = questionnaire.scores(answers: AnswerCodec.unpack(laptop.packed, items: questionnaire.allItems))
    #expect(stored.scores.count == expected.count)
    let texts = try team.writer.read { db in try String.fetchAll(db, sql: "SELECT text FROM reflections ORDER BY prompt_id") }
    #expect(texts.contains(Self.secret) && texts.contains("Dialoog \(Self.secret)") && texts.contains("meedoen"))

    // The relay laptop unseals what it holds with the key.
    let sealedHere = try relay.sealedContents()
    let unsealed = try relay.unseal(try BundleValidator.check(SealedResponses.open(sealedHere, with: opened)), actor: "test")
    #expect(unsealed == 1)
    #expect(try relay.sealedCount() == 0)
    #expect(try relay.response(id: laptop.responseID)?.packedAnswers == laptop.packed)
    #expect(try Self.count(relay, "SELECT count(*) FROM reflections") == 3)
    #expect(try Self.count(relay, "SELECT count(*) FROM part_scores") == questionnaire.parts.count)
  }

  @Test func aWrongPassphraseOrAnotherKeyIsRefusedAndChangesNothing() throws {
    let laptop = try Self.sealedLaptop()
    defer { try? FileManager.default.removeItem(atPath: laptop.folder) }
    #expect(throws: KeyProblem.self) { try TeamKey.open(envelope: laptop.key.envelope, passphrase: "verkeerd") }
    let other = try TeamKey.create(passphrase: Self.passphrase, strength: .interactive)
    let otherOpened = try TeamKey.open(envelope: other.envelope, passphrase: Self.passphrase)
    let withOther = SealedResponses.open(try laptop.store.sealedContents(), with: otherOpened)
    #expect(withOther.openedFrom.isEmpty && withOther.unopened.map(\.responseID) == [laptop.responseID])
    #expect(try laptop.store.unseal(try BundleValidator.check(withOther), actor: "test") == 0)
    #expect(try laptop.store.sealedCount() == 1)
    // A changed byte in the envelope is refused as well.
    var damaged = laptop.key.envelope
    damaged[40] ^= 1
    #expect(throws: KeyProblem.self) { try TeamKey.open(envelope: damaged, passphrase: Self.passphrase) }
  }

  @Test func keyFilesAndThePaperBackupRoundTrip() throws {
    let key = try TeamKey.create(passphrase: Self.passphrase, strength: .interactive)
    #expect(try TeamKey.parsePublic(key.publicText) == key.publicKey)
    #expect(try TeamKey.parseSecret(key.secretText) == key.envelope)
    let paper = PaperKey.text(for: key.envelope, instructions: "Bewaar dit.")
    #expect(try PaperKey.bytes(from: paper) == key.envelope)
    // Typed back in lower case, with O for 0: still the same key, and it opens.
    let typed = paper.lowercased().replacingOccurrences(of: "0", with: "o")
      .replacingOccurrences(of: "wijkweb-paper-key-end", with: PaperKey.footer)
      .replacingOccurrences(of: "wijkweb-paper-key 1", with: PaperKey.header)
    let restored = try PaperKey.bytes(from: typed)
    #expect(try TeamKey.open(envelope: restored, passphrase: Self.passphrase).publicKey == key.publicKey)
    // A typing error is caught on its line.
    var lines = paper.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = try #require(lines.firstIndex { $0.hasPrefix("02: ") })
    var characters = Array(lines[index])
    characters[5] = characters[5] == "A" ? "B" : "A"
    lines[index] = String(characters)
    #expect(throws: PaperKeyProblem.self) { try PaperKey.bytes(from: lines.joined(separator: "\n")) }
  }

  @Test func bundlesOfUnsealedRoundsAreWrittenAsBefore() throws {
    let response = BundleResponse(id: "00000000-0000-4000-8000-000000000001", round: "R", questionnaireID: "q", questionnaireVersion: 1,
                                  questionnaireHash: "h", deviceID: "d", volunteerCode: "V1", language: "nl", areaCode: nil,
                                  startedAt: "2026-01-01T00:00:00Z", completedAt: "2026-01-01T00:10:00Z", receiptCode: nil,
                                  packedAnswers: "12", packedDemographics: "", scores: [:], reflections: [])
    let json = String(decoding: try JSONEncoder().encode(response), as: UTF8.self)
    #expect(!json.contains("sealed"))
    #expect(try JSONDecoder().decode(BundleResponse.self, from: Data(json.utf8)).sealed == nil)
    let round = BundleRound(name: "R", questionnaireHash: "h", areaSet: "GM0014", startsOn: "2026-01-01", endsOn: "2026-02-01",
                            minGroupSize: 10, retentionDays: 30, status: "open")
    #expect(!String(decoding: try JSONEncoder().encode(round), as: UTF8.self).contains("seal"))
  }
}
