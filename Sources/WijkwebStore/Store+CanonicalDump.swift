import Foundation
import GRDB
import WijkwebCore

extension Store {
  /// The data that bundles carry, as sorted text lines that do not depend on the order rows were stored
  /// in (no row keys, no local round ids, no install times): rounds, questionnaires, completed responses
  /// with their part scores and reflections, and withdrawals. Two databases that merged the same bundles
  /// give the same lines.
  public func canonicalDump() throws -> [String] {
    try writer.read { db in
      var lines: [String] = []
      for row in try Row.fetchAll(db, sql: """
        SELECT name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key FROM rounds ORDER BY name
        """) {
        lines.append("round|" + Self.fields(row))
      }
      for row in try Row.fetchAll(db, sql: "SELECT content_hash, id, version FROM questionnaires ORDER BY content_hash") {
        lines.append("questionnaire|" + Self.fields(row))
      }
      for row in try Row.fetchAll(db, sql: """
        SELECT \(Self.bundleResponseColumns) FROM responses r JOIN rounds rd ON rd.id = r.round_id WHERE r.status = 'completed' ORDER BY r.id
        """) {
        lines.append("response|" + Self.fields(row))
      }
      for row in try Row.fetchAll(db, sql: """
        SELECT r.id, s.part_id, s.area_code, rd.name, \(Dimension.allCases.map { "s.\($0.key)" }.joined(separator: ", "))
        FROM part_scores s JOIN responses r ON r.key = s.response_key JOIN rounds rd ON rd.id = s.round_id ORDER BY r.id, s.part_id
        """) {
        lines.append("scores|" + Self.fields(row))
      }
      for row in try Row.fetchAll(db, sql: """
        SELECT response_id, prompt_id, text, review_status, redacted_text, dimensions, reviewed_at, reviewer FROM reflections
        ORDER BY response_id, prompt_id
        """) {
        lines.append("reflection|" + Self.fields(row))
      }
      for row in try Row.fetchAll(db, sql: "SELECT response_id, withdrawn_at, device_id FROM tombstones ORDER BY response_id") {
        lines.append("tombstone|" + Self.fields(row))
      }
      return lines
    }
  }

  /// A row's values joined by `|`, NULL as `∅`.
  static func fields(_ row: Row) -> String {
    row.databaseValues.map { $0.isNull ? "∅" : $0.description }.joined(separator: "|")
  }
}
