import GRDB
import WijkwebCore

extension Store {
  /// Streams the completed responses of a round to an export, in one read snapshot.
  ///
  /// `begin` gets the number of responses that follow (SPSS needs it in the file header); then `body`
  /// gets each response, by area code and then in the order stored, one at a time from a database
  /// cursor, so memory stays bounded whatever the round's size. With `includeText`, each record carries
  /// the publishable reflections and dialogue answers only (the redacted copy where the reviewer made one)
  /// with the reviewer's dimension tags; otherwise no text.
  /// Responses still sealed to the team key are left out (`sealedCount` says how many).
  public func forEachExportRecord(
    roundID: Int64, partIDs: [String], includeText: Bool,
    begin: (Int) throws -> Void, _ body: (ResponseRecord) throws -> Void
  ) throws {
    try writer.read { db in
      let count = try Int.fetchOne(db, sql: """
        SELECT count(*) FROM responses WHERE round_id = ? AND status = 'completed' AND sealed IS NULL
        """, arguments: [roundID]) ?? 0
      try begin(count)
      // Responses by area code, then in stored order, each followed by its part score rows (none when it has
      // no scores). This is the order of the index on (round_id, status, area_code, key): no sort, no temporary
      // B-tree, so the first row arrives at once and memory stays flat.
      let statement = try db.makeStatement(sql: """
        SELECT r.key, r.id, r.area_code, r.completed_at, r.packed_answers, r.packed_demographics, s.part_id,
          \(Dimension.allCases.map { "s." + $0.key }.joined(separator: ", "))
        FROM responses r LEFT JOIN part_scores s ON s.response_key = r.key
        WHERE r.round_id = ? AND r.status = 'completed' AND r.sealed IS NULL
        ORDER BY r.area_code, r.key
        """)
      let texts = includeText ? try db.makeStatement(sql: """
        SELECT prompt_id, CASE review_status WHEN 'publishable_edited' THEN redacted_text ELSE text END, dimensions
        FROM reflections WHERE response_id = ? AND review_status IN ('publishable', 'publishable_edited')
        """) : nil
      let partIndex = Dictionary(partIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      let cursor = try Row.fetchCursor(statement, arguments: [roundID])
      var current: (key: Int64, record: ResponseRecord)?
      func finish() throws {
        guard var record = current?.record else { return }
        if let texts {
          let rows = try Row.fetchCursor(texts, arguments: [record.id])
          while let row = try rows.next() {
            if let text: String = row[1], !text.isEmpty {
              record.texts[row[0]] = text
              if let tags: String = row[2], !tags.isEmpty { record.tags[row[0]] = tags }
            }
          }
        }
        try body(record)
      }
      while let row = try cursor.next() {
        let key: Int64 = row[0]
        if current?.key != key {
          try finish()
          current = (key, ResponseRecord(
            id: row[1], areaCode: row[2], completedAt: row[3], packedAnswers: row[4] ?? "", packedDemographics: row[5] ?? "",
            partScores: Array(repeating: Array(repeating: nil, count: Dimension.allCases.count), count: partIDs.count)))
        }
        if let partID: String = row[6], let part = partIndex[partID] {
          for index in 0 ..< Dimension.allCases.count { current?.record.partScores[part][index] = row[7 + index] }
        }
      }
      try finish()
    }
  }

  /// The longest publishable reflection per prompt id in a round, in UTF-8 bytes (SPSS string widths).
  public func publishableTextWidths(roundID: Int64) throws -> [String: Int] {
    try writer.read { db in
      var widths: [String: Int] = [:]
      let rows = try Row.fetchCursor(db, sql: """
        SELECT f.prompt_id, max(length(CAST(CASE f.review_status WHEN 'publishable_edited' THEN f.redacted_text ELSE f.text END AS BLOB)))
        FROM reflections f JOIN responses r ON r.id = f.response_id
        WHERE r.round_id = ? AND r.status = 'completed' AND f.review_status IN ('publishable', 'publishable_edited')
        GROUP BY f.prompt_id
        """, arguments: [roundID])
      while let row = try rows.next() { widths[row[0]] = row[1] ?? 0 }
      return widths
    }
  }
}
