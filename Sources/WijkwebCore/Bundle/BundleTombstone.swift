/// A withdrawal in a bundle: only the response's id, when and where it was withdrawn. No content.
public struct BundleTombstone: Codable, Hashable, Sendable {
  public var responseID: String
  /// Full ISO 8601 time, e.g. `2026-11-23T14:05:09Z`.
  public var withdrawnAt: String
  public var deviceID: String

  enum CodingKeys: String, CodingKey {
    case responseID = "response_id"
    case withdrawnAt = "withdrawn_at"
    case deviceID = "device_id"
  }

  public init(responseID: String, withdrawnAt: String, deviceID: String) {
    self.responseID = responseID
    self.withdrawnAt = withdrawnAt
    self.deviceID = deviceID
  }
}
