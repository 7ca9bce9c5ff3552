import Foundation
import WijkwebCore

/// What `export responses` reads from the central database, through the de-identified views of schema
/// `wijkweb_research` only (a researcher's rights; an admin has them too): the server's response number
/// instead of the response id, the day instead of the time, publishable text only.
public enum CentralResearchData {
  public static func rounds(on connection: Connection) throws -> [CentralRound] {
    try connection.query("""
      SELECT round_number, name, questionnaire_id, questionnaire_hash, to_char(starts_on, 'YYYY-MM-DD'), status, min_group_size
      FROM wijkweb_research.rounds ORDER BY starts_on DESC, round_number DESC
      """).map { row in
      CentralRound(id: Int64(row[0] ?? "") ?? 0, name: row[1] ?? "", questionnaireID: row[2] ?? "", questionnaireHash: row[3] ?? "",
                   startsOn: row[4] ?? "", status: row[5] ?? "", minGroupSize: Int(row[6] ?? "") ?? 10)
    }
  }

  /// All areas, parents before children (without aliases: the views leave them out).
  public static func areas(on connection: Connection) throws -> [Area] {
    try connection.query("SELECT code, level, name, parent_code FROM wijkweb_research.areas").compactMap { row in
      guard let code = row[0], let level = row[1].flatMap(AreaLevel.init(rawValue:)) else { return nil }
      return Area(code: code, level: level, name: row[2] ?? "", parentCode: row[3])
    }
    .sorted { ($0.level, $0.code) < ($1.level, $1.code) }
  }

  /// The questionnaire file of a round and the round's name.
  public static func questionnaireSource(roundID: Int64, on connection: Connection) throws -> (source: String, round: String) {
    guard let row = try connection.query("""
      SELECT q.source, r.name FROM wijkweb_research.rounds r JOIN wijkweb_research.questionnaires q USING (questionnaire_hash)
      WHERE r.round_number = $1::bigint
      """, [String(roundID)]).first, let source = row[0] else {
      throw CentralError("The central database has no round with id \(roundID).")
    }
    return (source, row[1] ?? "")
  }

  /// The sealed responses of one round or of all (the views never show them).
  public static func sealedCount(roundID: Int64?, on connection: Connection) throws -> Int {
    let rows = try connection.query("""
      SELECT coalesce(sum(sealed_responses), 0) FROM wijkweb_research.rounds WHERE $1::bigint IS NULL OR round_number = $1::bigint
      """, [roundID.map(String.init)])
    return Int((rows.first?.first ?? nil) ?? "") ?? 0
  }

  /// The longest publishable text per prompt id of a round, in UTF-8 bytes.
  public static func publishableTextWidths(roundID: Int64, on connection: Connection) throws -> [String: Int] {
    var widths: [String: Int] = [:]
    for row in try connection.query("""
      SELECT f.prompt_id, max(octet_length(f.text)) FROM wijkweb_research.reflections f
      JOIN wijkweb_research.rounds r ON r.name = f.round WHERE r.round_number = $1::bigint GROUP BY f.prompt_id
      """, [String(roundID)]) {
      if let prompt = row[0] { widths[prompt] = Int(row[1] ?? "") ?? 0 }
    }
    return widths
  }

  /// The readable responses of a round by area code (no area first, as SQLite sorts), then by response
  /// number, each with its part scores, in one snapshot; `begin` gets their number first.
  public static func forEachExportRecord(roundID: Int64, partIDs: [String], includeText: Bool, on connection: Connection,
                                         begin: (Int) throws -> Void, _ body: (ResponseRecord) throws -> Void) throws {
    try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    do {
      guard let round = try connection.query("SELECT name FROM wijkweb_research.rounds WHERE round_number = $1::bigint",
                                             [String(roundID)]).first?.first ?? nil else {
        throw CentralError("The central database has no round with id \(roundID).")
      }
      let count = try connection.query("SELECT count(*) FROM wijkweb_research.responses WHERE round = $1", [round])
      try begin(Int((count.first?.first ?? nil) ?? "") ?? 0)
      // Publishable texts by response number: only what a reviewer passed, so few.
      var texts: [String: [(prompt: String, text: String, tags: String)]] = [:]
      if includeText {
        for row in try connection.query("SELECT response_key, prompt_id, text, dimensions FROM wijkweb_research.reflections WHERE round = $1",
                                        [round]) {
          guard let key = row[0], let prompt = row[1], let text = row[2], !text.isEmpty else { continue }
          texts[key, default: []].append((prompt, text, row[3] ?? ""))
        }
      }
      let partIndex = Dictionary(partIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      let dimensions = WijkwebCore.Dimension.allCases.count
      var current: (key: String, record: ResponseRecord)?
      func finish() throws {
        guard var record = current?.record else { return }
        for text in texts[record.id] ?? [] {
          record.texts[text.prompt] = text.text
          if !text.tags.isEmpty { record.tags[text.prompt] = text.tags }
        }
        try body(record)
      }
      try connection.forEachRow("""
        SELECT r.response_key, r.area_code, to_char(r.completed_on, 'YYYY-MM-DD'), r.packed_answers, r.packed_demographics, s.part_id,
          \(WijkwebCore.Dimension.allCases.map { "s." + $0.key }.joined(separator: ", "))
        FROM wijkweb_research.responses r LEFT JOIN wijkweb_research.part_scores s ON s.response_key = r.response_key
        WHERE r.round = $1 ORDER BY r.area_code NULLS FIRST, r.response_key, s.part_id
        """, [round]) { row in
        let key = row[0] ?? ""
        if current?.key != key {
          try finish()
          current = (key, ResponseRecord(
            id: key, areaCode: row[1], completedAt: row[2], packedAnswers: row[3] ?? "", packedDemographics: row[4] ?? "",
            partScores: Array(repeating: Array(repeating: nil, count: dimensions), count: partIDs.count)))
        }
        if let partID = row[5], let part = partIndex[partID] {
          for index in 0 ..< dimensions { current?.record.partScores[part][index] = row[6 + index].flatMap(Double.init) }
        }
      }
      try finish()
      try connection.execute("COMMIT")
    } catch {
      _ = try? connection.execute("ROLLBACK")
      throw error
    }
  }
}
