import CSodium

/// Anonymous public-key encryption (libsodium `crypto_box_seal`): laptops seal a response to the team's
/// public key; only the team's secret key opens it.
public enum SealedBox {
  public static var publicKeyBytes: Int { Int(crypto_box_publickeybytes()) }
  public static var secretKeyBytes: Int { Int(crypto_box_secretkeybytes()) }
  /// How many bytes sealing adds.
  public static var overhead: Int { Int(crypto_box_sealbytes()) }

  /// A new key pair.
  public static func keyPair() throws -> (publicKey: [UInt8], secretKey: [UInt8]) {
    try Sodium.require()
    var publicKey = [UInt8](repeating: 0, count: publicKeyBytes)
    var secretKey = [UInt8](repeating: 0, count: secretKeyBytes)
    guard crypto_box_keypair(&publicKey, &secretKey) == 0 else { throw CryptoError.refused }
    return (publicKey, secretKey)
  }

  /// The public key that belongs to `secretKey`.
  public static func publicKey(of secretKey: [UInt8]) throws -> [UInt8] {
    try Sodium.require()
    guard secretKey.count == secretKeyBytes else { throw CryptoError.wrongLength }
    var derived = [UInt8](repeating: 0, count: publicKeyBytes)
    guard crypto_scalarmult_base(&derived, secretKey) == 0 else { throw CryptoError.refused }
    return derived
  }

  /// `plain` sealed to `publicKey`.
  public static func seal(_ plain: [UInt8], to publicKey: [UInt8]) throws -> [UInt8] {
    try Sodium.require()
    guard publicKey.count == publicKeyBytes else { throw CryptoError.wrongLength }
    var sealed = [UInt8](repeating: 0, count: plain.count + overhead)
    guard crypto_box_seal(&sealed, plain, UInt64(plain.count), publicKey) == 0 else { throw CryptoError.refused }
    return sealed
  }

  /// The plain bytes inside `sealed`; `CryptoError.forged` when it was sealed to another key or changed.
  public static func open(_ sealed: [UInt8], publicKey: [UInt8], secretKey: [UInt8]) throws -> [UInt8] {
    try Sodium.require()
    guard sealed.count >= overhead else { throw CryptoError.wrongLength }
    var plain = [UInt8](repeating: 0, count: sealed.count - overhead)
    guard crypto_box_seal_open(&plain, sealed, UInt64(sealed.count), publicKey, secretKey) == 0 else { throw CryptoError.forged }
    return plain
  }
}
