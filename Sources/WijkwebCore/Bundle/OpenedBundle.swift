/// A bundle whose sealed responses were opened with the team key, as far as they open.
///
/// Only content opened from a response's own sealed blob may replace that sealed response: `openedFrom`
/// remembers the blob each opened response came from, and the store replaces a sealed response only when
/// it holds exactly that blob.
public struct OpenedBundle: Hashable, Sendable {
  /// The bundle with every sealed response that opened made readable; the others stay sealed.
  public var contents: BundleContents
  /// The sealed blob (base64) each opened response came from, by response id.
  public var openedFrom: [String: String]
  /// The sealed responses that did not open, or whose content does not fit their round, with the reason.
  public var unopened: [BundleRefusal]

  public init(contents: BundleContents, openedFrom: [String: String] = [:], unopened: [BundleRefusal] = []) {
    self.contents = contents
    self.openedFrom = openedFrom
    self.unopened = unopened
  }
}

/// A record of a bundle that was not taken, and why, in a few plain words.
public struct BundleRefusal: Hashable, Sendable {
  /// The response id the record names.
  public var responseID: String
  /// Why, in a few plain words (no full stop).
  public var reason: String

  public init(responseID: String, reason: String) {
    self.responseID = responseID
    self.reason = reason
  }
}
