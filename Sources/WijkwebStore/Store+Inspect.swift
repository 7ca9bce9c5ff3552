import Foundation
import GRDB
import WijkwebCore

/// A completed response as stored: for checks, tests and later for exports.
public struct StoredResponse: Hashable, Sendable {
  public var id: String
  public var areaCode: String?
  public var status: String
  /// What the response keeps of its receipt code (never the code itself).
  public var receipt: ReceiptHash?
  /// The answers of an interview in progress, by statement id.
  public var answers: [String: AnswerValue]
  /// The packed answers of a completed response (`AnswerCodec`), in questionnaire order.
  public var packedAnswers: String?
  public var packedDemographics: String?
  /// The stored dimension scores (answered and total are not stored and read as 0).
  public var scores: [DimensionScore]
}

extension Store {
  /// Counts of responses by status, and the number of answers stored (in progress and packed).
  public func counts() throws -> (completed: Int, inProgress: Int, answers: Int) {
    try writer.read { db in
      let completed = try Int.fetchOne(db, sql: "SELECT count(*) FROM responses WHERE status = 'completed'") ?? 0
      let inProgress = try Int.fetchOne(db, sql: "SELECT count(*) FROM responses WHERE status = 'in_progress'") ?? 0
      let answers = try Int.fetchOne(db, sql: """
        SELECT (SELECT count(*) FROM answers)
          + (SELECT coalesce(sum(length(replace(packed_answers, '.', ''))), 0) FROM responses)
        """) ?? 0
      return (completed, inProgress, answers)
    }
  }

  /// Runs SQLite's integrity check and the foreign key check; returns the problems found (empty when sound).
  public func integrityProblems() throws -> [String] {
    try writer.read { db in
      var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
      let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
      problems += orphans.map { "row \($0[1] as Int64? ?? 0) of \($0[0] as String? ?? "?") points to a missing \($0[2] as String? ?? "?")" }
      return problems
    }
  }

  /// The database's schema version: how many of the migrations, in the order they were registered, are
  /// applied, and the last of them (not the last name in sort order: "v5-sealed" sorts after a later
  /// "v5-in-progress-index").
  public func schemaVersion() throws -> SchemaVersion {
    try writer.read { db in
      let applied = try Schema.migrator().appliedIdentifiers(db)
      return SchemaVersion(applied: Schema.migrator().migrations.filter(applied.contains))
    }
  }

  /// The schema version this program brings every database to.
  public static var programSchemaVersion: SchemaVersion { SchemaVersion(applied: Schema.migrator().migrations) }

  /// One response with its answers and scores.
  public func response(id: String) throws -> StoredResponse? {
    try writer.read { db in
      guard let row = try Row.fetchOne(db, sql: """
        SELECT id, area_code, status, receipt_locator, receipt_salt, receipt_hash, packed_answers, packed_demographics FROM responses WHERE id = ?
        """, arguments: [id]) else {
        return nil
      }
      var answers: [String: AnswerValue] = [:]
      for answer in try Row.fetchAll(db, sql: "SELECT item_id, value FROM answers WHERE response_id = ?", arguments: [id]) {
        let value: Int? = answer["value"]
        answers[answer["item_id"]] = value.map(AnswerValue.score) ?? .skipped
      }
      var scores: [DimensionScore] = []
      for part in try Row.fetchAll(db, sql: "SELECT part_id, \(Store.scoreColumns) FROM part_scores WHERE response_key = (SELECT key FROM responses WHERE id = ?) ORDER BY part_id", arguments: [id]) {
        for dimension in Dimension.allCases {
          scores.append(DimensionScore(partID: part["part_id"], dimension: dimension, score: part[dimension.key], answered: 0, total: 0))
        }
      }
      return StoredResponse(id: row["id"], areaCode: row["area_code"], status: row["status"], receipt: Self.receiptHash(row), answers: answers,
                            packedAnswers: row["packed_answers"], packedDemographics: row["packed_demographics"], scores: scores)
    }
  }

  /// The ids of all responses, newest first.
  public func responseIDs() throws -> [String] {
    try writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM responses ORDER BY started_at DESC, id") }
  }
}

extension Store {
  /// The six dimension scores per part id of the completed response with this receipt code and
  /// questionnaire id (any round), for showing a resident's earlier web; nil when there is none.
  public func earlierWeb(receiptCode: String, questionnaireID: String) throws -> [String: [Double?]]? {
    guard let code = ReceiptCode.normalize(receiptCode) else { return nil }
    return try writer.read { db in
      let candidates = try Row.fetchAll(db, sql: """
        SELECT key, receipt_locator, receipt_salt, receipt_hash FROM responses
        WHERE receipt_locator = ? AND questionnaire_id = ? AND status = 'completed'
        """, arguments: [ReceiptCode.locator(of: code), questionnaireID])
      guard let key = candidates.first(where: { Self.receiptHash($0)?.matches(code) == true })?["key"] as Int64? else { return nil }
      var scores: [String: [Double?]] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT part_id, \(Self.scoreColumns) FROM part_scores WHERE response_key = ?", arguments: [key]) {
        scores[row[0]] = (1 ... 6).map { row[$0] as Double? }
      }
      return scores.isEmpty ? nil : scores
    }
  }
}

extension Store {
  /// The receipt hash of a row with `receipt_locator`, `receipt_salt` and `receipt_hash`.
  static func receiptHash(_ row: Row) -> ReceiptHash? {
    guard let locator = row["receipt_locator"] as String?, let salt = row["receipt_salt"] as Data?,
          let hash = row["receipt_hash"] as Data? else { return nil }
    return ReceiptHash(locator: locator, salt: [UInt8](salt), hash: [UInt8](hash))
  }

  /// The id of the completed response whose receipt hash `code` (normalised) proves, if any.
  static func responseID(provenBy code: String, in db: Database) throws -> String? {
    let candidates = try Row.fetchAll(try db.cachedStatement(sql: """
      SELECT id, receipt_locator, receipt_salt, receipt_hash FROM responses WHERE receipt_locator = ? AND status = 'completed'
      """), arguments: [ReceiptCode.locator(of: code)])
    return candidates.first { receiptHash($0)?.matches(code) == true }?["id"]
  }
}
