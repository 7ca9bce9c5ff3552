/// A database schema version: the number of migrations applied, in the order they were registered, and
/// the name of the last one, shown as `6 (v5-in-progress-index)`.
public struct SchemaVersion: Equatable, Sendable, CustomStringConvertible {
  public let number: Int
  public let name: String

  init(applied: [String]) {
    number = applied.count
    name = applied.last ?? "none"
  }

  public var description: String { "\(number) (\(name))" }
}
