/// A problem with the database that the user can act on, said in one plain sentence.
public struct StoreError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
