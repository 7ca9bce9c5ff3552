import Foundation
import GRDB
import Testing
import WijkwebCore
@testable import WijkwebStore

/// Withdrawals need the resident: a tombstone is applied only when its receipt code proves the
/// response's Argon2id receipt hash; the code itself is stored and carried nowhere else.
@Suite struct WithdrawalProofTests {
  @Test func forgedWithdrawalsForEveryResponseOfABundleAreRefusedCountedAndNotForwarded() throws {
    let a = try BundleTests.laptop(seed: 40, demo: 3, interviews: 2)
    let b = try BundleTests.laptop(seed: 41, demo: 0, interviews: 0)
    try BundleTests.importBundle(try BundleTests.export(a.store), into: b.store)
    let before = try b.store.canonicalDump()
    // The attack: a bundle of withdrawals for every response id it saw, without a code or with a guess.
    var crafted = try a.store.bundleContents()
    let ids = crafted.responses.map(\.id)
    crafted.responses = []
    crafted.tombstones = ids.enumerated().map { index, id in
      BundleTombstone(responseID: id, withdrawnAt: "2026-11-20T10:00:00Z", deviceID: "aanvaller",
                      receiptCode: index % 2 == 0 ? nil : "ABCD-EFGH-JKMN-PQRS")
    }
    let report = try BundleTests.importBundle(try BundleFormat.encode(crafted), into: b.store)
    #expect(report.withdrawn == 0 && report.newWithdrawals == 0)
    #expect(report.refusedWithdrawals.count == ids.count)
    let reasons = Dictionary(grouping: report.refusedWithdrawals, by: \.reason).mapValues(\.count)
    #expect(reasons["it carries no receipt code"] == (ids.count + 1) / 2)
    #expect(reasons["its receipt code does not match the response"] == ids.count / 2)
    #expect(try b.store.canonicalDump() == before)
    #expect(try b.store.bundleContents().tombstones.isEmpty, "refused withdrawals never travel further")
    #expect(try b.store.auditLog().last?.detail.contains("\(ids.count) withdrawals refused") == true)
  }

  @Test func theResidentsCodeWithdrawsOnAnyLaptopAndTheWithdrawalTravels() throws {
    let a = try BundleTests.laptop(seed: 42, demo: 2, interviews: 2)
    let b = try BundleTests.laptop(seed: 43, demo: 0, interviews: 0)
    try BundleTests.oneTeam([a.store, b.store])
    try BundleTests.importBundle(try BundleTests.export(a.store), into: b.store)
    // The resident withdraws on laptop B, which only merged the response; the code was never stored.
    #expect(try !b.store.canonicalDump().joined().contains(a.receipts[1]))
    #expect(try b.store.withdraw(receiptCode: "ABCD-EFGH-JKMN-PQRS", actor: "test") == nil)
    let withdrawal = try #require(try b.store.withdraw(receiptCode: a.receipts[1], actor: "test"))
    let bundle = try b.store.bundleContents()
    #expect(bundle.tombstones.map(\.receiptCode) == [a.receipts[1]])
    let report = try BundleTests.importBundle(try BundleFormat.encode(bundle), into: a.store)
    #expect(report.withdrawn == 1 && report.refusedWithdrawals.isEmpty)
    #expect(try a.store.response(id: withdrawal.responseID) == nil)
    #expect(try a.store.canonicalDump() == b.store.canonicalDump())
    // Imported again, the withdrawn response does not come back.
    #expect(try BundleTests.importBundle(try BundleTests.export(a.store), into: b.store).new == 0)
  }

  @Test func aCopyOfAResponseUnderNewIdsIsAConflict() throws {
    let a = try BundleTests.laptop(seed: 44, demo: 0, interviews: 1)
    let b = try BundleTests.laptop(seed: 45, demo: 0, interviews: 0)
    try BundleTests.importBundle(try BundleTests.export(a.store), into: b.store)
    let before = try b.store.canonicalDump()
    var crafted = try a.store.bundleContents()
    let original = crafted.responses[0]
    crafted.responses = (0 ..< 20).map { _ in
      var copy = original
      copy.id = UUID().uuidString.lowercased()
      return copy
    }
    // Twenty copies in one bundle carry one receipt hash twenty times: the bundle is refused.
    #expect(throws: BundleProblem.self) { try BundleTests.importBundle(try BundleFormat.encode(crafted), into: b.store) }
    crafted.responses = [crafted.responses[0]]
    let report = try BundleTests.importBundle(try BundleFormat.encode(crafted), into: b.store)
    #expect(report.new == 0 && report.conflicts.count == 1)
    #expect(try b.store.canonicalDump() == before)
  }

  @Test func aBundleOfThePreviousVersionHasItsCodesHashedOnImport() throws {
    let a = try BundleTests.laptop(seed: 49, demo: 0, interviews: 2)
    var old = try a.store.bundleContents()
    for index in old.responses.indices {
      old.responses[index].receiptLocator = nil
      old.responses[index].receiptSalt = nil
      old.responses[index].receiptHash = nil
      old.responses[index].receiptCode = "K7MP-3QX\(["A", "B"][index])"
    }
    let b = try BundleTests.laptop(seed: 50, demo: 0, interviews: 0)
    #expect(try BundleTests.importBundle(try BundleFormat.encode(old), into: b.store).new == 2)
    #expect(try !b.store.canonicalDump().joined().contains("K7MP-3QXA"))
    #expect(try b.store.withdraw(receiptCode: "K7MP-3QXB", actor: "test")?.responseID == old.responses[1].id)
  }

  @Test func theMigrationHashesTheCodesOfExistingResponsesAndForgetsThem() throws {
    let fresh = try DatabaseQueue()
    try Schema.migrator().migrate(fresh, upTo: "v5-in-progress-index")
    try fresh.write { db in
      try db.execute(sql: """
        INSERT INTO questionnaires (content_hash, id, version, source, installed_at) VALUES ('h', 'q', 1, 'x', '2026-01-01T00:00:00Z');
        INSERT INTO rounds (name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, created_at)
          VALUES ('R', 'h', 'GM0014', '2026-01-01', '2026-12-31', 5, 365, 'open', '2026-01-01T00:00:00Z');
        INSERT INTO responses (id, round_id, questionnaire_id, questionnaire_version, questionnaire_hash, device_id, volunteer_code,
          language, status, started_at, completed_at, receipt_code)
          VALUES ('r1', 1, 'q', 1, 'h', 'd', 'V1', 'nl', 'completed', '2026-01-02T00:00:00Z', '2026-01-02T00:10:00Z', 'K7MP-3QXA');
        """)
    }
    let store = try Store(writer: fresh, path: nil)
    let row = try #require(try store.writer.read { db in
      try Row.fetchOne(db, sql: "SELECT receipt_code, receipt_locator, receipt_hash FROM responses WHERE id = 'r1'")
    })
    #expect(row["receipt_code"] as String? == nil && row["receipt_locator"] as String? == "K7MP")
    #expect((row["receipt_hash"] as Data?)?.count == 32)
    #expect(try store.withdraw(receiptCode: "K7MP-3QXA", actor: "test")?.responseID == "r1")
  }
}

/// Limits and duplicates: what a crafted bundle can make a laptop hold or count.
@Suite struct BundleLimitTests {
  @Test func oneInterviewUnderSeveralIdsIsReportedByImportAndCheck() throws {
    let a = try BundleTests.laptop(seed: 46, demo: 0, interviews: 2)
    let b = try BundleTests.laptop(seed: 47, demo: 0, interviews: 0)
    var crafted = try a.store.bundleContents()
    // A copy under a new id, its receipt hash dropped so it is not caught as a copy of the receipt.
    var copy = crafted.responses[0]
    copy.id = UUID().uuidString.lowercased()
    copy.receiptLocator = nil
    copy.receiptSalt = nil
    copy.receiptHash = nil
    crafted.responses.append(copy)
    let report = try BundleTests.importBundle(try BundleFormat.encode(crafted), into: b.store)
    #expect(report.new == 3)
    #expect(report.suspectedDuplicates == [[crafted.responses[0].id, copy.id].sorted()])
    #expect(try b.store.suspectedDuplicates() == report.suspectedDuplicates)
    #expect(try a.store.suspectedDuplicates().isEmpty)
  }

  @Test func aReflectionOverTheLimitAndARecordOverItsSizeAreRefused() throws {
    let a = try BundleTests.laptop(seed: 48, demo: 0, interviews: 1)
    var crafted = try a.store.bundleContents()
    crafted.responses[0].reflections[0].text = String(repeating: "x", count: BundleValidator.maxReflectionLength + 1)
    #expect(throws: BundleProblem.self) { try BundleValidator.check(crafted) }
    crafted.responses[0].reflections[0].text = String(repeating: "x", count: BundleValidator.maxReflectionLength)
    _ = try BundleValidator.check(crafted)
    crafted.responses[0].volunteerCode = String(repeating: "V", count: BundleFormat.maxRecordBytes)
    do {
      _ = try BundleFormat.decode(try BundleFormat.encode(crafted))
      Issue.record("a record over the size limit was read")
    } catch let problem as BundleProblem {
      #expect(problem.message.contains("a record is at most"))
    }
  }
}

/// Three laptops and a team machine: a resident withdraws on another laptop than the one that interviewed
/// them; whatever order the team imports the bundles in, it ends with the same database.
@Suite struct WithdrawalOrderTests {
  @Test func everyOrderOfImportGivesTheSameDatabase() throws {
    let a = try BundleTests.laptop(seed: 70, demo: 1, interviews: 2)
    let b = try BundleTests.laptop(seed: 71, demo: 1, interviews: 1)
    let c = try BundleTests.laptop(seed: 72, demo: 1, interviews: 1)
    try BundleTests.oneTeam([a.store, b.store, c.store])
    let first = try BundleTests.export(a.store)
    try BundleTests.importBundle(first, into: b.store)
    let withdrawal = try #require(try b.store.withdraw(receiptCode: a.receipts[0], actor: "test"))
    // A's bundle still carries the response; B's carries its withdrawal (and A's other responses).
    let bundles = [first, try BundleTests.export(b.store), try BundleTests.export(c.store)]
    var dumps: [[String]] = []
    for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
      let team = try BundleTests.laptop(seed: 73, demo: 0, interviews: 0)
      try BundleTests.oneTeam([a.store, team.store])
      for index in order { try BundleTests.importBundle(bundles[index], into: team.store) }
      #expect(try team.store.response(id: withdrawal.responseID) == nil, "order \(order)")
      #expect(try team.store.tombstones().map(\.responseID) == [withdrawal.responseID], "order \(order)")
      dumps.append(try team.store.canonicalDump())
    }
    #expect(Set(dumps).count == 1)
  }
}
