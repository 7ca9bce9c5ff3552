/// Everything a bundle carries: the rounds (with their questionnaires) that its responses belong to,
/// the completed responses with their reflections, and withdrawals.
public struct BundleContents: Hashable, Sendable {
  /// The device id of the laptop that made the bundle.
  public var deviceID: String
  /// When the bundle was made, full ISO 8601.
  public var createdAt: String
  /// The time the bundle starts from, or nil when it holds everything.
  public var since: String?
  public var questionnaires: [BundleQuestionnaire]
  public var rounds: [BundleRound]
  public var responses: [BundleResponse]
  public var tombstones: [BundleTombstone]
  /// The team's latest signed revocation list the writer held: it travels to every machine (it carries
  /// the team's own signature, so the device's signature need not cover it).
  public var revocations: RevocationList?
  /// The team's certificates of the devices that signed the responses and withdrawals inside
  /// (`RecordSignature`); each carries the team's signature, so the writer's signature need not cover them.
  public var certificates: [DeviceCertificate] = []

  public init(deviceID: String, createdAt: String, since: String? = nil, questionnaires: [BundleQuestionnaire] = [],
              rounds: [BundleRound] = [], responses: [BundleResponse] = [], tombstones: [BundleTombstone] = [],
              revocations: RevocationList? = nil) {
    self.deviceID = deviceID
    self.createdAt = createdAt
    self.since = since
    self.questionnaires = questionnaires
    self.rounds = rounds
    self.responses = responses
    self.tombstones = tombstones
    self.revocations = revocations
  }

  /// How many records of each kind the bundle holds.
  public var counts: BundleCounts {
    BundleCounts(questionnaires: questionnaires.count, rounds: rounds.count, responses: responses.count,
                 reflections: responses.reduce(0) { $0 + $1.reflections.count }, tombstones: tombstones.count)
  }

  /// The records in the order they are written: questionnaires, rounds, responses, tombstones.
  public var records: [BundleRecord] {
    questionnaires.map(BundleRecord.questionnaire) + rounds.map(BundleRecord.round) + responses.map(BundleRecord.response)
      + tombstones.map(BundleRecord.tombstone)
  }
}
