import Foundation
import GRDB
import WijkwebCore
import WijkwebCrypto

/// The columnar copy of the part scores (`ScoreColumnBlock`): one block per round and range of
/// `ScoreColumnBlock.responsesPerBlock` response keys in `score_columns`. Triggers on `part_scores` and
/// `responses` (migration `v15-score-columns`) mark the block of every row that is inserted, changed or
/// deleted as stale in `score_columns_stale`, whatever writes it (interview completion, bundle import,
/// withdrawal, purge, demo, `sqlite3`). A stale block is rebuilt from its rows by `refreshScoreColumns`;
/// until then a profile reads that block's rows instead, so it never sees an outdated copy.
extension Store {
  /// Rebuilds every stale block from its rows and clears its mark; returns how many were rebuilt. A block
  /// whose rows do not fit the compact form stays stale (profiles read its rows).
  @discardableResult
  public func refreshScoreColumns() throws -> Int {
    try writer.write { db in
      let stale = try Row.fetchAll(db, sql: "SELECT round_id, block FROM score_columns_stale")
      var rebuilt = 0
      for row in stale {
        let round: Int64 = row[0], block: Int64 = row[1]
        guard let columns = try? Self.scoreColumnBlock(db, roundID: round, block: block) else { continue }
        try Self.storeScoreColumnBlock(db, roundID: round, block: block, columns)
        try db.execute(sql: "DELETE FROM score_columns_stale WHERE round_id = ? AND block = ?", arguments: [round, block])
        rebuilt += 1
      }
      return rebuilt
    }
  }

  /// Calls `body` with every block of a round's part scores, in one read: the stored copy of each block
  /// that is up to date, and a copy built from the rows of each stale one. Throws
  /// `ScoreColumnBlock.Overflow` when a stale block's rows do not fit the compact form.
  public func forEachScoreColumnBlock(roundID: Int64, _ body: (ScoreColumnBlock) throws -> Void) throws {
    try writer.read { db in
      let stale = Set(try Int64.fetchAll(db, sql: "SELECT block FROM score_columns_stale WHERE round_id = ?", arguments: [roundID]))
      let cursor = try Row.fetchCursor(db, sql: "SELECT block, data FROM score_columns WHERE round_id = ?", arguments: [roundID])
      while let row = try cursor.next() {
        let block: Int64 = row[0]
        guard !stale.contains(block) else { continue }
        let decoded = try row.withUnsafeData(atIndex: 1) { data in
          data.flatMap { data in data.withUnsafeBytes { ScoreColumnBlock(encoded: $0) } }
        }
        // A damaged copy is replaced by its rows (and `check` rewrites it).
        try body(try decoded ?? Self.scoreColumnBlock(db, roundID: roundID, block: block))
      }
      for block in stale.sorted() { try body(try Self.scoreColumnBlock(db, roundID: roundID, block: block)) }
    }
  }

  /// Rebuilds every block of every round from the rows and compares it with the stored copy; rewrites
  /// the copies that differ (a stale mark is not a difference). Returns the blocks checked and rewritten.
  public func checkScoreColumns() throws -> (checked: Int, rewritten: Int) {
    try writer.write { db in
      let blocks = try Row.fetchAll(db, sql: """
        SELECT DISTINCT round_id, response_key >> 14 FROM part_scores
        UNION SELECT round_id, block FROM score_columns
        UNION SELECT round_id, block FROM score_columns_stale
        """)
      let stale = Set(try Row.fetchAll(db, sql: "SELECT round_id, block FROM score_columns_stale").map { [$0[0] as Int64, $0[1] as Int64] })
      var rewritten = 0
      for row in blocks {
        let round: Int64 = row[0], block: Int64 = row[1]
        guard let columns = try? Self.scoreColumnBlock(db, roundID: round, block: block) else { continue }
        let stored = try Data.fetchOne(db, sql: "SELECT data FROM score_columns WHERE round_id = ? AND block = ?", arguments: [round, block])
        let same = stored.map { data in data.withUnsafeBytes { ScoreColumnBlock(encoded: $0) } == columns } ?? (columns.rowCount == 0)
        if !same && !stale.contains([round, block]) { rewritten += 1 }
        if !same { try Self.storeScoreColumnBlock(db, roundID: round, block: block, columns) }
        try db.execute(sql: "DELETE FROM score_columns_stale WHERE round_id = ? AND block = ?", arguments: [round, block])
      }
      return (blocks.count, rewritten)
    }
  }

  /// What the profile figures of these rounds depend on besides their settings, read without touching
  /// the responses: per round its blocks and the first 8 bytes of each block's digest, then the number of
  /// withdrawals. Equal values mean equal figures. Nil while a block of one of them is stale (then
  /// `profileDataVersion` reads the responses instead).
  public func scoreColumnsVersion(roundIDs: [Int64]) throws -> [Int64]? {
    try writer.read { db in
      var version: [Int64] = [-1]
      for id in roundIDs {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM score_columns_stale WHERE round_id = ?", arguments: [id]) == 0 else {
          return nil
        }
        version.append(id)
        for row in try Row.fetchAll(db, sql: "SELECT block, digest FROM score_columns WHERE round_id = ? ORDER BY block", arguments: [id]) {
          let digest: Data = row[1]
          version.append(row[0])
          version.append(digest.prefix(8).reduce(Int64(0)) { $0 << 8 | Int64($1) })
        }
        version.append(-2)
      }
      version.append(try Int64.fetchOne(db, sql: "SELECT count(*) FROM tombstones") ?? 0)
      return version
    }
  }

  static func storeScoreColumnBlock(_ db: Database, roundID: Int64, block: Int64, _ columns: ScoreColumnBlock) throws {
    if columns.rowCount == 0 {
      try db.execute(sql: "DELETE FROM score_columns WHERE round_id = ? AND block = ?", arguments: [roundID, block])
    } else {
      let bytes = columns.encoded()
      try db.execute(sql: "INSERT OR REPLACE INTO score_columns (round_id, block, data, digest) VALUES (?, ?, ?, ?)",
                     arguments: [roundID, block, Data(bytes), Data(SHA256.digest(of: bytes))])
    }
  }

  /// One block built from its rows: the same rows, join and values the row-store profile reads.
  static func scoreColumnBlock(_ db: Database, roundID: Int64, block: Int64) throws -> ScoreColumnBlock {
    let first = block * ScoreColumnBlock.responsesPerBlock
    let cursor = try Row.fetchCursor(db, sql: """
      SELECT s.area_code, s.part_id, \(Dimension.allCases.map { "s." + $0.key }.joined(separator: ", ")), r.id, r.packed_demographics
      FROM part_scores s JOIN responses r ON r.key = s.response_key
      WHERE s.round_id = ? AND s.response_key BETWEEN ? AND ? ORDER BY s.response_key, s.part_id
      """, arguments: [roundID, first, first + ScoreColumnBlock.responsesPerBlock - 1])
    var columns = ScoreColumnBlock()
    var scores = [Double?](repeating: nil, count: 6)
    while let row = try cursor.next() {
      for index in 0 ..< 6 { scores[index] = row[index + 2] }
      let id: String = row[8]
      try columns.append(areaCode: row[0], partID: row[1], scores: scores, packedDemographics: row[9] ?? "",
                         recordKey: CellKey.recordKey(responseID: id))
    }
    return columns
  }
}
