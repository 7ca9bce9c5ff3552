import CSodium

/// Ed25519 signatures (libsodium `crypto_sign`): team keys sign rounds and enrolments, laptops sign bundles.
public enum Ed25519 {
  public static var publicKeyBytes: Int { Int(crypto_sign_publickeybytes()) }
  public static var secretKeyBytes: Int { Int(crypto_sign_secretkeybytes()) }
  public static var signatureBytes: Int { Int(crypto_sign_bytes()) }

  /// A new signing key pair.
  public static func keyPair() throws -> (publicKey: [UInt8], secretKey: [UInt8]) {
    try Sodium.require()
    var publicKey = [UInt8](repeating: 0, count: publicKeyBytes)
    var secretKey = [UInt8](repeating: 0, count: secretKeyBytes)
    guard crypto_sign_keypair(&publicKey, &secretKey) == 0 else { throw CryptoError.refused }
    return (publicKey, secretKey)
  }

  /// The public key inside a secret key.
  public static func publicKey(of secretKey: [UInt8]) throws -> [UInt8] {
    try Sodium.require()
    guard secretKey.count == secretKeyBytes else { throw CryptoError.wrongLength }
    var publicKey = [UInt8](repeating: 0, count: publicKeyBytes)
    guard crypto_sign_ed25519_sk_to_pk(&publicKey, secretKey) == 0 else { throw CryptoError.refused }
    return publicKey
  }

  /// The detached signature of `message`.
  public static func sign(_ message: [UInt8], secretKey: [UInt8]) throws -> [UInt8] {
    try Sodium.require()
    guard secretKey.count == secretKeyBytes else { throw CryptoError.wrongLength }
    var signature = [UInt8](repeating: 0, count: signatureBytes)
    guard crypto_sign_detached(&signature, nil, message, UInt64(message.count), secretKey) == 0 else { throw CryptoError.refused }
    return signature
  }

  /// Whether `signature` is `publicKey`'s signature of `message`.
  public static func verify(_ signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
    guard Sodium.ready, signature.count == signatureBytes, publicKey.count == publicKeyBytes else { return false }
    return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
  }
}
