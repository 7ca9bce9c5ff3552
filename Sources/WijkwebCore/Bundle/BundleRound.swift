/// A round's definition in a bundle. A round is known by its name: the same name with the same
/// questionnaire hash is the same round on every laptop.
public struct BundleRound: Codable, Hashable, Sendable {
  public var name: String
  public var questionnaireHash: String
  /// The gemeente code whose areas the round covers.
  public var areaSet: String
  /// First and last day, `YYYY-MM-DD`.
  public var startsOn: String
  public var endsOn: String
  public var minGroupSize: Int
  public var retentionDays: Int
  /// `open` or `closed`.
  public var status: String
  /// The team's public key (base64) that completed responses of a sealed round are sealed to; absent
  /// for rounds that are not sealed.
  public var sealPublicKey: String?
  /// The team's signature (base64) over the definition (`RoundSignature`); absent in bundles of Wijkweb
  /// before rounds were signed.
  public var teamSignature: String?

  enum CodingKeys: String, CodingKey {
    case name, status
    case teamSignature = "team_signature"
    case sealPublicKey = "seal_public_key"
    case questionnaireHash = "questionnaire_hash"
    case areaSet = "area_set"
    case startsOn = "starts_on"
    case endsOn = "ends_on"
    case minGroupSize = "min_group_size"
    case retentionDays = "retention_days"
  }

  /// The longest round name, in characters.
  public static let maxNameLength = 80

  /// What is wrong with `name` as a round name (1 to 80 printable characters, not only spaces), or nil.
  public static func nameProblem(_ name: String) -> String? {
    if name.trimmingWhitespace.isEmpty { return "a round name cannot be empty" }
    if name.count > maxNameLength { return "a round name has at most \(maxNameLength) characters; this one has \(name.count)" }
    if !TerminalText.isPrintable(name) { return "a round name cannot hold control characters (such as escape sequences or line breaks)" }
    return nil
  }

  public init(name: String, questionnaireHash: String, areaSet: String, startsOn: String, endsOn: String, minGroupSize: Int,
              retentionDays: Int, status: String, sealPublicKey: String? = nil, teamSignature: String? = nil) {
    self.name = name
    self.questionnaireHash = questionnaireHash
    self.areaSet = areaSet
    self.startsOn = startsOn
    self.endsOn = endsOn
    self.minGroupSize = minGroupSize
    self.retentionDays = retentionDays
    self.status = status
    self.sealPublicKey = sealPublicKey
    self.teamSignature = teamSignature
  }
}
