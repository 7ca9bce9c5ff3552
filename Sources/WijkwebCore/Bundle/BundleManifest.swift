/// The second line of a bundle: where and when it was made, what it holds, and the checksum of its records.
public struct BundleManifest: Codable, Hashable, Sendable {
  /// The format version; this program reads and writes `BundleFormat.version`.
  public var format: Int
  /// The device id of the laptop that made the bundle.
  public var deviceID: String
  /// When the bundle was made, e.g. `2026-11-23T14:05:09Z`.
  public var createdAt: String
  /// The time the bundle starts from (`--since`), or nil when it holds everything.
  public var since: String?
  /// The names of the rounds in the bundle.
  public var rounds: [String]
  public var counts: BundleCounts
  /// SHA-256 (hex) of the record lines, from the first record to the end line.
  public var recordsSHA256: String
  /// The team's certificate of the device that signed the bundle; absent in bundles of Wijkweb before signing.
  public var certificate: DeviceCertificate?
  /// That device's signature (base64) over `BundleSignature.message`; absent in bundles before signing.
  public var signature: String?
  /// The team's revocation list (`BundleContents.revocations`).
  public var revocations: RevocationList?
  /// The certificates of the records' origin devices (`BundleContents.certificates`).
  public var certificates: [DeviceCertificate]?

  enum CodingKeys: String, CodingKey {
    case format, since, rounds, counts, certificate, signature, revocations
    case certificates = "origin_certificates"
    case deviceID = "device_id"
    case createdAt = "created_at"
    case recordsSHA256 = "records_sha256"
  }

  public init(format: Int, deviceID: String, createdAt: String, since: String?, rounds: [String], counts: BundleCounts,
              recordsSHA256: String, certificate: DeviceCertificate? = nil, signature: String? = nil) {
    self.format = format
    self.deviceID = deviceID
    self.createdAt = createdAt
    self.since = since
    self.rounds = rounds
    self.counts = counts
    self.recordsSHA256 = recordsSHA256
    self.certificate = certificate
    self.signature = signature
  }
}
