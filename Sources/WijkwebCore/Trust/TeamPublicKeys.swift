import Foundation
import WijkwebCrypto

/// A team's public identity: the Ed25519 key that signs rounds, certificates and revocation lists, and
/// the sealing key completed responses of sealed rounds are sealed to.
public struct TeamPublicKeys: Codable, Hashable, Sendable {
  /// Ed25519 public key, 32 bytes.
  public var signingKey: [UInt8]
  /// `crypto_box` public key, 32 bytes.
  public var sealKey: [UInt8]

  public static let keyBytes = 32

  public init(signingKey: [UInt8], sealKey: [UInt8]) {
    self.signingKey = signingKey
    self.sealKey = sealKey
  }

  /// A short name of the team for people: the first 16 hex digits of the SHA-256 of its signing key.
  public var teamID: String { String(SHA256.hex(of: signingKey).prefix(16)) }

  enum CodingKeys: String, CodingKey {
    case signingKey = "signing_key"
    case sealKey = "seal_key"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    guard let signing = Base64.decode(try container.decode(String.self, forKey: .signingKey), count: Self.keyBytes) else {
      throw DecodingError.dataCorruptedError(forKey: .signingKey, in: container, debugDescription: "not a 32-byte key in base64")
    }
    guard let seal = Base64.decode(try container.decode(String.self, forKey: .sealKey), count: Self.keyBytes) else {
      throw DecodingError.dataCorruptedError(forKey: .sealKey, in: container, debugDescription: "not a 32-byte key in base64")
    }
    self.init(signingKey: signing, sealKey: seal)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Base64.encode(signingKey), forKey: .signingKey)
    try container.encode(Base64.encode(sealKey), forKey: .sealKey)
  }

  /// The fields a signature over these keys covers.
  var fields: [String] { [Base64.encode(signingKey), Base64.encode(sealKey)] }
}
