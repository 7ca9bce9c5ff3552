import WijkwebCrypto

/// Checks a detached signature. The rules of trust take one, so they stay pure; `Ed25519Verifier` is the
/// real one (libsodium through WijkwebCrypto), tests may pass another.
public protocol SignatureVerifier: Sendable {
  func verify(_ signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool
}

/// Ed25519 (libsodium `crypto_sign_verify_detached`).
public struct Ed25519Verifier: SignatureVerifier {
  public init() {}
  public func verify(_ signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
    Ed25519.verify(signature, of: message, publicKey: publicKey)
  }
}

/// Makes a detached signature; the holder of a secret key (team or device) passes one to the rules that sign.
public protocol MessageSigner {
  /// The public key that checks this signer's signatures.
  var publicKey: [UInt8] { get }
  func sign(_ message: [UInt8]) throws -> [UInt8]
}

/// Base64 helpers for the text forms of keys and signatures.
enum Base64 {
  static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
  static func decode(_ text: String, count: Int) -> [UInt8]? {
    guard let data = Data(base64Encoded: text), data.count == count else { return nil }
    return [UInt8](data)
  }
}

import Foundation
