import Foundation
import GRDB
import WijkwebCore
import WijkwebFiles

/// A round in full, as `round show` prints it.
public struct RoundDetail: Hashable, Sendable {
  public var info: RoundInfo
  public var questionnaireVersion: Int
  public var areaSet: String
  public var endsOn: String
  public var retentionDays: Int
  public var completed: Int
  public var inProgress: Int
  /// Completed responses still sealed to the team key (counted among `completed`).
  public var sealed: Int
  /// Whether completed responses of this round are sealed to a team key.
  public var isSealedRound: Bool
}

extension Store {
  /// A round with its counts, by name.
  public func roundDetail(named name: String) throws -> RoundDetail? {
    guard let info = try rounds().first(where: { $0.name == name }) else { return nil }
    return try writer.read { db in
      guard let row = try Row.fetchOne(db, sql: """
        SELECT r.area_set, r.ends_on, r.retention_days, q.version,
          (SELECT count(*) FROM responses WHERE round_id = r.id AND status = 'completed') AS completed,
          (SELECT count(*) FROM responses WHERE round_id = r.id AND status = 'in_progress') AS in_progress,
          (SELECT count(*) FROM responses WHERE round_id = r.id AND status = 'completed' AND sealed IS NOT NULL) AS sealed,
          r.seal_public_key IS NOT NULL AS sealed_round
        FROM rounds r JOIN questionnaires q ON q.content_hash = r.questionnaire_hash WHERE r.id = ?
        """, arguments: [info.id]) else { return nil }
      return RoundDetail(info: info, questionnaireVersion: row["version"], areaSet: row["area_set"], endsOn: row["ends_on"],
                         retentionDays: row["retention_days"], completed: row["completed"], inProgress: row["in_progress"],
                         sealed: row["sealed"], isSealedRound: row["sealed_round"])
    }
  }

  /// Closes the round named `name`; returns false when there is no such round.
  public func closeRound(named name: String, actor: String) throws -> Bool {
    try writer.write { db in
      try db.execute(sql: "UPDATE rounds SET status = 'closed' WHERE name = ?", arguments: [name])
      guard db.changesCount == 1 else { return false }
      try Self.audit("round-close", detail: name, actor: actor, at: Date(), in: db)
      return true
    }
  }

  /// Deletes the completed responses of rounds whose retention has passed (counted from the round's end),
  /// or of one round when `roundName` is given and its retention has passed. Returns per round how many.
  public func purgeExpired(roundName: String? = nil, now: Date = Date(), actor: String) throws -> [(round: String, deleted: Int)] {
    let today = Self.day(now)
    return try writer.write { db in
      var report: [(String, Int)] = []
      let rows = try Row.fetchAll(db, sql: """
        SELECT id, name FROM rounds WHERE date(ends_on, '+' || retention_days || ' days') < ? AND (? IS NULL OR name = ?)
        """, arguments: [today, roundName, roundName])
      for row in rows {
        let id: Int64 = row["id"]
        try db.execute(sql: "DELETE FROM responses WHERE round_id = ?", arguments: [id])
        let deleted = db.changesCount
        if deleted > 0 {
          try Self.audit("purge", detail: "\(row["name"] as String): \(deleted) responses past retention", actor: actor, at: now, in: db)
        }
        report.append((row["name"], deleted))
      }
      return report
    }
  }

  /// A consistent copy of the database at `path` while the program may be in use (VACUUM INTO).
  /// SQLite fills the atomic writer's empty owner-only temporary file, which then gets its name: never a
  /// half-written backup, never readable by others, never through a symbolic link at `path`.
  public func backup(to path: String, actor: String) throws {
    let file: AtomicFile
    do {
      file = try AtomicFile(path: path)
      do {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [file.temporaryPath]) }
      } catch let error as DatabaseError {
        file.discard()
        throw StoreError("The backup to \(path) failed: \(error.message ?? "\(error.resultCode)"). Check the folder has space.")
      }
      try file.commit()
    } catch let error as FileError {
      throw StoreError(error)
    }
    try audit("backup", detail: path, actor: actor)
  }
}
