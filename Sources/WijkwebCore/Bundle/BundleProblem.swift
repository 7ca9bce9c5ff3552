/// Why a bundle cannot be used, said in one plain sentence: what is wrong, where, and what to do.
///
/// The sentence does not name the file; the command puts the file name in front of it.
public struct BundleProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// A plain sentence saying what is wrong and what to do.
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
