/// A file that could not be written, said so that the user can act on it: what, where, and what to do.
public struct FileError: Error, CustomStringConvertible, Sendable {
  /// The problems a command says in its own language; `other` is said as `message` (English).
  public enum Kind: Sendable, Equatable { case other, exists(String), noFolder(String) }

  public var message: String
  public var kind: Kind
  public init(_ message: String, kind: Kind = .other) {
    self.message = message
    self.kind = kind
  }
  public var description: String { message }
}
