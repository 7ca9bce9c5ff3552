/// A questionnaire's source text, as a bundle carries it so the receiving laptop can create a round it lacks.
public struct BundleQuestionnaire: Codable, Hashable, Sendable {
  /// SHA-256 of `source` (UTF-8), hex: the questionnaire's identity.
  public var contentHash: String
  public var id: String
  public var version: Int
  /// The questionnaire file, exactly as installed.
  public var source: String

  enum CodingKeys: String, CodingKey {
    case id, version, source
    case contentHash = "content_hash"
  }

  public init(contentHash: String, id: String, version: Int, source: String) {
    self.contentHash = contentHash
    self.id = id
    self.version = version
    self.source = source
  }
}
