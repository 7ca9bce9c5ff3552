import GRDB
import WijkwebCore

/// One completed response's scores in one part, as the profile aggregation reads them.
public struct PartScoreRow: Sendable {
  /// The response's row key (for looking up its weight).
  public var responseKey: Int64
  /// The response's id (the identity it has in every database; the cell-key method's record key comes from it).
  public var responseID: String
  public var areaCode: String?
  public var partID: String
  /// The six dimension scores in `Dimension.allCases` order; nil where the response has no score.
  public var scores: [Double?]
  /// The response's answer to the breakdown question (nil: not asked, or "zeg ik liever niet").
  public var category: String?

  public init(responseKey: Int64, responseID: String, areaCode: String?, partID: String, scores: [Double?], category: String?) {
    self.responseKey = responseKey
    self.responseID = responseID
    self.areaCode = areaCode
    self.partID = partID
    self.scores = scores
    self.category = category
  }
}

/// A round as listed for profiles.
public struct RoundInfo: Hashable, Sendable {
  public var id: Int64
  public var name: String
  public var questionnaireID: String
  public var questionnaireHash: String
  public var startsOn: String
  public var status: String
  public var minGroupSize: Int

  public init(id: Int64, name: String, questionnaireID: String, questionnaireHash: String, startsOn: String, status: String, minGroupSize: Int) {
    self.id = id
    self.name = name
    self.questionnaireID = questionnaireID
    self.questionnaireHash = questionnaireHash
    self.startsOn = startsOn
    self.status = status
    self.minGroupSize = minGroupSize
  }
}

extension Store {
  /// Every round, newest first.
  public func rounds() throws -> [RoundInfo] {
    try writer.read { db in
      try Row.fetchAll(db, sql: """
        SELECT r.id, r.name, q.id AS qid, r.questionnaire_hash, r.starts_on, r.status, r.min_group_size
        FROM rounds r JOIN questionnaires q ON q.content_hash = r.questionnaire_hash ORDER BY r.starts_on DESC, r.id DESC
        """).map { row in
        RoundInfo(id: row["id"], name: row["name"], questionnaireID: row["qid"], questionnaireHash: row["questionnaire_hash"],
                  startsOn: row["starts_on"], status: row["status"], minGroupSize: row["min_group_size"])
      }
    }
  }

  /// The number of completed responses of a round.
  public func completedCount(roundID: Int64) throws -> Int {
    try writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM responses WHERE round_id = ? AND status = 'completed'", arguments: [roundID]) ?? 0
    }
  }

  /// Calls `body` for each part score row of the completed responses of a round, in one pass.
  /// With `breakdown` (a demographic question id), each row carries the response's answer to it.
  public func forEachPartScore(roundID: Int64, breakdown: String? = nil, _ body: (PartScoreRow) throws -> Void) throws {
    try writer.read { db in
      let sql = """
        SELECT s.area_code, s.part_id, \(Dimension.allCases.map { "s." + $0.key }.joined(separator: ", ")), s.response_key,
          r.id, r.packed_demographics
        FROM part_scores s JOIN responses r ON r.key = s.response_key WHERE s.round_id = ?
        """
      let statement = try db.makeStatement(sql: sql)
      let cursor = try Row.fetchCursor(statement, arguments: [roundID])
      var row = PartScoreRow(responseKey: 0, responseID: "", areaCode: nil, partID: "", scores: Array(repeating: nil, count: 6), category: nil)
      while let next = try cursor.next() {
        row.areaCode = next[0]
        row.partID = next[1]
        for index in 0 ..< 6 { row.scores[index] = next[index + 2] }
        row.responseKey = next[8]
        row.responseID = next[9]
        if let breakdown {
          let packed: String = next[10] ?? ""
          row.category = Self.category(in: packed, question: breakdown)
        }
        try body(row)
      }
    }
  }

  /// What a round's profile figures depend on besides their settings, per round: the number of completed
  /// responses and the largest response key, then the number of withdrawals. Equal values mean equal figures.
  public func profileDataVersion(roundIDs: [Int64]) throws -> [Int64] {
    try writer.read { db in
      var version: [Int64] = []
      for id in roundIDs {
        let row = try Row.fetchOne(db, sql: """
          SELECT count(*), coalesce(max(key), 0), coalesce(sum(length(id)), 0) FROM responses
          WHERE round_id = ? AND status = 'completed' AND sealed IS NULL
          """, arguments: [id])
        version += [row?[0] ?? 0, row?[1] ?? 0, row?[2] ?? 0]
      }
      version.append(try Int64.fetchOne(db, sql: "SELECT count(*) FROM tombstones") ?? 0)
      return version
    }
  }

  /// Calls `body` with the packed answers of each completed response of a round.
  public func forEachPackedAnswers(roundID: Int64, _ body: (String) throws -> Void) throws {
    try writer.read { db in
      let cursor = try String.fetchCursor(db, sql: """
        SELECT packed_answers FROM responses WHERE round_id = ? AND status = 'completed' AND packed_answers IS NOT NULL
        """, arguments: [roundID])
      while let packed = try cursor.next() { try body(packed) }
    }
  }

  /// The choice id for `question` in packed demographics ("age=25-44;sex=vrouw"), nil when absent or empty.
  public static func category(in packed: String, question: String) -> String? {
    AnswerCodec.choice(in: packed, question: question)
  }
}
