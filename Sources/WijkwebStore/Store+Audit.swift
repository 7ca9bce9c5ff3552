import Foundation
import GRDB

/// One line of the audit log.
public struct AuditEntry: Hashable, Sendable {
  public var at: String
  public var deviceID: String
  public var actor: String
  public var action: String
  public var detail: String

  public init(at: String, deviceID: String, actor: String, action: String, detail: String) {
    self.at = at
    self.deviceID = deviceID
    self.actor = actor
    self.action = action
    self.detail = detail
  }
}

extension Store {
  /// Records an action in the audit log, inside the caller's transaction.
  static func audit(_ action: String, detail: String, actor: String, at date: Date, in db: Database) throws {
    try db.execute(sql: """
      INSERT INTO audit (at, device_id, actor, action, detail)
      VALUES (?, (SELECT value FROM meta WHERE key = 'device_id'), ?, ?, ?)
      """, arguments: [timestamp(date), actor, action, detail])
  }

  /// Records an action in the audit log in a transaction of its own.
  public func audit(_ action: String, detail: String, actor: String, at date: Date = Date()) throws {
    try writer.write { db in try Self.audit(action, detail: detail, actor: actor, at: date, in: db) }
  }

  /// The audit log, oldest first.
  public func auditLog() throws -> [AuditEntry] {
    try writer.read { db in
      try Row.fetchAll(db, sql: "SELECT at, device_id, actor, action, detail FROM audit ORDER BY id").map { row in
        AuditEntry(at: row["at"], deviceID: row["device_id"], actor: row["actor"], action: row["action"], detail: row["detail"])
      }
    }
  }
}
