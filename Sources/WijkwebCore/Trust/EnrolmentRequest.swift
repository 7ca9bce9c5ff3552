import Foundation
import WijkwebCrypto

/// A laptop's request to join a team, short enough to read out or copy as one line:
///
///     WWE1.<device id>.<device public key, base64url>.<checksum>
///
/// The checksum (first 8 hex digits of the SHA-256 of everything before it) catches a mistyped or cut
/// request; it is no proof of anything: the team compares the device id with the laptop before signing.
public struct EnrolmentRequest: Hashable, Sendable {
  public static let prefix = "WWE1"
  public var deviceID: String
  public var deviceKey: [UInt8]

  public init(deviceID: String, deviceKey: [UInt8]) {
    self.deviceID = deviceID
    self.deviceKey = deviceKey
  }

  /// The one-line text of the request.
  public var text: String {
    let body = "\(Self.prefix).\(deviceID).\(Self.base64url(deviceKey))"
    return body + "." + Self.checksum(body)
  }

  /// The request in `text`, with spaces around it ignored; throws what is wrong in plain words.
  public static func parse(_ text: String) throws -> EnrolmentRequest {
    let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard line.count <= 200, TerminalText.isPrintable(line) else {
      throw TrustProblem("an enrolment request is one line of at most 200 printable characters")
    }
    let parts = line.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 4, parts[0] == prefix else {
      throw TrustProblem("it is not an enrolment request (it should start with \"\(prefix).\" and have four parts separated by dots)")
    }
    guard checksum(parts[0 ... 2].joined(separator: ".")) == parts[3].lowercased() else {
      throw TrustProblem("the request's checksum does not match: a character was mistyped or cut off; copy it again")
    }
    guard !parts[1].isEmpty, parts[1].count <= 64 else { throw TrustProblem("the request's device id is empty or too long") }
    guard let key = fromBase64url(parts[2]), key.count == TeamPublicKeys.keyBytes else {
      throw TrustProblem("the request's device key is not a 32-byte key")
    }
    return EnrolmentRequest(deviceID: parts[1], deviceKey: key)
  }

  static func checksum(_ body: String) -> String { String(SHA256.hex(of: Array(body.utf8)).prefix(8)) }

  static func base64url(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  static func fromBase64url(_ text: String) -> [UInt8]? {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    return Data(base64Encoded: base64).map { [UInt8]($0) }
  }
}
