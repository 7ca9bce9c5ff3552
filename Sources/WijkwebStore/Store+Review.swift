import Foundation
import GRDB
import WijkwebCore

/// A reflection as the reviewer sees it: the text, where it comes from, and its review so far.
public struct ReviewItem: Hashable, Sendable {
  public var responseID: String
  public var promptID: String
  public var roundName: String
  public var areaName: String
  public var text: String
  public var status: ReviewStatus
  public var redactedText: String?
  public var dimensions: [WijkwebCore.Dimension]
  /// Whether the personal-data check flagged the text during the interview (kept anyway).
  public var flaggedPersonalData = false

  public init(responseID: String, promptID: String, roundName: String, areaName: String, text: String, status: ReviewStatus,
              redactedText: String?, dimensions: [WijkwebCore.Dimension], flaggedPersonalData: Bool = false) {
    (self.responseID, self.promptID, self.roundName, self.areaName, self.text) = (responseID, promptID, roundName, areaName, text)
    (self.status, self.redactedText, self.dimensions, self.flaggedPersonalData) = (status, redactedText, dimensions, flaggedPersonalData)
  }
}

/// What the reviewer decided about a reflection.
public enum ReviewStatus: String, Sendable, CaseIterable {
  case unreviewed
  case publishable
  case notPublishable = "not_publishable"
  case publishableEdited = "publishable_edited"
}

extension Store {
  /// The reflections of completed responses to review, oldest first: only unreviewed ones unless `all`.
  public func reviewItems(roundID: Int64?, all: Bool) throws -> [ReviewItem] {
    try writer.read { db in
      try Row.fetchAll(db, sql: """
        SELECT f.response_id, f.prompt_id, f.text, f.review_status, f.redacted_text, f.dimensions, f.personal_data, r.name AS round_name,
          coalesce(a.name, '?') AS area_name
        FROM reflections f JOIN responses p ON p.id = f.response_id JOIN rounds r ON r.id = p.round_id
        LEFT JOIN areas a ON a.code = p.area_code
        WHERE p.status = 'completed' AND (? IS NULL OR p.round_id = ?) AND (? OR f.review_status = 'unreviewed')
          AND f.prompt_id NOT LIKE 'focus.%'
        ORDER BY p.completed_at, p.key, f.prompt_id
        """, arguments: [roundID, roundID, all]).map { row in
        let dimensions: String = row["dimensions"]
        return ReviewItem(
          responseID: row["response_id"], promptID: row["prompt_id"], roundName: row["round_name"], areaName: row["area_name"],
          text: row["text"], status: ReviewStatus(rawValue: row["review_status"]) ?? .unreviewed, redactedText: row["redacted_text"],
          dimensions: dimensions.split(separator: ",").compactMap { WijkwebCore.Dimension(rawValue: String($0)) },
          flaggedPersonalData: (row["personal_data"] as Int?) == 1)
      }
    }
  }

  /// Stores a review decision and records it in the audit log (without the text).
  public func saveReview(_ item: ReviewItem, reviewer: String, now: Date = Date()) throws {
    try writer.write { db in
      try db.execute(sql: """
        UPDATE reflections SET review_status = ?, redacted_text = ?, dimensions = ?, reviewed_at = ?, reviewer = ?
        WHERE response_id = ? AND prompt_id = ?
        """, arguments: [item.status.rawValue, item.status == .publishableEdited ? item.redactedText : nil,
                         item.dimensions.map(\.key).joined(separator: ","), Self.timestamp(now), reviewer,
                         item.responseID, item.promptID])
      try Self.audit("review", detail: "\(item.promptID): \(item.status.rawValue)", actor: reviewer, at: now, in: db)
    }
  }

  /// Publishable quotes for reports: the text or its redacted copy, never unreviewed or unpublishable ones.
  public func publishableQuotes(roundID: Int64) throws -> [(areaCode: String?, dimensions: [WijkwebCore.Dimension], text: String)] {
    try writer.read { db in
      try Row.fetchAll(db, sql: """
        SELECT p.area_code, f.dimensions, CASE f.review_status WHEN 'publishable_edited' THEN f.redacted_text ELSE f.text END AS quote
        FROM reflections f JOIN responses p ON p.id = f.response_id
        WHERE p.round_id = ? AND p.status = 'completed' AND f.review_status IN ('publishable', 'publishable_edited')
        """, arguments: [roundID]).compactMap { row in
        guard let quote: String = row["quote"], !quote.isEmpty else { return nil }
        let dimensions: String = row["dimensions"]
        return (row["area_code"], dimensions.split(separator: ",").compactMap { WijkwebCore.Dimension(rawValue: String($0)) }, quote)
      }
    }
  }
}
