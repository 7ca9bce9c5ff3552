import Foundation
import GRDB
import WijkwebCore

/// What `withdraw(receiptCode:)` removed.
public struct Withdrawal: Hashable, Sendable {
  public var responseID: String
  public var reflections: Int
  /// The response had been removed from this laptop after the central database confirmed it: only its
  /// receipt hash was here, and the withdrawal reaches the server with the next sync.
  public var removedAfterSync: Bool = false
}

extension Store {
  /// Withdraws the response whose receipt hash `receiptCode` (already normalised) proves: deletes it with
  /// its reflections and scores, and keeps a tombstone (its id, the time, this device and the code as
  /// proof, no content) that travels in later bundles and removes merged copies wherever the code proves
  /// their hash too. Returns nil when no response has that code.
  public func withdraw(receiptCode: String, actor: String, now: Date = Date()) throws -> Withdrawal? {
    try writer.write { db in
      guard let id = try Self.responseID(provenBy: receiptCode, in: db) else {
        // Removed after a confirmed sync: the kept hash proves the code, and the tombstone (with the code)
        // goes to the central database with the next sync, which deletes it there.
        guard let removed = try Self.removedResponseID(provenBy: receiptCode, in: db) else { return nil }
        try db.execute(sql: "DELETE FROM removed_after_sync WHERE response_id = ?", arguments: [removed])
        try db.execute(sql: """
          INSERT OR IGNORE INTO tombstones (response_id, withdrawn_at, device_id, receipt_code)
          VALUES (?, ?, (SELECT value FROM meta WHERE key = 'device_id'), ?)
          """, arguments: [removed, Self.timestamp(now), receiptCode])
        try Self.audit("withdraw", detail: "response \(removed), removed here after sync; tombstone kept for the central database",
                       actor: actor, at: now, in: db)
        return Withdrawal(responseID: removed, reflections: 0, removedAfterSync: true)
      }
      let reflections = try Int.fetchOne(db, sql: "SELECT count(*) FROM reflections WHERE response_id = ?", arguments: [id]) ?? 0
      try db.execute(sql: "DELETE FROM responses WHERE id = ?", arguments: [id])
      try db.execute(sql: """
        INSERT OR IGNORE INTO tombstones (response_id, withdrawn_at, device_id, receipt_code)
        VALUES (?, ?, (SELECT value FROM meta WHERE key = 'device_id'), ?)
        """, arguments: [id, Self.timestamp(now), receiptCode])
      if db.changesCount == 1 { try Self.signWithdrawal(id, in: db) }
      try Self.audit("withdraw", detail: "response \(id) and \(reflections) reflections; tombstone kept", actor: actor, at: now, in: db)
      return Withdrawal(responseID: id, reflections: reflections)
    }
  }

  /// The withdrawals this database knows: response id and time.
  public func tombstones() throws -> [(responseID: String, withdrawnAt: String)] {
    try writer.read { db in
      try Row.fetchAll(db, sql: "SELECT response_id, withdrawn_at FROM tombstones ORDER BY response_id").map { ($0["response_id"], $0["withdrawn_at"]) }
    }
  }
}
