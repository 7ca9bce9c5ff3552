/// Every response and withdrawal keeps the signature of the device where it was completed or entered, so a
/// relay laptop that forwards it cannot change it: the relay signs its bundle, but each record inside still
/// needs its origin device's signature (or the team's, for content the team opened with its key) over the
/// record's canonical bytes. Scores are left out: the validator computes them again from the answers.
public enum RecordSignature {
  public static let responseDomain = "WIJKWEB-RESPONSE-SIGNATURE 1"
  public static let withdrawalDomain = "WIJKWEB-WITHDRAWAL-SIGNATURE 1"
  /// `signedBy` of a record signed by its origin device (`deviceID`) or by the team key.
  public static let byDevice = "device"
  public static let byTeam = "team"
  /// Demo responses (`wijkweb demo`: device `demo`, volunteer `DEMO`, no receipt, never sealed) are
  /// synthetic; no team certifies a device `demo`, so the enrolled device that generated them signs them,
  /// as `generator:<device id>`.
  public static let demoDevice = "demo"
  public static let generatorPrefix = "generator:"

  /// Whether `response` is demo data that its generator may sign.
  public static func isDemo(_ response: BundleResponse) -> Bool {
    response.deviceID == demoDevice && response.volunteerCode == "DEMO" && response.receiptCode == nil && response.receiptHash == nil
      && response.receiptLocator == nil && response.receiptSalt == nil && response.sealed == nil
  }

  /// The device whose certificate checks the response's signature, or nil when the team signed it.
  public static func signingDevice(_ response: BundleResponse) -> String? {
    if response.signedBy == byDevice { return response.deviceID }
    if let signedBy = response.signedBy, signedBy.hasPrefix(generatorPrefix) { return String(signedBy.dropFirst(generatorPrefix.count)) }
    return nil
  }

  /// `response` signed by the device `deviceID` that holds it: as its origin, or as the generator of demo
  /// data. Nil when that device is neither (a record of another device without signature stays without).
  public static func signAsHolder(_ response: BundleResponse, deviceID: String, signer: any MessageSigner) throws -> BundleResponse? {
    if response.deviceID == deviceID { return try sign(response, by: signer, as: byDevice) }
    if isDemo(response) { return try sign(response, by: signer, as: generatorPrefix + deviceID) }
    return nil
  }

  /// Optional fields are written so that absent and empty never sign the same bytes.
  static func optional(_ value: String?) -> String { value.map { "=" + $0 } ?? "-" }

  /// The canonical bytes of a response: every field that never changes after completion, and the
  /// reflections as entered (prompt and text, by prompt).
  public static func message(_ response: BundleResponse) -> [UInt8] {
    var fields = [response.id, response.round, response.questionnaireID, String(response.questionnaireVersion), response.questionnaireHash,
                  response.deviceID, response.volunteerCode, response.language, optional(response.languageStatus),
                  optional(response.areaCode), response.status, response.startedAt, response.completedAt, optional(response.receiptCode),
                  optional(response.receiptLocator), optional(response.receiptSalt), optional(response.receiptHash),
                  response.packedAnswers, response.packedDemographics, optional(response.sealed)]
    for reflection in response.reflections.sorted(by: { $0.promptID < $1.promptID }) {
      fields += [reflection.promptID, reflection.text]
    }
    return TrustMessage.make(responseDomain, fields)
  }

  /// The canonical bytes of a withdrawal.
  public static func message(_ tombstone: BundleTombstone) -> [UInt8] {
    TrustMessage.make(withdrawalDomain, [tombstone.responseID, tombstone.withdrawnAt, tombstone.deviceID, optional(tombstone.receiptCode)])
  }

  /// `response` signed by `signer` as `signedBy` (`byDevice` or `byTeam`).
  public static func sign(_ response: BundleResponse, by signer: any MessageSigner, as signedBy: String) throws -> BundleResponse {
    var signed = response
    signed.signature = Base64.encode(try signer.sign(message(response)))
    signed.signedBy = signedBy
    return signed
  }

  /// `tombstone` signed by the device that entered it.
  public static func sign(_ tombstone: BundleTombstone, by signer: any MessageSigner) throws -> BundleTombstone {
    var signed = tombstone
    signed.signature = Base64.encode(try signer.sign(message(tombstone)))
    return signed
  }

  /// The certificates of origin devices a machine trusts: by device id, those that verify against `team`.
  public struct Certificates {
    var byDevice: [String: [DeviceCertificate]] = [:]
    public init() {}
    /// Adds `certificate` when it verifies against `team`; throws what is wrong otherwise.
    public mutating func add(_ certificate: DeviceCertificate, team: TeamPublicKeys, with verifier: any SignatureVerifier) throws {
      guard !(byDevice[certificate.deviceID]?.contains(certificate) ?? false) else { return }
      try certificate.verify(team: team, with: verifier)
      byDevice[certificate.deviceID, default: []].append(certificate)
    }
    public func keys(of deviceID: String) -> [[UInt8]] { (byDevice[deviceID] ?? []).map(\.deviceKey) }
  }

  /// Whether the record carries a signature at all (records of Wijkweb before record signatures do not).
  public static func isSigned(_ response: BundleResponse) -> Bool { response.signature != nil || response.signedBy != nil }
  public static func isSigned(_ tombstone: BundleTombstone) -> Bool { tombstone.signature != nil }

  /// Checks that the response's origin device (a device of `team`, certificate in `certificates`) or the
  /// team signed exactly this content.
  public static func verify(_ response: BundleResponse, team: TeamPublicKeys, certificates: Certificates,
                            with verifier: any SignatureVerifier) throws {
    let keys: [[UInt8]]
    switch response.signedBy {
    case byTeam?: keys = [team.signingKey]
    case byDevice?: keys = certificates.keys(of: response.deviceID)
    case let signedBy? where signedBy.hasPrefix(generatorPrefix):
      guard isDemo(response) else {
        throw TrustProblem("response \(TerminalText.visible(response.id)) is signed as demo data by another device than the one that completed it")
      }
      keys = certificates.keys(of: String(signedBy.dropFirst(generatorPrefix.count)))
    default: throw TrustProblem("response \(TerminalText.visible(response.id)) does not say who signed it")
    }
    guard !keys.isEmpty else {
      throw TrustProblem("response \(TerminalText.visible(response.id)) comes without the team's certificate of its device \(TerminalText.visible(response.deviceID))")
    }
    guard let text = response.signature, let signature = Base64.decode(text, count: 64),
          keys.contains(where: { verifier.verify(signature, of: message(response), publicKey: $0) }) else {
      throw TrustProblem("""
        response \(TerminalText.visible(response.id)) does not carry a valid signature of the device that completed it \
        (\(TerminalText.visible(response.deviceID))) or of the team: it was changed on the way
        """)
    }
  }

  /// Checks that the device that entered the withdrawal (a device of `team`) signed exactly it.
  public static func verify(_ tombstone: BundleTombstone, certificates: Certificates, with verifier: any SignatureVerifier) throws {
    let keys = certificates.keys(of: tombstone.deviceID)
    guard !keys.isEmpty else {
      throw TrustProblem("the withdrawal of response \(TerminalText.visible(tombstone.responseID)) comes without the team's certificate of its device \(TerminalText.visible(tombstone.deviceID))")
    }
    guard let text = tombstone.signature, let signature = Base64.decode(text, count: 64),
          keys.contains(where: { verifier.verify(signature, of: message(tombstone), publicKey: $0) }) else {
      throw TrustProblem("""
        the withdrawal of response \(TerminalText.visible(tombstone.responseID)) does not carry a valid signature of the device \
        that entered it (\(TerminalText.visible(tombstone.deviceID))): it was made or changed on the way
        """)
    }
  }
}
