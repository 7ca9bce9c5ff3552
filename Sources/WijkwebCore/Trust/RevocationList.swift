import Foundation

/// The team's signed list of revoked devices. Each new list has a higher version and holds every earlier
/// revocation; a machine keeps the highest version it has verified, and refuses what a revoked device
/// signed at or after its revocation time.
public struct RevocationList: Codable, Hashable, Sendable {
  public static let domain = "WIJKWEB-REVOCATIONS 1"

  public struct Entry: Codable, Hashable, Sendable {
    public var deviceID: String
    /// From this time on (full ISO 8601 UTC) nothing the device signs counts.
    public var revokedAt: String

    public init(deviceID: String, revokedAt: String) {
      self.deviceID = deviceID
      self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey {
      case deviceID = "device_id"
      case revokedAt = "revoked_at"
    }
  }

  public var version: Int
  public var issuedAt: String
  public var entries: [Entry]
  /// The team's signature (base64) over `message`.
  public var signature: String

  public init(version: Int, issuedAt: String, entries: [Entry], signature: String = "") {
    self.version = version
    self.issuedAt = issuedAt
    self.entries = entries
    self.signature = signature
  }

  enum CodingKeys: String, CodingKey {
    case version, entries, signature
    case issuedAt = "issued_at"
  }

  /// The bytes the team signs.
  public var message: [UInt8] {
    TrustMessage.make(Self.domain, [String(version), issuedAt] + entries.flatMap { [$0.deviceID, $0.revokedAt] })
  }

  /// The next list: `previous` (or none) with `deviceID` revoked from `at`, signed by the team.
  public static func revoking(_ deviceID: String, at: String, after previous: RevocationList?, signer: any MessageSigner) throws
    -> RevocationList {
    var entries = previous?.entries ?? []
    if !entries.contains(where: { $0.deviceID == deviceID }) { entries.append(Entry(deviceID: deviceID, revokedAt: at)) }
    var list = RevocationList(version: (previous?.version ?? 0) + 1, issuedAt: at, entries: entries.sorted { $0.deviceID < $1.deviceID })
    list.signature = Base64.encode(try signer.sign(list.message))
    return list
  }

  /// Checks that `team` signed the list; throws what is wrong.
  public func verify(team: TeamPublicKeys, with verifier: any SignatureVerifier) throws {
    guard version >= 1, BundleTime.isTimestamp(issuedAt),
          entries.allSatisfy({ !$0.deviceID.isEmpty && $0.deviceID.count <= 64 && TerminalText.isPrintable($0.deviceID)
                               && BundleTime.isTimestamp($0.revokedAt) }) else {
      throw TrustProblem("the revocation list is malformed")
    }
    guard let signature = Base64.decode(signature, count: 64), verifier.verify(signature, of: message, publicKey: team.signingKey) else {
      throw TrustProblem("the revocation list does not carry a valid signature of the team")
    }
  }

  /// When `deviceID` was revoked, or nil.
  public func revokedAt(_ deviceID: String) -> String? { entries.first { $0.deviceID == deviceID }?.revokedAt }

  /// Whether something `deviceID` signed at `time` (full ISO 8601 UTC) is refused.
  public func refuses(_ deviceID: String, signedAt time: String) -> Bool {
    guard let revoked = revokedAt(deviceID) else { return false }
    // Same format throughout (YYYY-MM-DDTHH:MM:SSZ), so text order is time order.
    return time >= revoked
  }
}
