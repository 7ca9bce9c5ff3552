/// A withdrawal in a bundle: the response's id, when and where it was withdrawn, and the receipt code
/// that proved it. No content. Every laptop checks the code against its own copy of the response's
/// receipt hash; a withdrawal without a code that proves it is refused and never travels further.
public struct BundleTombstone: Codable, Hashable, Sendable {
  public var responseID: String
  /// Full ISO 8601 time, e.g. `2026-11-23T14:05:09Z`.
  public var withdrawnAt: String
  public var deviceID: String
  /// The resident's receipt code, normalised; absent in withdrawals of Wijkweb before receipt hashes.
  public var receiptCode: String?
  /// Base64 of the Ed25519 signature of the device that entered it over `RecordSignature.message`;
  /// absent in bundles of Wijkweb before record signatures.
  public var signature: String?

  enum CodingKeys: String, CodingKey {
    case responseID = "response_id"
    case withdrawnAt = "withdrawn_at"
    case deviceID = "device_id"
    case receiptCode = "receipt_code"
    case signature
  }

  public init(responseID: String, withdrawnAt: String, deviceID: String, receiptCode: String? = nil, signature: String? = nil) {
    self.signature = signature
    self.responseID = responseID
    self.withdrawnAt = withdrawnAt
    self.deviceID = deviceID
    self.receiptCode = receiptCode
  }
}
