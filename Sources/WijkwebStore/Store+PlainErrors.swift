import GRDB

// MARK: SQLite errors as plain sentences

extension Store {
  static func plain(_ error: DatabaseError, path: String?) -> StoreError {
    let file = path ?? "the database"
    switch error.resultCode {
    case .SQLITE_FULL:
      return StoreError("The disk is full, so the answer was not saved. Free some space; nothing stored earlier was lost.", kind: .diskFull)
    case .SQLITE_READONLY:
      return StoreError("\(file) is read-only, so the answer was not saved. Make it writable (chmod u+w).", kind: .readOnly)
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return StoreError("\(file) is busy in another program, so the answer was not saved. Try again in a moment.", kind: .busy)
    case .SQLITE_IOERR:
      return StoreError("Writing \(file) failed (\(error.message ?? "I/O error")); the answer was not saved. Check the disk.")
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return StoreError("\(file) is damaged. Stop, and restore a backup.", kind: .damaged)
    default:
      return StoreError("The database refused the change: \(error.message ?? "\(error.resultCode)").")
    }
  }
}
