/// A completed response in a bundle, with its reflections. Interviews in progress never travel.
///
/// The part scores travel for reference: the receiving laptop computes them again from `packedAnswers`
/// with the round's questionnaire, exactly as a completed interview does, and refuses a bundle whose
/// scores do not match its answers.
public struct BundleResponse: Codable, Hashable, Sendable {
  /// The response's identity on every laptop: a lower-case UUID.
  public var id: String
  /// The name of the round (a `BundleRound` in the same bundle).
  public var round: String
  public var questionnaireID: String
  public var questionnaireVersion: Int
  public var questionnaireHash: String
  public var deviceID: String
  public var volunteerCode: String
  public var language: String
  /// Whether the language's texts were the program's own (`built-in`) or a draft (`concept`) or checked
  /// (`checked`) translation; absent in bundles of Wijkweb before language statuses.
  public var languageStatus: String?
  public var areaCode: String?
  /// Always `completed`.
  public var status: String
  /// Full ISO 8601 times.
  public var startedAt: String
  public var completedAt: String
  /// The receipt code in the clear: only in bundles of Wijkweb before receipt hashes. Never written now.
  public var receiptCode: String?
  /// The first group of the receipt code, which finds the response (`ReceiptCode.locator`).
  public var receiptLocator: String?
  /// Base64 of the salt and of the Argon2id hash of the whole receipt code (`ReceiptHash`).
  public var receiptSalt: String?
  public var receiptHash: String?
  /// `AnswerCodec.pack`: one character per statement of the questionnaire.
  public var packedAnswers: String
  /// `AnswerCodec.packDemographics`.
  public var packedDemographics: String
  /// The six dimension scores of each part, by part id, in `Dimension.allCases` order; nil where too
  /// few statements were answered.
  public var scores: [String: [Double?]]
  public var reflections: [BundleReflection]
  /// In a sealed round: the base64 of the `SealedContent` sealed to the round's public key. Then the
  /// packed answers and demographics are empty and there are no scores or reflections: they are inside.
  /// Absent in bundles of unsealed rounds (and of Wijkweb before sealing), so those read as before.
  public var sealed: String?
  /// Base64 of the Ed25519 signature over `RecordSignature.message` by the device that completed it
  /// (`signedBy` "device") or by the team key (`signedBy` "team", content the team opened); absent in
  /// bundles of Wijkweb before record signatures.
  public var signature: String?
  public var signedBy: String?

  /// Whether the content is sealed and this laptop cannot read it.
  public var isSealed: Bool { sealed != nil }

  enum CodingKeys: String, CodingKey {
    case id, round, language, status, scores, reflections, sealed, signature
    case signedBy = "signed_by"
    case questionnaireID = "questionnaire_id"
    case questionnaireVersion = "questionnaire_version"
    case questionnaireHash = "questionnaire_hash"
    case deviceID = "device_id"
    case volunteerCode = "volunteer_code"
    case languageStatus = "language_status"
    case areaCode = "area_code"
    case startedAt = "started_at"
    case completedAt = "completed_at"
    case receiptCode = "receipt_code"
    case receiptLocator = "receipt_locator"
    case receiptSalt = "receipt_salt"
    case receiptHash = "receipt_hash"
    case packedAnswers = "packed_answers"
    case packedDemographics = "packed_demographics"
  }

  public init(id: String, round: String, questionnaireID: String, questionnaireVersion: Int, questionnaireHash: String,
              deviceID: String, volunteerCode: String, language: String, areaCode: String?, status: String = "completed",
              startedAt: String, completedAt: String, receiptCode: String?, packedAnswers: String,
              packedDemographics: String, scores: [String: [Double?]], reflections: [BundleReflection], sealed: String? = nil,
              receiptLocator: String? = nil, receiptSalt: String? = nil, receiptHash: String? = nil, languageStatus: String? = nil,
              signature: String? = nil, signedBy: String? = nil) {
    self.signature = signature
    self.signedBy = signedBy
    self.id = id
    self.round = round
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.questionnaireHash = questionnaireHash
    self.deviceID = deviceID
    self.volunteerCode = volunteerCode
    self.language = language
    self.languageStatus = languageStatus
    self.areaCode = areaCode
    self.status = status
    self.startedAt = startedAt
    self.completedAt = completedAt
    self.receiptCode = receiptCode
    self.receiptLocator = receiptLocator
    self.receiptSalt = receiptSalt
    self.receiptHash = receiptHash
    self.packedAnswers = packedAnswers
    self.packedDemographics = packedDemographics
    self.scores = scores
    self.reflections = reflections
    self.sealed = sealed
  }

  /// This response with its content opened from `content`: no longer sealed.
  public func unsealed(with content: SealedContent) -> BundleResponse {
    var copy = self
    copy.packedAnswers = content.packedAnswers
    copy.packedDemographics = content.packedDemographics
    copy.scores = content.scores
    copy.reflections = content.reflections
    copy.sealed = nil
    return copy
  }

  /// This response in its sealed form again: the readable content dropped, `blob` (base64) carried instead.
  public func sealedAgain(_ blob: String) -> BundleResponse {
    var copy = self
    copy.packedAnswers = ""
    copy.packedDemographics = ""
    copy.scores = [:]
    copy.reflections = []
    copy.sealed = blob
    return copy
  }

  /// Whether `other` holds the same interview: every field and reflection text alike. The review of
  /// reflections is left out, since reviewing on the merging laptop changes it after the fact; so are the
  /// scores, which follow from the answers and the questionnaire. A sealed copy and an open copy of the
  /// same response are alike when everything readable in both is (its sealed content cannot be compared
  /// without the key).
  public func sameContent(as other: BundleResponse) -> Bool {
    if isSealed != other.isSealed || (isSealed && sealed != other.sealed) {
      func readable(_ response: BundleResponse) -> BundleResponse {
        var copy = response
        copy.packedAnswers = ""
        copy.packedDemographics = ""
        copy.scores = [:]
        copy.reflections = []
        copy.sealed = nil
        copy.signature = nil
        copy.signedBy = nil
        return copy
      }
      return readable(self) == readable(other)
    }
    func texts(_ response: BundleResponse) -> [String: String] {
      Dictionary(response.reflections.map { ($0.promptID, $0.text) }, uniquingKeysWith: { first, _ in first })
    }
    var left = self
    var right = other
    left.reflections = []
    right.reflections = []
    left.scores = [:]
    right.scores = [:]
    left.signature = nil
    right.signature = nil
    left.signedBy = nil
    right.signedBy = nil
    return left == right && texts(self) == texts(other)
  }
}

/// A resident's answer to a reflection prompt, with its review so far (see `wijkweb review`).
public struct BundleReflection: Codable, Hashable, Sendable {
  public var promptID: String
  public var text: String
  /// `unreviewed`, `publishable`, `not_publishable` or `publishable_edited`.
  public var reviewStatus: String
  public var redactedText: String?
  /// The dimension keys the quote belongs to, joined by `;`.
  public var dimensions: String
  public var reviewedAt: String?
  public var reviewer: String?

  enum CodingKeys: String, CodingKey {
    case text, dimensions, reviewer
    case promptID = "prompt_id"
    case reviewStatus = "review_status"
    case redactedText = "redacted_text"
    case reviewedAt = "reviewed_at"
  }

  /// The dimension tags a reflection gets when it is entered: a dialogue answer
  /// (`dialogue.<part>.<dimension>.<n>`) is tagged with its dimension, anything else with none.
  public static func entryDimensions(promptID: String) -> String {
    let fields = promptID.split(separator: ".")
    return fields.count == 4 && fields[0] == "dialogue" ? String(fields[2]) : ""
  }

  /// This reflection as it was entered, before any review: review decisions are made on the team's
  /// machine and never taken from a bundle, whatever it claims.
  public var unreviewed: BundleReflection {
    BundleReflection(promptID: promptID, text: text, dimensions: Self.entryDimensions(promptID: promptID))
  }

  public init(promptID: String, text: String, reviewStatus: String = "unreviewed", redactedText: String? = nil,
              dimensions: String = "", reviewedAt: String? = nil, reviewer: String? = nil) {
    self.promptID = promptID
    self.text = text
    self.reviewStatus = reviewStatus
    self.redactedText = redactedText
    self.dimensions = dimensions
    self.reviewedAt = reviewedAt
    self.reviewer = reviewer
  }
}
