import Foundation

/// The team's statement that a device belongs to it: the device id and its Ed25519 public key, the team's
/// public keys, and when it was issued, signed with the team's signing key. Bundles carry the certificate
/// of the device that signed them; a machine trusts it only when it verifies against the team keys it holds.
public struct DeviceCertificate: Codable, Hashable, Sendable {
  public static let version = 1
  public static let header = "WIJKWEB-DEVICE-CERTIFICATE \(version)"

  public var deviceID: String
  /// Ed25519 public key of the device, 32 bytes.
  public var deviceKey: [UInt8]
  public var team: TeamPublicKeys
  /// When the team signed it, full ISO 8601 UTC.
  public var issuedAt: String
  public var signature: [UInt8]

  public init(deviceID: String, deviceKey: [UInt8], team: TeamPublicKeys, issuedAt: String, signature: [UInt8]) {
    self.deviceID = deviceID
    self.deviceKey = deviceKey
    self.team = team
    self.issuedAt = issuedAt
    self.signature = signature
  }

  /// A certificate for `request`, signed by the team whose signing key `signer` holds.
  public static func issue(for request: EnrolmentRequest, team: TeamPublicKeys, issuedAt: String, signer: any MessageSigner) throws
    -> DeviceCertificate {
    guard signer.publicKey == team.signingKey else { throw TrustProblem("the signing key is not the team's signing key") }
    var certificate = DeviceCertificate(deviceID: request.deviceID, deviceKey: request.deviceKey, team: team, issuedAt: issuedAt,
                                        signature: [])
    certificate.signature = try signer.sign(certificate.message)
    return certificate
  }

  /// The bytes the team signs.
  public var message: [UInt8] {
    TrustMessage.make(Self.header, [deviceID, Base64.encode(deviceKey)] + team.fields + [issuedAt])
  }

  /// Checks that the team `team` signed this certificate; throws what is wrong.
  public func verify(team expected: TeamPublicKeys, with verifier: any SignatureVerifier) throws {
    guard !deviceID.isEmpty, deviceID.count <= 64, TerminalText.isPrintable(deviceID) else {
      throw TrustProblem("the certificate's device id is empty, too long or holds control characters")
    }
    guard deviceKey.count == TeamPublicKeys.keyBytes else { throw TrustProblem("the certificate's device key has the wrong length") }
    guard BundleTime.isTimestamp(issuedAt) else { throw TrustProblem("the certificate's time is not a time") }
    guard team == expected else {
      throw TrustProblem("the certificate of device \(deviceID) was issued by another team (\(team.teamID)) than this machine's (\(expected.teamID))")
    }
    guard verifier.verify(signature, of: message, publicKey: expected.signingKey) else {
      throw TrustProblem("the certificate of device \(deviceID) does not carry a valid signature of the team key")
    }
  }

  enum CodingKeys: String, CodingKey {
    case team, signature
    case deviceID = "device_id"
    case deviceKey = "device_key"
    case issuedAt = "issued_at"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    deviceID = try container.decode(String.self, forKey: .deviceID)
    team = try container.decode(TeamPublicKeys.self, forKey: .team)
    issuedAt = try container.decode(String.self, forKey: .issuedAt)
    guard let key = Base64.decode(try container.decode(String.self, forKey: .deviceKey), count: TeamPublicKeys.keyBytes) else {
      throw DecodingError.dataCorruptedError(forKey: .deviceKey, in: container, debugDescription: "not a 32-byte key in base64")
    }
    guard let signature = Base64.decode(try container.decode(String.self, forKey: .signature), count: 64) else {
      throw DecodingError.dataCorruptedError(forKey: .signature, in: container, debugDescription: "not a 64-byte signature in base64")
    }
    deviceKey = key
    self.signature = signature
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(deviceID, forKey: .deviceID)
    try container.encode(Base64.encode(deviceKey), forKey: .deviceKey)
    try container.encode(team, forKey: .team)
    try container.encode(issuedAt, forKey: .issuedAt)
    try container.encode(Base64.encode(signature), forKey: .signature)
  }

  // MARK: Text file

  /// The text of a certificate file: the header line, then the certificate as one line of JSON.
  public var text: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return "\(Self.header)\n\(json)\n"
  }

  /// The certificate in the text of a certificate file (the size is checked by the caller).
  public static func parse(_ text: String) throws -> DeviceCertificate {
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard lines.count == 2, lines[0] == header,
          let certificate = try? JSONDecoder().decode(DeviceCertificate.self, from: Data(lines[1].utf8)) else {
      throw TrustProblem("it is not a Wijkweb device certificate (it should start with \"\(header)\" followed by one line)")
    }
    return certificate
  }
}
