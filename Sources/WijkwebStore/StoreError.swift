import WijkwebCore
import WijkwebFiles

/// A problem with the database that the user can act on, said in one plain sentence.
public struct StoreError: Error, CustomStringConvertible, Sendable {
  /// What kind of problem, for messages in the user's language.
  public enum Kind: Sendable { case diskFull, readOnly, busy, damaged, other }

  public var message: String
  public var kind: Kind
  /// The message in any language, when it has one; `message` is its English text.
  public var localized: LocalizedMessage?
  public init(_ message: String, kind: Kind = .other) {
    self.message = message
    self.kind = kind
  }
  public init(_ localized: LocalizedMessage, kind: Kind = .other) {
    self.init(localized.text(.english), kind: kind)
    self.localized = localized
  }
  /// The file problem behind it (a backup's target), said in the command's language by `main`.
  public var file: FileError?
  public init(_ file: FileError) {
    self.init(file.message)
    self.file = file
  }
  /// The message in `language` (English when it has no other).
  public func text(_ language: Language) -> String { localized?.text(language) ?? message }
  public var description: String { message }
}

import GRDB

extension StoreError {
  /// A plain sentence for an SQLite error that escaped a command (a damaged page found while reading, a
  /// full disk while writing, another program holding the lock), or nil when `error` is not one.
  /// `path` is the database the command opened, when known.
  public static func plain(_ error: any Error, path: String?) -> StoreError? {
    guard let error = error as? DatabaseError else { return nil }
    let file = path.map { "The database \($0)" } ?? "The database"
    let detail = error.message ?? "\(error.resultCode)"
    switch error.resultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return StoreError("\(file) is damaged (\(detail)). Restore a backup, or choose another file with --db PATH.", kind: .damaged)
    case .SQLITE_FULL:
      return StoreError("The disk is full, so \(file.lowercasedFirst) could not be changed; what was stored before is kept. Free some space and try again.", kind: .diskFull)
    case .SQLITE_READONLY:
      return StoreError("\(file) is read-only, so nothing could be saved. Make it writable (chmod 600) or choose another file with --db PATH.", kind: .readOnly)
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return StoreError("\(file) is busy: another Wijkweb is writing to it. Try again when it is done.", kind: .busy)
    case .SQLITE_IOERR where path.map(DatabaseLocation.diskIsFull(path:)) == true:
      return StoreError("The disk is full, so \(file.lowercasedFirst) could not be changed; what was stored before is kept. Free some space and try again.", kind: .diskFull)
    case .SQLITE_IOERR, .SQLITE_CANTOPEN:
      return StoreError("\(file) could not be read or written (\(detail)). Check the disk and the file's permissions.")
    default:
      return StoreError("\(file) refused the command (\(detail)).")
    }
  }
}

private extension String {
  var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
