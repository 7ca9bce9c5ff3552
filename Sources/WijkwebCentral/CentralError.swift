import Foundation

/// A plain sentence about the central database, with PostgreSQL's SQLSTATE when the server gave one.
public struct CentralError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var sqlState: String?
  public init(_ message: String, sqlState: String? = nil) {
    self.message = message
    self.sqlState = sqlState
  }
  public var description: String { message }

  /// Text from the server or a URL, shown only without control characters (no terminal escapes).
  static func printable(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : $0 }))
      .trimmingCharacters(in: .whitespaces)
  }
}
