import Foundation
import GRDB
import WijkwebCore

extension Store {
  /// What a bundle of this laptop holds: the completed responses of `rounds` (every round when empty)
  /// with their reflections and scores, completed at or after `since` (a full UTC time) when given; the
  /// rounds and questionnaires those responses need; and every withdrawal this laptop knows, whatever
  /// `since` says, so a withdrawal keeps travelling. Interviews in progress never travel.
  public func bundleContents(rounds: [String] = [], since: String? = nil, now: Date = Date()) throws -> BundleContents {
    var contents = BundleContents(deviceID: "", createdAt: "")
    let header = try forEachBundleRecord(rounds: rounds, since: since, now: now) { record in
      switch record {
      case .questionnaire(let questionnaire): contents.questionnaires.append(questionnaire)
      case .round(let round): contents.rounds.append(round)
      case .response(let response): contents.responses.append(response)
      case .tombstone(let tombstone): contents.tombstones.append(tombstone)
      }
    }
    contents.deviceID = header.deviceID
    contents.createdAt = header.createdAt
    contents.since = header.since
    contents.revocations = header.revocations
    contents.certificates = header.certificates
    return contents
  }

  /// The records of `bundleContents`, one at a time in the order a bundle holds them (questionnaires,
  /// rounds, responses by id, withdrawals by response id), read in one transaction without holding them:
  /// memory does not grow with the number of responses. Returns what the manifest says besides them.
  public func forEachBundleRecord(rounds: [String] = [], since: String? = nil, now: Date = Date(),
                                  _ body: (BundleRecord) throws -> Void) throws -> BundleHeader {
    try writer.read { db in
      let deviceID = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device_id'") ?? ""
      var roundIDs: [Int64] = []
      for name in rounds {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM rounds WHERE name = ?", arguments: [name]) else {
          throw StoreError("There is no round \"\(name)\"; `wijkweb round list` shows them.")
        }
        roundIDs.append(id)
      }
      let roundFilter = roundIDs.isEmpty ? "" : "AND r.round_id IN (\(roundIDs.map { _ in "?" }.joined(separator: ", ")))"
      let filterArguments = StatementArguments([since, since]) + StatementArguments(roundIDs)
      // The rounds asked for and those of the responses that travel, then their questionnaires.
      var roundNames = Set(rounds)
      roundNames.formUnion(try String.fetchAll(db, sql: """
        SELECT DISTINCT rd.name FROM responses r JOIN rounds rd ON rd.id = r.round_id
        WHERE r.status = 'completed' AND (? IS NULL OR r.completed_at >= ?) \(roundFilter)
        """, arguments: filterArguments))
      let bundleRounds = try roundNames.sorted().compactMap { name in
        try Row.fetchOne(db, sql: """
          SELECT name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key,
            team_signature
          FROM rounds WHERE name = ?
          """, arguments: [name]).map(Self.bundleRound)
      }
      for hash in Set(bundleRounds.map(\.questionnaireHash)).sorted() {
        if let row = try Row.fetchOne(db, sql: "SELECT content_hash, id, version, source FROM questionnaires WHERE content_hash = ?",
                                      arguments: [hash]) {
          try body(.questionnaire(BundleQuestionnaire(contentHash: row["content_hash"], id: row["id"], version: row["version"],
                                                      source: row["source"])))
        }
      }
      for round in bundleRounds { try body(.round(round)) }
      // Each record travels with the signature of the device where it was made (or the team's), unchanged.
      let signer = try Self.deviceSigner(in: db)
      let scoreStatement = try db.makeStatement(sql: """
        SELECT part_id, \(Dimension.allCases.map(\.key).joined(separator: ", ")) FROM part_scores WHERE response_key = ?
        """)
      let reflectionStatement = try db.makeStatement(sql: "SELECT prompt_id, text FROM reflections WHERE response_id = ? ORDER BY prompt_id")
      var origins = Set<String>()
      let responses = try Row.fetchCursor(db, sql: """
        SELECT r.key, \(Self.bundleResponseColumns), r.record_signature, r.record_signer FROM responses r JOIN rounds rd ON rd.id = r.round_id
        WHERE r.status = 'completed' AND (? IS NULL OR r.completed_at >= ?) \(roundFilter) ORDER BY r.id
        """, arguments: filterArguments)
      while let row = try responses.next() {
        var scores: [String: [Double?]] = [:]
        let scoreRows = try Row.fetchCursor(scoreStatement, arguments: [row["key"] as Int64])
        while let score = try scoreRows.next() {
          scores[score[0]] = Dimension.allCases.indices.map { score[$0 + 1] as Double? }
        }
        var reflections: [BundleReflection] = []
        let reflectionRows = try Row.fetchCursor(reflectionStatement, arguments: [row["id"] as String])
        while let reflection = try reflectionRows.next() {
          // Reviews stay on the machine that made them: a bundle carries reflections as entered.
          reflections.append(BundleReflection(promptID: reflection[0], text: reflection[1]).unreviewed)
        }
        let response = try Self.withRecordSignature(Self.bundleResponse(row, scores: scores, reflections: reflections), row,
                                                    holder: deviceID, signer: signer)
        if let origin = RecordSignature.signingDevice(response) { origins.insert(origin) }
        try body(.response(response))
      }
      // Only withdrawals proven with the receipt code travel; those of before receipt hashes stay here.
      let tombstones = try Row.fetchCursor(db, sql: """
        SELECT response_id, withdrawn_at, device_id, receipt_code, record_signature FROM tombstones WHERE receipt_code IS NOT NULL
        ORDER BY response_id
        """)
      while let row = try tombstones.next() {
        var tombstone = BundleTombstone(responseID: row["response_id"], withdrawnAt: row["withdrawn_at"], deviceID: row["device_id"],
                                        receiptCode: row["receipt_code"], signature: row["record_signature"])
        // Entered here before record signatures: this device signs it now.
        if tombstone.signature == nil && tombstone.deviceID == deviceID { tombstone = try RecordSignature.sign(tombstone, by: signer) }
        origins.insert(tombstone.deviceID)
        try body(.tombstone(tombstone))
      }
      return BundleHeader(deviceID: deviceID, createdAt: Self.timestamp(now), since: since,
                          revocations: try Self.trustState(in: db).revocations,
                          certificates: try Self.recordCertificates(in: db).filter { origins.contains($0.deviceID) })
    }
  }

  /// Records in the audit log that `contents` was written to `file`.
  public func recordBundleExport(_ contents: BundleContents, file: String, encrypted: Bool, actor: String, now: Date = Date()) throws {
    try recordBundleExport(counts: contents.counts, since: contents.since, file: file, encrypted: encrypted, actor: actor, now: now)
  }

  /// Records in the audit log that a bundle of `counts` was written to `file`.
  public func recordBundleExport(counts: BundleCounts, since: String?, file: String, encrypted: Bool, actor: String,
                                 now: Date = Date()) throws {
    try audit("bundle-export", detail: """
      \(file): \(counts.responses) responses, \(counts.reflections) reflections, \(counts.tombstones) withdrawals\
      \(since.map { " since \($0)" } ?? "")\(encrypted ? ", encrypted" : "")
      """, actor: actor, at: now)
  }

  /// The columns `bundleResponse(_:scores:reflections:)` reads, from `responses r JOIN rounds rd`.
  static let bundleResponseColumns = """
    r.id, rd.name AS round, r.questionnaire_id, r.questionnaire_version, r.questionnaire_hash, r.device_id, r.volunteer_code,
    r.language, r.area_code, r.status, r.started_at, r.completed_at, r.receipt_code, r.packed_answers, r.packed_demographics,
    r.sealed, r.receipt_locator, r.receipt_salt, r.receipt_hash, r.language_status
    """

  /// A stored response as a bundle carries it.
  static func bundleResponse(_ row: Row, scores: [String: [Double?]], reflections: [BundleReflection]) -> BundleResponse {
    BundleResponse(
      id: row["id"], round: row["round"], questionnaireID: row["questionnaire_id"], questionnaireVersion: row["questionnaire_version"],
      questionnaireHash: row["questionnaire_hash"], deviceID: row["device_id"], volunteerCode: row["volunteer_code"],
      language: row["language"], areaCode: row["area_code"], status: row["status"], startedAt: row["started_at"],
      completedAt: row["completed_at"] ?? "", receiptCode: row["receipt_code"], packedAnswers: row["packed_answers"] ?? "",
      packedDemographics: row["packed_demographics"] ?? "", scores: scores, reflections: reflections,
      sealed: (row["sealed"] as Data?).map { $0.base64EncodedString() }, receiptLocator: row["receipt_locator"],
      receiptSalt: (row["receipt_salt"] as Data?).map { $0.base64EncodedString() },
      receiptHash: (row["receipt_hash"] as Data?).map { $0.base64EncodedString() }, languageStatus: row["language_status"])
  }
}
