import Foundation
import GRDB
import WijkwebCore

extension Store {
  /// The round with this name, or nil.
  public func roundID(named name: String) throws -> Int64? {
    try writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM rounds WHERE name = ?", arguments: [name]) }
  }

  /// The source text of the questionnaire a round uses.
  public func questionnaireSource(ofRound roundID: Int64) throws -> String {
    let source = try writer.read { db in
      try String.fetchOne(db, sql: """
        SELECT q.source FROM rounds r JOIN questionnaires q ON q.content_hash = r.questionnaire_hash WHERE r.id = ?
        """, arguments: [roundID])
    }
    guard let source else { throw StoreError("There is no round with id \(roundID).") }
    return source
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
  /// transaction each, calling `progress` after each batch. The next batch is generated on a second
  /// thread while the current one is written. Demo responses have device "demo" and no receipt code.
  public func insertDemo(roundID: Int64, count: Int, generator: DemoGenerator, idSeed: UInt64, completedAt: Date,
                         progress: (Int) -> Void = { _ in }) throws {
    let questionnaire = try questionnaire(ofRound: roundID)
    let timestamp = Self.timestamp(completedAt)
    let batchSize = 20_000
    // Ids start at a moment fixed by the seed, so the same seed gives the same ids.
    let idStart = Date(timeIntervalSince1970: 1_767_225_600 + Double(idSeed % 10_000_000))
    let source = DemoSource(generator: generator, ids: SeededRandom(seed: idSeed), start: idStart)
    let batches = Prefetcher(count: (count + batchSize - 1) / batchSize) { source.batch(min(batchSize, count - source.sequence)) }
    defer { batches.cancel() }
    var done = 0
    while let batch = batches.next() {
      try writer.write { db in
        // A larger page cache keeps the id index in memory while a million rows go in.
        try db.execute(sql: "PRAGMA cache_size = -131072")
        let response = try db.makeStatement(sql: """
          INSERT INTO responses (id, round_id, questionnaire_id, questionnaire_version, questionnaire_hash, device_id,
            volunteer_code, language, area_code, status, started_at, completed_at, packed_answers, packed_demographics)
          VALUES (?, ?, ?, ?, ?, 'demo', 'DEMO', 'nl', ?, 'completed', ?, ?, ?, ?)
          """)
        let scores = try db.makeStatement(sql: """
          INSERT INTO part_scores (response_key, part_id, round_id, area_code, \(Self.scoreColumns))
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
        for (id, demo) in batch {
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
      done += batch.count
      progress(done)
    }
    // The round's columnar copy for profiles, built once from the rows just written.
    try refreshScoreColumns()
  }

  /// A time-ordered UUID (version 7 layout): 48 bits of milliseconds (`start` plus `sequence`), then
  /// random bits from a seeded generator. Ids that grow with insertion keep the unique index an append.
  static func uuid(start: Date, sequence: Int, _ random: inout SeededRandom) -> String {
    let milliseconds = UInt64(max(0, start.timeIntervalSince1970 * 1000)) &+ UInt64(sequence)
    let high = (milliseconds << 16) | 0x7000 | (random.next() & 0x0FFF)
    let low = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
    let digits = Array("0123456789abcdef".utf8)
    var text = [UInt8]()
    text.reserveCapacity(36)
    for (offset, word) in [high, low].enumerated() {
      for nibble in 0 ..< 16 {
        let position = offset * 16 + nibble
        if position == 8 || position == 12 || position == 16 || position == 20 { text.append(UInt8(ascii: "-")) }
        text.append(digits[Int((word >> UInt64(60 - 4 * nibble)) & 0xF)])
      }
    }
    return String(decoding: text, as: UTF8.self)
  }
}

/// The demo generator and id generator, used only by the prefetching thread; `sequence` counts the
/// responses made so far.
private final class DemoSource: @unchecked Sendable {
  var generator: DemoGenerator
  var ids: SeededRandom
  let start: Date
  var sequence = 0

  init(generator: DemoGenerator, ids: SeededRandom, start: Date) {
    self.generator = generator
    self.ids = ids
    self.start = start
  }

  func batch(_ size: Int) -> [(String, DemoResponse)] {
    (0 ..< size).map { _ in
      let response = generator.next()
      sequence += 1
      return (Store.uuid(start: start, sequence: sequence, &ids), response)
    }
  }
}
