import Foundation

/// A reflection on the central database as the reviewer sees it.
public struct CentralReviewItem: Hashable, Sendable {
  public var responseID, promptID, roundName, areaName, text, status: String
  public var redactedText: String?
  public var dimensions: String
}

/// Review on the central database with the login's rights: a team reads and updates only the reflections
/// of its own gebieden (row-level security), and every decision is in the audit log (a trigger).
public enum CentralReview {
  public static func items(roundID: Int64?, all: Bool, on connection: Connection) throws -> [CentralReviewItem] {
    try connection.query("""
      SELECT f.response_id, f.prompt_id, f.text, f.review_status, f.redacted_text, f.dimensions, rd.name, coalesce(a.name, '?')
      FROM wijkweb.reflections f JOIN wijkweb.responses p ON p.id = f.response_id JOIN wijkweb.rounds rd ON rd.id = p.round_id
      LEFT JOIN wijkweb.areas a ON a.code = p.area_code
      WHERE ($1::bigint IS NULL OR p.round_id = $1::bigint) AND ($2::boolean OR f.review_status = 'unreviewed')
        AND f.prompt_id NOT LIKE 'focus.%'
      ORDER BY p.completed_at, p.key, f.prompt_id
      """, [roundID.map(String.init), all ? "true" : "false"]).map { row in
      CentralReviewItem(responseID: row[0] ?? "", promptID: row[1] ?? "", roundName: row[6] ?? "", areaName: row[7] ?? "?",
                        text: row[2] ?? "", status: row[3] ?? "unreviewed", redactedText: row[4], dimensions: row[5] ?? "")
    }
  }

  /// Stores a decision; false when the login may not see the reflection (nothing changed).
  @discardableResult
  public static func save(responseID: String, promptID: String, status: String, redactedText: String?, dimensions: String,
                          reviewer: String, on connection: Connection) throws -> Bool {
    !(try connection.query("""
      UPDATE wijkweb.reflections SET review_status = $1, redacted_text = $2, dimensions = $3, reviewed_at = now(), reviewer = $4
      WHERE response_id = $5 AND prompt_id = $6 RETURNING 1
      """, [status, redactedText, dimensions, reviewer, responseID, promptID])).isEmpty
  }
}
