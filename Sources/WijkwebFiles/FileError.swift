/// A file that could not be written, said so that the user can act on it: what, where, and what to do.
public struct FileError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
