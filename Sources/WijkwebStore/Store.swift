import Foundation
import GRDB
import WijkwebCore

/// The local database: one SQLite file in WAL mode, opened once per process.
///
/// Every write the interview asks for goes through `apply(_:)` in one transaction, committed before the
/// program draws the next screen, so a killed process loses nothing that was confirmed.
public struct Store: Sendable {
  let writer: any DatabaseWriter
  public let path: String?

  /// Opens the database at `path` and brings its schema up to date. With `create` (interviews, demo,
  /// set-up commands) a missing database is made owner-only; without it (commands that only read or act on
  /// what is there) a missing one is refused in one sentence naming the path, and nothing is created.
  /// Whatever this call created is removed again when the database is then refused.
  public init(path: String, create: Bool = true) throws {
    guard !path.isEmpty else {
      throw StoreError(LocalizedMessage(.errEmptyDatabasePath))
    }
    if !create { try DatabaseLocation.requireExisting(path: path) }
    let created = try DatabaseLocation.prepare(path: path)
    let pool: DatabasePool
    do {
      pool = try Self.openPool(path: path)
      try Self.migrate(pool, path: path)
    } catch {
      created.remove()
      throw error
    }
    self.init(migrated: pool, path: path)
  }

  private static func openPool(path: String) throws -> DatabasePool {
    // Refused before SQLite opens it: opening in WAL mode already writes to the file.
    if !DatabaseLocation.looksLikeSQLite(path: path) {
      throw StoreError("The file \(path) is not a Wijkweb database or is damaged. Restore a backup, or choose another file with --db PATH.", kind: .damaged)
    }
    try DatabaseLocation.checkOwnerOnly(path: path)
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in try Self.prepare(db) }
    do {
      return try DatabasePool(path: path, configuration: configuration)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
      throw StoreError("The file \(path) is not a Wijkweb database or is damaged. Restore a backup, or choose another file with --db PATH.")
    } catch let error as DatabaseError {
      // SQLite says only "disk I/O error" when there is no room for the -wal and -shm files.
      if DatabaseLocation.diskIsFull(path: path) {
        throw StoreError("The disk holding the database \(path) is full, so it cannot be opened for writing; what was stored before is kept. Free some space and try again.", kind: .diskFull)
      }
      throw StoreError("Cannot open the database \(path): \(error.message ?? "\(error.resultCode)"). Check that the file is readable and writable.")
    }
  }

  /// An in-memory database, for tests.
  public static func inMemory() throws -> Store {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in try Self.prepare(db) }
    return try Store(writer: DatabaseQueue(configuration: configuration), path: nil)
  }

  /// Every connection overwrites deleted content with zeros, so the readable answers and reflections of a
  /// sealed response do not linger in free pages after it is sealed.
  static func prepare(_ db: Database) throws {
    try db.execute(sql: "PRAGMA secure_delete = ON")
  }

  init(writer: any DatabaseWriter, path: String?) throws {
    try Self.migrate(writer, path: path)
    self.init(migrated: writer, path: path)
  }

  private init(migrated writer: any DatabaseWriter, path: String?) {
    self.writer = writer
    self.path = path
  }

  /// Brings the schema up to date; refuses a database of a newer version.
  private static func migrate(_ writer: any DatabaseWriter, path: String?) throws {
    let migrator = Schema.migrator()
    do {
      let known = Set(migrator.migrations)
      let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
      if !applied.isSubset(of: known) {
        throw StoreError("This database was written by a newer version of Wijkweb (schema \(applied.subtracting(known).sorted().joined(separator: ", "))). Update the program; the database was left untouched.")
      }
      try migrator.migrate(writer)
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
      throw StoreError("The file \(path ?? "in memory") is not a Wijkweb database or is damaged. Restore a backup, or choose another file with --db PATH.")
    } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
      throw StoreError("The database \(path ?? "") is read-only, so nothing could be saved. Make it writable (chmod u+w) or choose another file with --db PATH.")
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
      throw StoreError("The database \(path ?? "") is locked by another program. Close the other Wijkweb and try again.")
    }
  }

  /// This laptop's stable device id, made when the database was created.
  public func deviceID() throws -> String {
    try writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device_id'") ?? "" }
  }
}
