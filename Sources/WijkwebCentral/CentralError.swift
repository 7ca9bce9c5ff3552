import Foundation
import WijkwebCore

/// A plain sentence about the central database, with PostgreSQL's SQLSTATE when the server gave one.
public struct CentralError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var sqlState: String?
  /// The message in any language, when it has one; `message` is its English text.
  public var localized: LocalizedMessage?
  public init(_ message: String, sqlState: String? = nil) {
    self.message = message
    self.sqlState = sqlState
  }
  public init(_ localized: LocalizedMessage, sqlState: String? = nil) {
    self.init(localized.text(.english), sqlState: sqlState)
    self.localized = localized
  }
  public var description: String { message }

  /// Text from the server or a URL, shown only without control characters (no terminal escapes).
  static func printable(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : $0 }))
      .trimmingCharacters(in: .whitespaces)
  }
}
