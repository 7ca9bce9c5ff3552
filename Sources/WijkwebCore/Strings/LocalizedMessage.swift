/// A message said in the language of whoever prints it: a `UIString` and its arguments. Errors made far
/// from the command line carry one, so that `main` says them in the command's `--language`.
public struct LocalizedMessage: Error, Hashable, Sendable {
  public var key: UIString
  public var arguments: [String]

  public init(_ key: UIString, _ arguments: CustomStringConvertible...) {
    self.init(key, arguments: arguments)
  }

  public init(_ key: UIString, arguments: [CustomStringConvertible]) {
    self.key = key
    self.arguments = arguments.map(\.description)
  }

  /// The message in `language`.
  public func text(_ language: Language) -> String { key.format(language, arguments: arguments) }
}
