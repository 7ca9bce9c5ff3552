import GRDB
import WijkwebCore

extension Store {
  /// Groups of completed responses that look like one interview stored under several ids: the same
  /// device, round, start time and content (answers, demographics and area; for sealed responses, which
  /// cannot be compared, the same completion time). Each group's ids are sorted; groups by their first id.
  /// Only `ids`' groups when given.
  public func suspectedDuplicates(among ids: Set<String>? = nil) throws -> [[String]] {
    try writer.read { db in try Self.suspectedDuplicates(among: ids, in: db) }
  }

  static func suspectedDuplicates(among ids: Set<String>?, in db: Database) throws -> [[String]] {
    let rows = try Row.fetchAll(db, sql: """
      SELECT group_concat(id, ' ') AS ids FROM (
        SELECT id, device_id, round_id, started_at, area_code, packed_answers, packed_demographics,
          CASE WHEN sealed IS NULL THEN '' ELSE completed_at END AS sealed_at
        FROM responses WHERE status = 'completed' ORDER BY id)
      GROUP BY device_id, round_id, started_at, area_code, packed_answers, packed_demographics, sealed_at
      HAVING count(*) > 1
      """)
    let groups = rows.map { (($0["ids"] as String?) ?? "").split(separator: " ").map(String.init).sorted() }
    return groups.filter { group in ids.map { !$0.isDisjoint(with: group) } ?? true }.sorted { $0[0] < $1[0] }
  }
}
