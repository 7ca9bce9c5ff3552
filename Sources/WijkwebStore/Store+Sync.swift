import Foundation
import GRDB
import WijkwebCore

/// What a central database needs from this laptop: its set-up (areas, questionnaires, rounds) and the
/// completed responses and withdrawals it has not confirmed yet (`central_sent`).
public struct CentralSetup: Sendable {
  public var areas: [Area]
  public var questionnaires: [BundleQuestionnaire]
  public var rounds: [BundleRound]
}

extension Store {
  /// The areas, questionnaires and rounds of this laptop (rounds named in `rounds`, every round when empty).
  public func centralSetup(rounds names: [String] = []) throws -> CentralSetup {
    let areas = try areas()
    return try writer.read { db in
      let rounds = try Row.fetchAll(db, sql: """
        SELECT name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key
        FROM rounds ORDER BY id
        """).map { row in
        BundleRound(name: row["name"], questionnaireHash: row["questionnaire_hash"], areaSet: row["area_set"],
                    startsOn: row["starts_on"], endsOn: row["ends_on"], minGroupSize: row["min_group_size"],
                    retentionDays: row["retention_days"], status: row["status"], sealPublicKey: row["seal_public_key"])
      }.filter { names.isEmpty || names.contains($0.name) }
      if let missing = names.first(where: { name in !rounds.contains { $0.name == name } }) {
        throw StoreError("There is no round \"\(missing)\"; `wijkweb round list` shows them.")
      }
      let questionnaires = try Set(rounds.map(\.questionnaireHash)).sorted().compactMap { hash in
        try Row.fetchOne(db, sql: "SELECT content_hash, id, version, source FROM questionnaires WHERE content_hash = ?", arguments: [hash])
          .map { BundleQuestionnaire(contentHash: $0["content_hash"], id: $0["id"], version: $0["version"], source: $0["source"]) }
      }
      return CentralSetup(areas: areas, questionnaires: questionnaires, rounds: rounds)
    }
  }

  /// Up to `limit` completed responses (sealed ones as sealed) that `server` has not confirmed, with ids
  /// after `after`, in id order: a sync walks through them once even when some are refused.
  public func unsentResponses(server: String, after: String?, limit: Int) throws -> [BundleResponse] {
    try writer.read { db in
      let rows = try Row.fetchAll(db, sql: """
        SELECT r.key, \(Self.bundleResponseColumns), r.record_signature, r.record_signer FROM responses r JOIN rounds rd ON rd.id = r.round_id
        WHERE r.status = 'completed' AND r.id > ?
          AND NOT EXISTS (SELECT 1 FROM central_sent c WHERE c.server = ? AND c.kind = 'response' AND c.id = r.id)
        ORDER BY r.id LIMIT ?
        """, arguments: [after ?? "", server, limit])
      let holder = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device_id'") ?? ""
      let signer = try Self.deviceSigner(in: db)
      return try rows.map { row in
        let key: Int64 = row["key"]
        let id: String = row["id"]
        var scores: [String: [Double?]] = [:]
        for score in try Row.fetchAll(db, sql: """
          SELECT part_id, \(Dimension.allCases.map(\.key).joined(separator: ", ")) FROM part_scores WHERE response_key = ?
          """, arguments: [key]) {
          scores[score["part_id"]] = Dimension.allCases.map { score[$0.key] as Double? }
        }
        let reflections = try Row.fetchAll(db, sql: """
          SELECT prompt_id, text, review_status, redacted_text, dimensions, reviewed_at, reviewer
          FROM reflections WHERE response_id = ? ORDER BY prompt_id
          """, arguments: [id]).map { f in
          BundleReflection(promptID: f["prompt_id"], text: f["text"], reviewStatus: f["review_status"], redactedText: f["redacted_text"],
                           dimensions: f["dimensions"], reviewedAt: f["reviewed_at"], reviewer: f["reviewer"])
        }
        // Each response keeps the signature of the device where it was made, as in a bundle.
        return try Self.withRecordSignature(Self.bundleResponse(row, scores: scores, reflections: reflections), row, holder: holder, signer: signer)
      }
    }
  }

  /// The withdrawals `server` has not confirmed, each with its receipt code as proof; those of before
  /// receipt hashes (no code) stay here, as they stay out of bundles.
  public func unsentWithdrawals(server: String) throws -> [BundleTombstone] {
    try writer.read { db in
      try Row.fetchAll(db, sql: """
        SELECT response_id, withdrawn_at, device_id, receipt_code FROM tombstones t
        WHERE receipt_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM central_sent c WHERE c.server = ? AND c.kind = 'withdrawal' AND c.id = t.response_id)
        ORDER BY response_id
        """, arguments: [server]).map {
          BundleTombstone(responseID: $0["response_id"], withdrawnAt: $0["withdrawn_at"], deviceID: $0["device_id"], receiptCode: $0["receipt_code"])
        }
    }
  }

  /// Records that `server` confirmed keeping these responses and withdrawals.
  public func markSent(server: String, responses: [String], withdrawals: [String], now: Date = Date()) throws {
    guard !responses.isEmpty || !withdrawals.isEmpty else { return }
    try writer.write { db in
      let at = Self.timestamp(now)
      for (kind, ids) in [("response", responses), ("withdrawal", withdrawals)] {
        for id in ids {
          try db.execute(sql: "INSERT OR IGNORE INTO central_sent (server, kind, id, confirmed_at) VALUES (?, ?, ?, ?)",
                         arguments: [server, kind, id, at])
        }
      }
    }
  }

  /// How many completed responses and withdrawals `server` has confirmed.
  public func sentCounts(server: String) throws -> (responses: Int, withdrawals: Int) {
    try writer.read { db in
      let responses = try Int.fetchOne(db, sql: "SELECT count(*) FROM central_sent WHERE server = ? AND kind = 'response'", arguments: [server]) ?? 0
      let withdrawals = try Int.fetchOne(db, sql: "SELECT count(*) FROM central_sent WHERE server = ? AND kind = 'withdrawal'", arguments: [server]) ?? 0
      return (responses, withdrawals)
    }
  }
}
