import Foundation
import GRDB
import Testing
import WijkwebCore
@testable import WijkwebStore

/// Bundles between laptops: merging in any order gives the same database, withdrawals travel, and a
/// damaged, cut-off or wrongly encrypted bundle changes nothing.
@Suite struct BundleTests {
  static let seedTime = Date(timeIntervalSince1970: 1_795_000_000)
  static let distinctiveText = "Het bankje bij de Kardingerplas is mijn redding, zegt Grietje Zwanenburg-Quist"

  /// A laptop: a seeded database with demo responses, finished interviews (with reflections and receipt
  /// codes) and one interview still in progress.
  struct Laptop {
    var store: Store
    var receipts: [String] = []
  }

  static func questionnaire() throws -> Questionnaire {
    try QuestionnaireParser.parse(StoreTests.questionnaireYAML, source: "default")
  }

  static func laptop(seed: UInt64, demo: Int = 25, interviews: Int = 3) throws -> Laptop {
    let store = try Store.inMemory()
    let questionnaire = try questionnaire()
    try store.seedIfNeeded(areas: StoreTests.areas, questionnaireSource: StoreTests.questionnaireYAML, questionnaire: questionnaire,
                           now: seedTime)
    let round = try #require(try store.openRounds().first)
    let generator = DemoGenerator(questionnaire: questionnaire, areas: StoreTests.areas, seed: seed)
    try store.insertDemo(roundID: round.id, count: demo, generator: generator, idSeed: seed, completedAt: seedTime)
    var laptop = Laptop(store: store)
    var random = SeededRandom(seed: seed &* 31 &+ 7)
    for index in 0 ..< interviews {
      let receipt = ReceiptCode.make(using: &random)
      try complete(store, roundID: round.id, receipt: receipt, random: &random,
                   reflection: index == 0 ? "\(distinctiveText) (\(seed))" : "Meer bankjes in het park \(seed)-\(index)")
      laptop.receipts.append(receipt)
    }
    try store.apply([.begin(responseID: UUID().uuidString.lowercased(), roundID: round.id, volunteerCode: "V9", language: .dutch)])
    return laptop
  }

  /// Puts `stores` into the local team of the first one, as machines that exchange bundles are one team:
  /// the same team keys, their rounds signed by that team, each device certified by it.
  static func oneTeam(_ stores: [Store]) throws {
    let team = try #require(try stores[0].writer.read { db in
      try Row.fetchOne(db, sql: "SELECT signing_public_key, seal_public_key, local_signing_secret, local_seal_secret FROM team_identity")
    })
    for store in stores.dropFirst() {
      try store.writer.write { db in
        try db.execute(sql: """
          UPDATE team_identity SET signing_public_key = ?, seal_public_key = ?, local_signing_secret = ?, local_seal_secret = ?
          """, arguments: [team["signing_public_key"] as Data, team["seal_public_key"] as Data, team["local_signing_secret"] as Data,
                           team["local_seal_secret"] as Data])
        let signer = try #require(try Store.localTeamSigner(in: db))
        for row in try Row.fetchAll(db, sql: """
          SELECT id, name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key
          FROM rounds WHERE seal_public_key IS NULL
          """) {
          let signed = try RoundSignature.sign(Store.bundleRound(row), signer: signer)
          try db.execute(sql: "UPDATE rounds SET team_signature = ? WHERE id = ?", arguments: [signed.teamSignature, row["id"] as Int64])
        }
        let state = try Store.trustState(in: db)
        let certificate = try DeviceCertificate.issue(for: EnrolmentRequest(deviceID: state.deviceID, deviceKey: state.deviceKey),
                                                      team: state.team, issuedAt: "2026-11-28T10:00:00Z", signer: signer)
        try db.execute(sql: "UPDATE device_identity SET certificate = ?", arguments: [certificate.text])
      }
    }
  }

  /// An interview from start to completion, through the same effects the interview screens produce.
  static func complete(_ store: Store, roundID: Int64, receipt: String, random: inout SeededRandom, reflection: String,
                       volunteer: String = "V1") throws {
    let questionnaire = try questionnaire()
    let id = UUID().uuidString.lowercased()
    var answers: [String: AnswerValue] = [:]
    for item in questionnaire.allItems {
      let roll = random.next() % 13
      answers[item.id] = roll == 12 ? .skipped : .score(Int(roll % 11))
    }
    var effects: [InterviewEffect] = [.begin(responseID: id, roundID: roundID, volunteerCode: volunteer, language: .dutch),
                                      .setArea(responseID: id, code: "WK001411")]
    effects += questionnaire.allItems.map { .setAnswer(responseID: id, itemID: $0.id, value: answers[$0.id] ?? .skipped) }
    effects.append(.setReflection(responseID: id, promptID: questionnaire.reflection[0].id, text: reflection))
    try store.apply(effects)
    try store.apply([.complete(responseID: id, receiptCode: receipt, scores: questionnaire.scores(answers: answers),
                               answers: AnswerCodec.pack(answers, items: questionnaire.allItems), demographics: "")])
  }

  static func export(_ store: Store, passphrase: String? = nil) throws -> [UInt8] {
    let bytes = try BundleFormat.encode(try store.bundleContents())
    return try passphrase.map { try BundleSeal.seal(bytes, passphrase: $0, strength: .interactive) } ?? bytes
  }

  /// Reads, checks and imports `bytes` as the import command does.
  @discardableResult
  static func importBundle(_ bytes: [UInt8], into store: Store, passphrase: String? = nil) throws -> BundleImportReport {
    var plain = bytes
    if BundleSeal.isSealed(bytes) { plain = try BundleSeal.open(bytes, passphrase: passphrase ?? "") }
    let checked = try BundleValidator.check(try BundleFormat.decode(plain))
    return try store.importBundle(checked, file: "test.bundle", actor: "test")
  }

  static func responseCount(_ store: Store) throws -> Int {
    try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM responses WHERE status = 'completed'") ?? 0 }
  }

  // MARK: Merging

  @Test func threeLaptopsMergeToTheSameDatabaseInAnyOrderAndAWithdrawalTravels() throws {
    let a = try Self.laptop(seed: 1)
    let b = try Self.laptop(seed: 2)
    let c = try Self.laptop(seed: 3)
    try Self.oneTeam([a.store, b.store, c.store])
    // Laptop B also interviews in a round the others do not have.
    let questionnaire = try Self.questionnaire()
    let extra = try b.store.createRound(name: "Extra B", questionnaire: questionnaire, areaSet: "GM0014", startsOn: "2026-10-01",
                                        endsOn: "2026-12-31", minGroupSize: 5)
    var random = SeededRandom(seed: 99)
    try Self.complete(b.store, roundID: extra, receipt: "BBBB-CCCC", random: &random, reflection: "Extra ronde")
    let a1 = try Self.export(a.store)
    let b1 = try Self.export(b.store)
    let c1 = try Self.export(c.store)
    let perLaptop = 25 + 3
    let everything = 3 * perLaptop + 1

    let first = try Self.importBundle(b1, into: a.store)
    #expect(first.new == perLaptop + 1 && first.alreadyPresent == 0 && first.conflicts.isEmpty)
    #expect(first.createdRounds == ["Extra B"])
    try Self.importBundle(c1, into: a.store)
    try Self.importBundle(c1, into: b.store)
    try Self.importBundle(a1, into: b.store)
    let again = try Self.importBundle(a1, into: b.store)
    #expect(again.new == 0 && again.alreadyPresent == perLaptop && again.withdrawn == 0 && again.conflicts.isEmpty)
    try Self.importBundle(a1, into: c.store)
    try Self.importBundle(b1, into: c.store)
    try Self.importBundle(b1, into: c.store)
    for laptop in [a, b, c] { #expect(try Self.responseCount(laptop.store) == everything) }
    let merged = try a.store.canonicalDump()
    #expect(try b.store.canonicalDump() == merged, "B merged the same")
    #expect(try c.store.canonicalDump() == merged, "C merged the same")

    // Imported responses are counted by profiles like local ones: one part-score row per part.
    let round = try #require(try a.store.openRounds().first { $0.name != "Extra B" })
    #expect(try a.store.completedCount(roundID: round.id) == 3 * perLaptop)
    var rows = 0
    try a.store.forEachPartScore(roundID: round.id) { _ in rows += 1 }
    #expect(rows == 3 * perLaptop * questionnaire.parts.count)

    // A resident of laptop A withdraws after A's data reached B and C.
    let code = a.receipts[1]
    let withdrawal = try #require(try a.store.withdraw(receiptCode: code, actor: "test"))
    #expect(withdrawal.reflections == 1)
    #expect(try a.store.withdraw(receiptCode: code, actor: "test") == nil)
    let a2 = try Self.export(a.store)
    let onB = try Self.importBundle(a2, into: b.store)
    #expect(onB.withdrawn == 1 && onB.newWithdrawals == 1)
    try Self.importBundle(a2, into: c.store)
    // An old bundle that still carries the response does not bring it back.
    let old = try Self.importBundle(a1, into: c.store)
    #expect(old.skippedWithdrawn == 1 && old.new == 0)
    try Self.importBundle(c1, into: b.store)

    // Two newcomers merge the same bundles in other orders, repeated, old bundles last.
    let d = try Store.inMemory()
    let e = try Store.inMemory()
    try Self.oneTeam([a.store, d, e])
    try d.importAreas(StoreTests.areas)
    for bundle in [a2, c1, b1, a1, c1, a2] { try Self.importBundle(bundle, into: d) }
    try e.importAreas(StoreTests.areas)
    for bundle in [b1, a1, c1, a2, b1, a1] { try Self.importBundle(bundle, into: e) }

    let final = try a.store.canonicalDump()
    for store in [b.store, c.store, d, e] {
      let dump = try store.canonicalDump()
      // Compared as lines (and counted) so a failure names the few rows that differ.
      #expect(dump.count == final.count)
      #expect(Set(dump).symmetricDifference(final).sorted().prefix(4) == [])
      #expect(try Self.responseCount(store) == everything - 1)
      let ids = try store.responseIDs()
      #expect(Set(ids).count == ids.count, "no duplicates")
      #expect(try store.tombstones().map { $0.responseID } == [withdrawal.responseID])
      #expect(try store.response(id: withdrawal.responseID) == nil)
    }
    #expect(!final.contains { $0.contains(withdrawal.responseID) && !$0.hasPrefix("tombstone|") })
    #expect(!final.contains { $0.contains("in_progress") }, "interviews in progress never travel")
    #expect(try a.store.auditLog().contains { $0.action == "withdraw" })
    #expect(try b.store.auditLog().filter { $0.action == "bundle-import" }.count == 5)
  }

  @Test func theEarliestOfTwoWithdrawalsOfOneResponseWinsOnEveryLaptop() throws {
    let a = try Self.laptop(seed: 20, demo: 0, interviews: 1)
    var early = try a.store.bundleContents()
    let id = early.responses[0].id
    early.responses = []
    var late = early
    let code = a.receipts[0]
    early.tombstones = [BundleTombstone(responseID: id, withdrawnAt: "2026-11-20T10:00:00Z", deviceID: "laptop-b", receiptCode: code)]
    late.tombstones = [BundleTombstone(responseID: id, withdrawnAt: "2026-11-21T10:00:00Z", deviceID: "laptop-c", receiptCode: code)]
    let one = try Store.inMemory()
    let other = try Store.inMemory()
    for (store, order) in [(one, [early, late]), (other, [late, early, late])] {
      try store.importAreas(StoreTests.areas)
      try Self.importBundle(try Self.export(a.store), into: store)
      for contents in order { try Self.importBundle(try BundleFormat.encode(contents), into: store) }
      #expect(try store.tombstones().map { $0.withdrawnAt } == ["2026-11-20T10:00:00Z"])
      #expect(try store.response(id: id) == nil)
    }
    #expect(try one.canonicalDump() == other.canonicalDump())
  }

  @Test func responsesOfARoundPastItsRetentionAreNotBroughtBack() throws {
    let a = try Self.laptop(seed: 21, demo: 2, interviews: 0)
    let old = try a.store.createRound(name: "Voorjaar 2020", questionnaire: try Self.questionnaire(), areaSet: "GM0014",
                                      startsOn: "2020-01-01", endsOn: "2020-06-30", retentionDays: 30)
    var random = SeededRandom(seed: 4)
    try Self.complete(a.store, roundID: old, receipt: "ZZZZ-YYYY", random: &random, reflection: "Oud")
    let b = try Self.laptop(seed: 22, demo: 0, interviews: 0)
    let report = try Self.importBundle(try Self.export(a.store), into: b.store)
    #expect(report.new == 2 && report.skippedExpired == 1)
    #expect(!(try b.store.canonicalDump().joined().contains("ZZZZ-YYYY")))
  }

  @Test func theSameIdWithOtherContentIsAConflictAndNotOverwritten() throws {
    let a = try Self.laptop(seed: 5, demo: 3, interviews: 1)
    let b = try Self.laptop(seed: 6, demo: 0, interviews: 0)
    var contents = try a.store.bundleContents()
    var changed = contents.responses[0]
    changed.volunteerCode = "OTHER"
    let original = try Self.importBundle(try BundleFormat.encode(contents), into: b.store)
    #expect(original.new == 4)
    let before = try b.store.canonicalDump()
    contents.responses = [changed]
    let report = try Self.importBundle(try BundleFormat.encode(contents), into: b.store)
    #expect(report.new == 0 && report.conflicts.map(\.responseID) == [changed.id])
    #expect(try b.store.canonicalDump() == before)

    // Another response under a receipt hash this database already has: a copy under a new id.
    var twin = try #require(try a.store.bundleContents().responses.first { $0.receiptHash != nil })
    twin.id = UUID().uuidString.lowercased()
    contents.responses = [twin]
    let clash = try Self.importBundle(try BundleFormat.encode(contents), into: b.store)
    #expect(clash.conflicts.count == 1 && clash.new == 0)
    #expect(try b.store.canonicalDump() == before)
  }

  @Test func aRoundOfTheSameNameWithAnotherQuestionnaireRefusesTheWholeBundle() throws {
    let a = try Self.laptop(seed: 7, demo: 2, interviews: 1)
    let b = try Self.laptop(seed: 8, demo: 2, interviews: 0)
    var contents = try a.store.bundleContents()
    let source = StoreTests.questionnaireYAML.replacingOccurrences(of: "version: 1", with: "version: 9")
    let other = try QuestionnaireParser.parse(source, source: "changed")
    #expect(other.version == 9)
    contents.questionnaires = [BundleQuestionnaire(contentHash: other.contentHash, id: other.id, version: 9, source: source)]
    contents.rounds[0].questionnaireHash = other.contentHash
    for index in contents.responses.indices {
      contents.responses[index].questionnaireHash = other.contentHash
      contents.responses[index].questionnaireVersion = 9
    }
    let before = try b.store.canonicalDump()
    #expect(throws: StoreError.self) { try Self.importBundle(try BundleFormat.encode(contents), into: b.store) }
    #expect(try b.store.canonicalDump() == before)
    #expect(try b.store.auditLog().isEmpty)
  }

  @Test func anUnknownAreaRefusesTheWholeBundle() throws {
    let a = try Self.laptop(seed: 9, demo: 0, interviews: 2)
    let b = try Store.inMemory()
    try b.importAreas(Array(StoreTests.areas.prefix(2)))
    #expect(throws: StoreError.self) { try Self.importBundle(try Self.export(a.store), into: b) }
    #expect(try b.canonicalDump().isEmpty)
  }

  @Test func theLanguageStatusTravelsAndACraftedOneIsRefused() throws {
    let a = try Self.laptop(seed: 12, demo: 0, interviews: 2)
    try a.store.writer.write { db in
      try db.execute(sql: "UPDATE responses SET language_status = 'concept' WHERE id = (SELECT min(id) FROM responses WHERE status = 'completed')")
    }
    let b = try Self.laptop(seed: 13, demo: 0, interviews: 0)
    try Self.importBundle(try Self.export(a.store), into: b.store)
    func statuses(_ store: Store) throws -> [String?] {
      try store.writer.read { db in
        try String?.fetchAll(db, sql: "SELECT language_status FROM responses WHERE status = 'completed' ORDER BY id")
      }
    }
    #expect(try statuses(b.store) == statuses(a.store))
    #expect(try statuses(b.store).contains("concept") && statuses(b.store).contains("built-in"))

    var crafted = try a.store.bundleContents()
    crafted.responses[0].languageStatus = "checked\u{1B}]52;c;cm0gLXJmIH4=\u{07}"
    let c = try Self.laptop(seed: 14, demo: 0, interviews: 0)
    let before = try c.store.canonicalDump()
    #expect(throws: BundleProblem.self) { try BundleValidator.check(try BundleFormat.decode(try BundleFormat.encode(crafted))) }
    #expect(try c.store.canonicalDump() == before)
  }

  @Test func exportSinceATimeTakesLaterResponsesAndEveryWithdrawal() throws {
    let a = try Self.laptop(seed: 10, demo: 4, interviews: 2)
    _ = try a.store.withdraw(receiptCode: a.receipts[0], actor: "test")
    let later = try a.store.bundleContents(since: "2099-01-01T00:00:00Z")
    #expect(later.responses.isEmpty && later.tombstones.count == 1)
    let all = try a.store.bundleContents(since: "2000-01-01T00:00:00Z")
    #expect(all.responses.count == 5)
    #expect(all.responses.allSatisfy { $0.status == "completed" })
    #expect(throws: StoreError.self) { try a.store.bundleContents(rounds: ["Geen ronde"]) }
  }

  // MARK: Damage and encryption

  @Test func aBundleDamagedAtAnyByteOrCutOffIsRefusedAndChangesNothing() throws {
    let a = try Self.laptop(seed: 11, demo: 4, interviews: 2)
    let b = try Self.laptop(seed: 12, demo: 3, interviews: 1)
    let bundle = try Self.export(a.store)
    let before = try b.store.canonicalDump()
    var random = SeededRandom(seed: 2026)
    var refused = 0
    for _ in 0 ..< 400 {
      var damaged = bundle
      let position = Int(random.next() % UInt64(bundle.count))
      damaged[position] ^= UInt8(1 + random.next() % 255)
      do {
        try Self.importBundle(damaged, into: b.store)
        Issue.record("a bundle changed at byte \(position) was accepted")
      } catch is BundleProblem {
        refused += 1
      }
    }
    for _ in 0 ..< 200 {
      let length = Int(random.next() % UInt64(bundle.count))
      do {
        try Self.importBundle(Array(bundle.prefix(length)), into: b.store)
        Issue.record("a bundle cut off at \(length) bytes was accepted")
      } catch is BundleProblem {
        refused += 1
      }
    }
    #expect(refused == 600)
    #expect(try b.store.canonicalDump() == before)
    #expect(try b.store.auditLog().isEmpty)
    #expect(try Self.importBundle(bundle, into: b.store).new == 6, "the undamaged bundle still imports")
  }

  @Test func anEncryptedBundleIsRefusedWhenDamagedCutOffOrWithTheWrongPassphrase() throws {
    let a = try Self.laptop(seed: 13, demo: 2, interviews: 1)
    let b = try Self.laptop(seed: 14, demo: 2, interviews: 0)
    let sealed = try Self.export(a.store, passphrase: "juiste zin")
    let before = try b.store.canonicalDump()
    #expect(throws: BundleProblem.self) { try Self.importBundle(sealed, into: b.store, passphrase: "verkeerde zin") }
    #expect(throws: BundleProblem.self) { try Self.importBundle(sealed, into: b.store, passphrase: "") }
    var random = SeededRandom(seed: 7)
    for round in 0 ..< 20 {
      var damaged = sealed
      // Every part: the clear header (first rounds), the stream header and the ciphertext.
      let position = round < 10 ? round * 6 : Int(random.next() % UInt64(sealed.count))
      damaged[position] ^= UInt8(1 + random.next() % 255)
      #expect(throws: BundleProblem.self, "changed at byte \(position)") {
        try Self.importBundle(damaged, into: b.store, passphrase: "juiste zin")
      }
      let length = Int(random.next() % UInt64(sealed.count))
      #expect(throws: BundleProblem.self, "cut off at \(length)") {
        try Self.importBundle(Array(sealed.prefix(length)), into: b.store, passphrase: "juiste zin")
      }
    }
    #expect(throws: BundleProblem.self) { try Self.importBundle(sealed + [0], into: b.store, passphrase: "juiste zin") }
    #expect(try b.store.canonicalDump() == before)
    #expect(try Self.importBundle(sealed, into: b.store, passphrase: "juiste zin").new == 3)
  }

  @Test func anEncryptedBundleHoldsNoPlainText() throws {
    let a = try Self.laptop(seed: 15, demo: 1, interviews: 1)
    let plain = try Self.export(a.store)
    // The same bundle sealed (two exports could differ in their creation time's second).
    let sealed = try BundleSeal.seal(plain, passphrase: "zin", strength: .interactive)
    let needle = Array("Kardingerplas".utf8)
    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
      haystack.count >= needle.count && (0 ... haystack.count - needle.count).contains { Array(haystack[$0 ..< $0 + needle.count]) == needle }
    }
    #expect(contains(plain, needle), "the plain bundle carries the reflection")
    #expect(!contains(sealed, needle))
    for field in ["packed_answers", "receipt_code", "positieve-gezondheid", a.receipts[0]] {
      #expect(!contains(sealed, Array(field.utf8)), "\(field) is not readable in the encrypted bundle")
    }
    #expect(try BundleSeal.open(sealed, passphrase: "zin") == plain)
    // Larger than one 64 KiB chunk: several chunks, and still the same bytes back.
    let big = [UInt8](repeating: 65, count: 200_000)
    #expect(try BundleSeal.open(try BundleSeal.seal(big, passphrase: "zin", strength: .interactive), passphrase: "zin") == big)
  }

  /// A bundle written record by record (as `bundle export` writes it, the record lines kept aside until the
  /// signed manifest is made) is the bundle of the same contents, reads back signed and checked, and
  /// encrypted in pieces opens to the same bytes.
  @Test func aBundleStreamedRecordByRecordIsTheBundleOfItsContents() throws {
    let a = try Self.laptop(seed: 21, demo: 40, interviews: 3)
    let now = Self.seedTime.addingTimeInterval(3_600)
    let device = try a.store.bundleSigningDevice()
    var stream = BundleStreamEncoder()
    var lines: [[UInt8]] = []
    let header = try a.store.forEachBundleRecord(now: now) { record in lines.append(try stream.line(for: record)) }
    let head = try stream.head(header, signedBy: device)
    var end = BundleEndLine()
    end.add(head)
    for line in lines { end.add(line) }
    let endLine = end.line()
    let streamed = head + lines.flatMap { $0 } + endLine
    let contents = try a.store.bundleContents(now: now)
    #expect(contents.responses.count == 43 && contents.responses.contains { !$0.reflections.isEmpty })
    #expect(streamed == (try BundleFormat.encode(contents, signedBy: device)))
    #expect(stream.counts == contents.counts && stream.roundNames == contents.rounds.map(\.name))
    let (manifest, read) = try BundleFormat.read(streamed)
    #expect(read == contents)
    #expect(manifest.signature != nil && manifest.certificate != nil)
    #expect(try a.store.verifyTrust(manifest, contents: read, acceptUnsigned: false) == .signed(deviceID: header.deviceID))

    var sealer = try BundleSeal.Sealer(passphrase: "zin", strength: .interactive)
    var sealed = sealer.start
    for piece in [head] + lines + [endLine] { sealed += try sealer.add(piece) }
    sealed += try sealer.finish()
    #expect(BundleSeal.isSealed(sealed))
    #expect(try BundleSeal.open(sealed, passphrase: "zin") == streamed)
    #expect(throws: BundleProblem.self) { try BundleSeal.open(Array(sealed.dropLast()), passphrase: "zin") }
  }

  @Test func withdrawalDeletesTheResponseKeepsOnlyATombstoneAndIsAudited() throws {
    let a = try Self.laptop(seed: 16, demo: 1, interviews: 2)
    let code = a.receipts[0]
    let id = try #require(try a.store.bundleContents().responses.first { $0.receiptLocator == ReceiptCode.locator(of: code) }?.id)
    let withdrawal = try #require(try a.store.withdraw(receiptCode: code, actor: "GT1"))
    #expect(withdrawal.responseID == id)
    #expect(try a.store.response(id: id) == nil)
    let leftovers = try a.store.writer.read { db in
      try Int.fetchOne(db, sql: """
        SELECT (SELECT count(*) FROM reflections WHERE response_id = ?) + (SELECT count(*) FROM part_scores s
          WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.key = s.response_key))
        """, arguments: [id]) ?? -1
    }
    #expect(leftovers == 0)
    #expect(try a.store.tombstones().map { $0.responseID } == [id])
    let entry = try #require(try a.store.auditLog().last)
    #expect(entry.action == "withdraw" && entry.actor == "GT1" && !entry.detail.contains(code))
    #expect(!(try a.store.canonicalDump().joined().contains("Kardingerplas")))
  }
}
