import Foundation
import WijkwebCore

/// A round on the central database, as profiles list it.
public struct CentralRound: Hashable, Sendable {
  public var id: Int64
  public var name: String
  public var questionnaireID: String
  public var questionnaireHash: String
  public var startsOn: String
  public var status: String
  public var minGroupSize: Int
}

/// The scores of one area, part, breakdown category, dimension and histogram bin, as the server groups
/// them: how many, and the sum (modulo 2^64) of their responses' record keys.
public struct CentralScoreBin: Hashable, Sendable {
  public var areaCode: String?
  public var partID: String
  public var category: String?
  /// The index in `Dimension.allCases`.
  public var dimension: Int
  /// score × 420 rounded half away from zero, the score clamped into 0...10 (`ScoreAccumulator`'s bins).
  public var binIndex: Int32
  public var count: Int
  public var recordKeySum: UInt64
}

/// The respondents of one area, part and breakdown category (those with at least one score in the part).
public struct CentralRespondents: Hashable, Sendable {
  public var areaCode: String?
  public var partID: String
  public var category: String?
  public var count: Int
  public var recordKeySum: UInt64
}

/// What profiles read from the central database, with the caller's rights (a team sees its own gebieden
/// only: row-level security). The scores of a round arrive grouped by the server (`GROUP BY` per area,
/// part, category, dimension and histogram bin), so a profile of a million responses moves a few
/// thousand rows; the per-row readers serve weighting and the disclosure check.
public enum CentralProfileData {
  public static func rounds(on connection: Connection) throws -> [CentralRound] {
    try connection.query("""
      SELECT r.id, r.name, q.id, r.questionnaire_hash, to_char(r.starts_on, 'YYYY-MM-DD'), r.status, r.min_group_size
      FROM wijkweb.rounds r JOIN wijkweb.questionnaires q ON q.content_hash = r.questionnaire_hash
      ORDER BY r.starts_on DESC, r.id DESC
      """).map { row in
      CentralRound(id: Int64(row[0] ?? "") ?? 0, name: row[1] ?? "", questionnaireID: row[2] ?? "", questionnaireHash: row[3] ?? "",
                   startsOn: row[4] ?? "", status: row[5] ?? "", minGroupSize: Int(row[6] ?? "") ?? 10)
    }
  }

  /// All areas, parents before children (by level, then code), as the laptop's store lists them.
  public static func areas(on connection: Connection) throws -> [Area] {
    try connection.query("SELECT code, level, name, parent_code, aliases FROM wijkweb.areas").compactMap { row in
      guard let code = row[0], let level = row[1].flatMap(AreaLevel.init(rawValue:)) else { return nil }
      return Area(code: code, level: level, name: row[2] ?? "", parentCode: row[3],
                  aliases: (row[4] ?? "").split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
    .sorted { ($0.level, $0.code) < ($1.level, $1.code) }
  }

  /// The questionnaire file of a round and the round's name.
  public static func questionnaireSource(roundID: Int64, on connection: Connection) throws -> (source: String, round: String) {
    guard let row = try connection.query("""
      SELECT q.source, r.name FROM wijkweb.rounds r JOIN wijkweb.questionnaires q ON q.content_hash = r.questionnaire_hash WHERE r.id = $1
      """, [String(roundID)]).first, let source = row[0] else {
      throw CentralError("The central database has no round with id \(roundID).")
    }
    return (source, row[1] ?? "")
  }

  /// The responses of a round the server keeps (all completed), or only the sealed ones.
  public static func responseCount(roundID: Int64?, sealedOnly: Bool, on connection: Connection) throws -> Int {
    let rows = try connection.query("""
      SELECT count(*) FROM wijkweb.responses WHERE ($1::bigint IS NULL OR round_id = $1::bigint) AND (NOT $2::boolean OR sealed IS NOT NULL)
      """, [roundID.map(String.init), sealedOnly ? "true" : "false"])
    return Int((rows.first?.first ?? nil) ?? "") ?? 0
  }

  /// Per round: readable responses, the largest key, the total length of their ids (a withdrawal on the
  /// server deletes the response, so the count changes; a team cannot read the tombstones).
  public static func dataVersion(roundIDs: [Int64], on connection: Connection) throws -> [Int64] {
    var version: [Int64] = []
    for id in roundIDs {
      let row = try connection.query("""
        SELECT count(*), coalesce(max(key), 0), coalesce(sum(length(id)), 0) FROM wijkweb.responses WHERE round_id = $1 AND sealed IS NULL
        """, [String(id)]).first ?? []
      version += row.map { Int64($0 ?? "") ?? 0 }
    }
    return version
  }

  public static func population(roundID: Int64, on connection: Connection) throws -> [AreaPopulation] {
    try connection.query("""
      SELECT area_code, men, women, age_15_24, age_25_44, age_45_64, age_65_plus FROM wijkweb.population WHERE round_id = $1 ORDER BY area_code
      """, [String(roundID)]).map { row in
      let n = row.dropFirst().map { Int($0 ?? "") ?? 0 }
      return AreaPopulation(areaCode: row[0] ?? "", sex: [n[0], n[1]], age: [n[2], n[3], n[4], n[5]])
    }
  }

  /// The SQL of a response's answer to the breakdown question `question` in its packed demographics
  /// (`AnswerCodec.choice`: the first `question=choice` pair, nil when absent or empty), and its parameter.
  static func category(_ question: String?, parameter: Int) -> (sql: String, value: String?) {
    guard let question else { return ("NULL::text", nil) }
    let escaped = question.unicodeScalars.map { "\\.^$|?*+()[]{}-".unicodeScalars.contains($0) ? "\\" + String($0) : String($0) }.joined()
    return ("nullif(substring(';' || coalesce(r.packed_demographics, '') FROM $\(parameter)), '')", ";\(escaped)=([^;]*)")
  }

  static let twoTo64 = "18446744073709551616"

  /// The scores of a round grouped on the server, with the respondents per area, part and category; both
  /// read in one snapshot, so responses arriving meanwhile are in both or in neither.
  public static func scoreGroups(roundID: Int64, breakdown: String?, on connection: Connection) throws
    -> (bins: [CentralScoreBin], respondents: [CentralRespondents])
  {
    let (category, pattern) = category(breakdown, parameter: 2)
    let parameters: [String?] = [String(roundID)] + (pattern.map { [$0] } ?? [])
    let dimensions = Dimension.allCases.map(\.key)
    let values = dimensions.enumerated().map { "(\($0.offset), s.\($0.element))" }.joined(separator: ", ")
    let keySum = { (column: String) in "((sum(\(column)::numeric) % \(twoTo64)) + \(twoTo64)) % \(twoTo64)" }
    let source = """
      FROM wijkweb.part_scores s JOIN wijkweb.responses r ON r.id = s.response_id
      """
    let round = "s.round_id = $1::bigint AND r.sealed IS NULL"
    return try readOnlySnapshot(connection) {
      // Bins as ScoreAccumulator makes them: the score clamped into 0...10, times 420, rounded half away
      // from zero (y - floor(y) is exact for these magnitudes).
      let bins = try connection.query("""
        SELECT area_code, part_id, category, dimension, bin, count(*), \(keySum("record_key"))
        FROM (
          SELECT s.area_code, s.part_id, \(category) AS category, d.dimension, r.record_key,
                 least(greatest(d.score, 0), 10) * \(ScoreAccumulator.resolution) AS y
          \(source)
          CROSS JOIN LATERAL (VALUES \(values)) AS d (dimension, score)
          WHERE \(round) AND d.score IS NOT NULL AND d.score <> 'NaN'
        ) scored
        CROSS JOIN LATERAL (SELECT (CASE WHEN y - floor(y) >= 0.5 THEN ceil(y) ELSE floor(y) END)::integer AS bin) b
        GROUP BY 1, 2, 3, 4, 5
        """, parameters).map { row in
        CentralScoreBin(areaCode: row[0], partID: row[1] ?? "", category: row[2], dimension: Int(row[3] ?? "") ?? -1,
                        binIndex: Int32(row[4] ?? "") ?? -1, count: Int(row[5] ?? "") ?? 0, recordKeySum: UInt64(row[6] ?? "") ?? 0)
      }
      let anyScore = dimensions.map { "(s.\($0) IS NOT NULL AND s.\($0) <> 'NaN')" }.joined(separator: " OR ")
      let respondents = try connection.query("""
        SELECT s.area_code, s.part_id, \(category), count(*), \(keySum("r.record_key"))
        \(source)
        WHERE \(round) AND (\(anyScore))
        GROUP BY 1, 2, 3
        """, parameters).map { row in
        CentralRespondents(areaCode: row[0], partID: row[1] ?? "", category: row[2], count: Int(row[3] ?? "") ?? 0,
                           recordKeySum: UInt64(row[4] ?? "") ?? 0)
      }
      return (bins, respondents)
    }
  }

  /// One part score row, for weighting and the disclosure check: the response's key and id, area, part,
  /// the six scores and its breakdown category.
  public struct ScoreRow: Sendable {
    public var responseKey: Int64
    public var responseID: String
    public var areaCode: String?
    public var partID: String
    public var scores: [Double?]
    public var category: String?
  }

  /// Every part score row of a round's readable responses, in the order they were stored.
  public static func forEachScoreRow(roundID: Int64, breakdown: String?, on connection: Connection, _ body: (ScoreRow) throws -> Void) throws {
    let (category, pattern) = category(breakdown, parameter: 2)
    let columns = Dimension.allCases.map { "s." + $0.key }.joined(separator: ", ")
    try connection.forEachRow("""
      SELECT r.key, r.id, s.area_code, s.part_id, \(category), \(columns)
      FROM wijkweb.part_scores s JOIN wijkweb.responses r ON r.id = s.response_id
      WHERE s.round_id = $1::bigint AND r.sealed IS NULL ORDER BY r.key, s.part_id
      """, [String(roundID)] + (pattern.map { [$0] } ?? [])) { row in
      try body(ScoreRow(responseKey: Int64(row[0] ?? "") ?? 0, responseID: row[1] ?? "", areaCode: row[2], partID: row[3] ?? "",
                        scores: row[5...].map { $0.flatMap(Double.init) }, category: row[4]))
    }
  }

  /// Every readable response of a round with its key, area and packed demographics, in key order.
  public static func forEachWeightingRow(roundID: Int64, on connection: Connection, _ body: (Int64, String?, String) throws -> Void) throws {
    try connection.forEachRow("""
      SELECT key, area_code, packed_demographics FROM wijkweb.responses WHERE round_id = $1::bigint AND sealed IS NULL ORDER BY key
      """, [String(roundID)]) { row in
      try body(Int64(row[0] ?? "") ?? 0, row[1], row[2] ?? "")
    }
  }

  /// The packed answers of every readable response of a round, in key order.
  public static func forEachPackedAnswers(roundID: Int64, on connection: Connection, _ body: (String) throws -> Void) throws {
    try connection.forEachRow("""
      SELECT packed_answers FROM wijkweb.responses WHERE round_id = $1::bigint AND packed_answers IS NOT NULL ORDER BY key
      """, [String(roundID)]) { row in
      if let packed = row[0] { try body(packed) }
    }
  }

  /// Publishable quotes of a round (the edited text where it was edited), with area and dimensions.
  public static func publishableQuotes(roundID: Int64, on connection: Connection) throws -> [(areaCode: String?, dimensions: String, text: String)] {
    try connection.query("""
      SELECT p.area_code, f.dimensions, CASE f.review_status WHEN 'publishable_edited' THEN f.redacted_text ELSE f.text END
      FROM wijkweb.reflections f JOIN wijkweb.responses p ON p.id = f.response_id
      WHERE p.round_id = $1::bigint AND f.review_status IN ('publishable', 'publishable_edited')
      ORDER BY p.key, f.prompt_id
      """, [String(roundID)]).compactMap { row in
      guard let text = row[2], !text.isEmpty else { return nil }
      return (row[0], row[1] ?? "", text)
    }
  }

  /// The server's audit log, oldest first (admin): time (UTC, ISO 8601), login role, action, detail.
  public static func auditLog(on connection: Connection) throws -> [(at: String, actor: String, action: String, detail: String)] {
    try connection.query("""
      SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), actor, action, detail FROM wijkweb.audit ORDER BY id
      """).map { ($0[0] ?? "", $0[1] ?? "", $0[2] ?? "", $0[3] ?? "") }
  }

  /// Runs `body` in a read-only transaction with one snapshot (or in the caller's open transaction).
  static func readOnlySnapshot<T>(_ connection: Connection, _ body: () throws -> T) throws -> T {
    guard !connection.inTransaction else { return try body() }
    try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    do {
      let value = try body()
      try connection.execute("COMMIT")
      return value
    } catch {
      _ = try? connection.execute("ROLLBACK")
      throw error
    }
  }
}
