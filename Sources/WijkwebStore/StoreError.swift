/// A problem with the database that the user can act on, said in one plain sentence.
public struct StoreError: Error, CustomStringConvertible, Sendable {
  /// What kind of problem, for messages in the user's language.
  public enum Kind: Sendable { case diskFull, readOnly, busy, damaged, other }

  public var message: String
  public var kind: Kind
  public init(_ message: String, kind: Kind = .other) {
    self.message = message
    self.kind = kind
  }
  public var description: String { message }
}
