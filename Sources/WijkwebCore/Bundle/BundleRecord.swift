/// One record line of a bundle: a JSON object whose `type` says which kind it is.
public enum BundleRecord: Codable, Hashable, Sendable {
  case questionnaire(BundleQuestionnaire)
  case round(BundleRound)
  case response(BundleResponse)
  case tombstone(BundleTombstone)

  enum TypeKey: String, CodingKey { case type }

  /// The value of the `type` field.
  public var type: String {
    switch self {
    case .questionnaire: return "questionnaire"
    case .round: return "round"
    case .response: return "response"
    case .tombstone: return "tombstone"
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: TypeKey.self)
    let type = try container.decode(String.self, forKey: .type)
    switch type {
    case "questionnaire": self = .questionnaire(try BundleQuestionnaire(from: decoder))
    case "round": self = .round(try BundleRound(from: decoder))
    case "response": self = .response(try BundleResponse(from: decoder))
    case "tombstone": self = .tombstone(try BundleTombstone(from: decoder))
    default:
      throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown record type \"\(type)\"")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: TypeKey.self)
    try container.encode(type, forKey: .type)
    switch self {
    case .questionnaire(let record): try record.encode(to: encoder)
    case .round(let record): try record.encode(to: encoder)
    case .response(let record): try record.encode(to: encoder)
    case .tombstone(let record): try record.encode(to: encoder)
    }
  }
}
