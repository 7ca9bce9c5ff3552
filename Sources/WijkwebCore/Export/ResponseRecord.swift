/// One completed response as the store hands it to an export, still packed.
public struct ResponseRecord: Sendable {
  /// The response's uuid: random, so it is the pseudonym.
  public var id: String
  public var areaCode: String?
  /// The stored completion time (ISO 8601), nil if missing.
  public var completedAt: String?
  /// `AnswerCodec` packing: one character per statement of the questionnaire.
  public var packedAnswers: String
  /// `AnswerCodec` packing: `question=choice` pairs joined by `;`.
  public var packedDemographics: String
  /// Per part of the questionnaire, in its order: the six scores in `Dimension.allCases` order.
  public var partScores: [[Double?]]
  /// Publishable free text by prompt id (empty unless text was asked for).
  public var texts: [String: String]
  /// The reviewer's dimension tags of those texts by prompt id: dimension keys joined by commas.
  public var tags: [String: String] = [:]

  public init(id: String, areaCode: String?, completedAt: String?, packedAnswers: String, packedDemographics: String,
              partScores: [[Double?]], texts: [String: String] = [:]) {
    self.id = id
    self.areaCode = areaCode
    self.completedAt = completedAt
    self.packedAnswers = packedAnswers
    self.packedDemographics = packedDemographics
    self.partScores = partScores
    self.texts = texts
  }
}
