/// A language code such as `nl` or `en`, as used in questionnaire files and the string table.
public struct Language: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ code: String) { self.rawValue = code }

  public static let dutch = Language("nl")
  public static let english = Language("en")

  public var description: String { rawValue }
  public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A text in several languages, read from a questionnaire file.
public struct LocalizedText: Hashable, Sendable {
  public var texts: [Language: String]

  public init(_ texts: [Language: String]) { self.texts = texts }

  /// The text in `language`, falling back to Dutch, then to any language present.
  public func text(_ language: Language) -> String {
    texts[language] ?? texts[.dutch] ?? texts.values.sorted().first ?? ""
  }
}
