import Foundation
import GRDB
import WijkwebCore

extension Store {
  /// Removes the completed responses the central database `server` confirmed keeping (`central_sent`):
  /// of every round with `all`, else of rounds whose `remove_after_sync` is set. Each goes with its scores
  /// and reflections; only its id and receipt hash stay (`removed_after_sync`), so the resident can still
  /// withdraw with the receipt code here. One transaction, with an audit line. Returns how many.
  @discardableResult
  public func removeSent(server: String, all: Bool, actor: String, now: Date = Date()) throws -> Int {
    try writer.write { db in
      let confirmed = """
        SELECT r.id FROM responses r JOIN rounds rd ON rd.id = r.round_id
        WHERE r.status = 'completed' AND (? OR rd.remove_after_sync = 1)
          AND EXISTS (SELECT 1 FROM central_sent c WHERE c.server = ? AND c.kind = 'response' AND c.id = r.id)
        """
      try db.execute(sql: """
        INSERT OR IGNORE INTO removed_after_sync (response_id, receipt_locator, receipt_salt, receipt_hash)
        SELECT id, receipt_locator, receipt_salt, receipt_hash FROM responses
        WHERE id IN (\(confirmed)) AND receipt_locator IS NOT NULL AND receipt_salt IS NOT NULL AND receipt_hash IS NOT NULL
        """, arguments: [all, server])
      try db.execute(sql: "DELETE FROM responses WHERE id IN (\(confirmed))", arguments: [all, server])
      let removed = db.changesCount
      if removed > 0 {
        try Self.audit("remove-sent", detail: "\(removed) responses confirmed by the central database removed; receipt hashes kept for withdrawal",
                       actor: actor, at: now, in: db)
      }
      return removed
    }
  }

  /// Sets whether every sync removes a round's responses the central database confirmed.
  public func setRemoveAfterSync(roundName: String, _ on: Bool, actor: String) throws -> Bool {
    try writer.write { db in
      try db.execute(sql: "UPDATE rounds SET remove_after_sync = ? WHERE name = ?", arguments: [on, roundName])
      guard db.changesCount == 1 else { return false }
      try Self.audit("round-remove-after-sync", detail: "\(roundName): \(on ? "on" : "off")", actor: actor, at: Date(), in: db)
      return true
    }
  }

  /// The id of a response removed after sync whose receipt hash `code` (normalised) proves, if any.
  static func removedResponseID(provenBy code: String, in db: Database) throws -> String? {
    let candidates = try Row.fetchAll(db, sql: """
      SELECT response_id AS id, receipt_locator, receipt_salt, receipt_hash FROM removed_after_sync WHERE receipt_locator = ?
      """, arguments: [ReceiptCode.locator(of: code)])
    return candidates.first { receiptHash($0)?.matches(code) == true }?["id"]
  }
}
