import Foundation
import GRDB
import WijkwebCore

extension Store {
  /// The round with this name, or nil.
  public func roundID(named name: String) throws -> Int64? {
    try writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM rounds WHERE name = ?", arguments: [name]) }
  }

  /// The questionnaire a round uses.
  public func questionnaire(ofRound roundID: Int64) throws -> Questionnaire {
    let row = try writer.read { db in
      try Row.fetchOne(db, sql: """
        SELECT q.source, r.name FROM rounds r JOIN questionnaires q ON q.content_hash = r.questionnaire_hash WHERE r.id = ?
        """, arguments: [roundID])
    }
    guard let row else { throw StoreError("There is no round with id \(roundID).") }
    return try QuestionnaireParser.parse(row["source"], source: "the questionnaire of round \(row["name"] as String)")
  }

  /// Fills `roundID` with `count` synthetic completed responses from `generator`, in batches of one
  /// transaction each, calling `progress` after each batch. Demo responses have device "demo" and no
  /// receipt code.
  public func insertDemo(roundID: Int64, count: Int, generator: inout DemoGenerator, idSeed: UInt64, completedAt: Date,
                         progress: (Int) -> Void = { _ in }) throws {
    let questionnaire = try questionnaire(ofRound: roundID)
    let timestamp = Self.timestamp(completedAt)
    var ids = SeededRandom(seed: idSeed)
    let batchSize = 50_000
    var done = 0
    while done < count {
      let size = min(batchSize, count - done)
      try writer.write { db in
        let response = try db.makeStatement(sql: """
          INSERT INTO responses (id, round_id, questionnaire_id, questionnaire_version, questionnaire_hash, device_id,
            volunteer_code, language, area_code, status, started_at, completed_at, packed_answers, packed_demographics)
          VALUES (?, ?, ?, ?, ?, 'demo', 'DEMO', 'nl', ?, 'completed', ?, ?, ?, ?)
          """)
        let scores = try db.makeStatement(sql: """
          INSERT INTO part_scores (response_key, part_id, round_id, area_code, \(Self.scoreColumns))
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
        for _ in 0 ..< size {
          let demo = generator.next()
          let id = Self.uuid(&ids)
          response.setUncheckedArguments([
            id, roundID, questionnaire.id, questionnaire.version, questionnaire.contentHash, demo.areaCode, timestamp,
            timestamp, demo.packedAnswers, demo.packedDemographics,
          ])
          try response.execute()
          let key = db.lastInsertedRowID
          for (index, part) in questionnaire.parts.enumerated() {
            let values = demo.partScores[index]
            scores.setUncheckedArguments([key, part.id, roundID, demo.areaCode, values[0], values[1], values[2], values[3], values[4], values[5]])
            try scores.execute()
          }
        }
      }
      done += size
      progress(done)
    }
  }

  /// A version-4-style UUID string from a seeded generator.
  static func uuid(_ random: inout SeededRandom) -> String {
    let high = random.next()
    let low = random.next()
    let hex = String(format: "%016llx%016llx", high, low)
    let characters = Array(hex)
    return String(characters[0 ..< 8]) + "-" + String(characters[8 ..< 12]) + "-4" + String(characters[13 ..< 16]) + "-"
      + String(characters[16 ..< 20]) + "-" + String(characters[20 ..< 32])
  }
}
