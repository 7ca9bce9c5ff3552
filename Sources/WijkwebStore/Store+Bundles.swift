import Foundation
import GRDB
import WijkwebCore

extension Store {
  /// What a bundle of this laptop holds: the completed responses of `rounds` (every round when empty)
  /// with their reflections and scores, completed at or after `since` (a full UTC time) when given; the
  /// rounds and questionnaires those responses need; and every withdrawal this laptop knows, whatever
  /// `since` says, so a withdrawal keeps travelling. Interviews in progress never travel.
  public func bundleContents(rounds: [String] = [], since: String? = nil, now: Date = Date()) throws -> BundleContents {
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
      var reflections: [String: [BundleReflection]] = [:]
      for row in try Row.fetchAll(db, sql: """
        SELECT f.response_id, f.prompt_id, f.text FROM reflections f JOIN responses r ON r.id = f.response_id
        WHERE r.status = 'completed' AND (? IS NULL OR r.completed_at >= ?) \(roundFilter) ORDER BY f.response_id, f.prompt_id
        """, arguments: filterArguments) {
        // Reviews stay on the machine that made them: a bundle carries reflections as entered.
        reflections[row["response_id"], default: []].append(BundleReflection(promptID: row["prompt_id"], text: row["text"]).unreviewed)
      }
      var scores: [Int64: [String: [Double?]]] = [:]
      for row in try Row.fetchAll(db, sql: """
        SELECT s.response_key, s.part_id, \(Dimension.allCases.map { "s.\($0.key)" }.joined(separator: ", "))
        FROM part_scores s JOIN responses r ON r.key = s.response_key
        WHERE r.status = 'completed' AND (? IS NULL OR r.completed_at >= ?) \(roundFilter)
        """, arguments: filterArguments) {
        scores[row["response_key"], default: [:]][row["part_id"]] = Dimension.allCases.map { row[$0.key] as Double? }
      }
      // Each record travels with the signature of the device where it was made (or the team's), unchanged.
      let signer = try Self.deviceSigner(in: db)
      let responses = try Row.fetchAll(db, sql: """
        SELECT r.key, \(Self.bundleResponseColumns), r.record_signature, r.record_signer FROM responses r JOIN rounds rd ON rd.id = r.round_id
        WHERE r.status = 'completed' AND (? IS NULL OR r.completed_at >= ?) \(roundFilter) ORDER BY r.id
        """, arguments: filterArguments).map { row in
        try Self.withRecordSignature(Self.bundleResponse(row, scores: scores[row["key"]] ?? [:], reflections: reflections[row["id"]] ?? []),
                                     row, holder: deviceID, signer: signer)
      }
      var roundNames = rounds
      for response in responses where !roundNames.contains(response.round) { roundNames.append(response.round) }
      let bundleRounds = try roundNames.sorted().compactMap { name in
        try Row.fetchOne(db, sql: """
          SELECT name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key,
            team_signature
          FROM rounds WHERE name = ?
          """, arguments: [name]).map(Self.bundleRound)
      }
      let questionnaires = try Set(bundleRounds.map(\.questionnaireHash)).sorted().compactMap { hash in
        try Row.fetchOne(db, sql: "SELECT content_hash, id, version, source FROM questionnaires WHERE content_hash = ?",
                         arguments: [hash]).map { row in
          BundleQuestionnaire(contentHash: row["content_hash"], id: row["id"], version: row["version"], source: row["source"])
        }
      }
      // Only withdrawals proven with the receipt code travel; those of before receipt hashes stay here.
      let tombstones = try Row.fetchAll(db, sql: """
        SELECT response_id, withdrawn_at, device_id, receipt_code, record_signature FROM tombstones WHERE receipt_code IS NOT NULL
        ORDER BY response_id
        """).map { row in
          let tombstone = BundleTombstone(responseID: row["response_id"], withdrawnAt: row["withdrawn_at"], deviceID: row["device_id"],
                                          receiptCode: row["receipt_code"], signature: row["record_signature"])
          // Entered here before record signatures: this device signs it now.
          return tombstone.signature == nil && tombstone.deviceID == deviceID ? try RecordSignature.sign(tombstone, by: signer) : tombstone
        }
      let origins = Set(responses.compactMap(RecordSignature.signingDevice) + tombstones.map(\.deviceID))
      var contents = BundleContents(deviceID: deviceID, createdAt: Self.timestamp(now), since: since, questionnaires: questionnaires,
                                    rounds: bundleRounds, responses: responses, tombstones: tombstones,
                                    revocations: try Self.trustState(in: db).revocations)
      contents.certificates = try Self.recordCertificates(in: db).filter { origins.contains($0.deviceID) }
      return contents
    }
  }

  /// Records in the audit log that `contents` was written to `file`.
  public func recordBundleExport(_ contents: BundleContents, file: String, encrypted: Bool, actor: String, now: Date = Date()) throws {
    let counts = contents.counts
    try audit("bundle-export", detail: """
      \(file): \(counts.responses) responses, \(counts.reflections) reflections, \(counts.tombstones) withdrawals\
      \(contents.since.map { " since \($0)" } ?? "")\(encrypted ? ", encrypted" : "")
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
