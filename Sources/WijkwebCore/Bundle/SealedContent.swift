/// What a completed response of a sealed round keeps sealed to the team's public key: everything that is
/// not needed to count it or carry it. Its JSON is what `crypto_box_seal` encrypts.
public struct SealedContent: Codable, Hashable, Sendable {
  /// `AnswerCodec.pack`.
  public var packedAnswers: String
  /// `AnswerCodec.packDemographics`.
  public var packedDemographics: String
  /// The six dimension scores of each part, by part id, as `BundleResponse.scores`.
  public var scores: [String: [Double?]]
  /// Every reflection of the response (prompts, focus and dialogue answers).
  public var reflections: [BundleReflection]

  enum CodingKeys: String, CodingKey {
    case scores, reflections
    case packedAnswers = "packed_answers"
    case packedDemographics = "packed_demographics"
  }

  public init(packedAnswers: String, packedDemographics: String, scores: [String: [Double?]], reflections: [BundleReflection]) {
    self.packedAnswers = packedAnswers
    self.packedDemographics = packedDemographics
    self.scores = scores
    self.reflections = reflections
  }
}
