import GRDB
import WijkwebCore

/// A completed response as stored: for checks, tests and later for exports.
public struct StoredResponse: Hashable, Sendable {
  public var id: String
  public var areaCode: String?
  public var status: String
  public var receiptCode: String?
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
      guard let row = try Row.fetchOne(db, sql: "SELECT id, area_code, status, receipt_code, packed_answers, packed_demographics FROM responses WHERE id = ?", arguments: [id]) else {
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
      return StoredResponse(id: row["id"], areaCode: row["area_code"], status: row["status"], receiptCode: row["receipt_code"], answers: answers,
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
      guard let key = try Int64.fetchOne(db, sql: """
        SELECT key FROM responses WHERE receipt_code = ? AND questionnaire_id = ? AND status = 'completed'
        """, arguments: [code, questionnaireID]) else { return nil }
      var scores: [String: [Double?]] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT part_id, \(Self.scoreColumns) FROM part_scores WHERE response_key = ?", arguments: [key]) {
        scores[row[0]] = (1 ... 6).map { row[$0] as Double? }
      }
      return scores.isEmpty ? nil : scores
    }
  }
}
