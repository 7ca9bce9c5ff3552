import CSodium

/// XChaCha20-Poly1305 with additional data (libsodium `crypto_aead_xchacha20poly1305_ietf`): a secret key
/// kept encrypted under a passphrase key.
public enum AEAD {
  public static var keyBytes: Int { Int(crypto_aead_xchacha20poly1305_ietf_keybytes()) }
  public static var nonceBytes: Int { Int(crypto_aead_xchacha20poly1305_ietf_npubbytes()) }
  /// How many bytes encryption adds.
  public static var overhead: Int { Int(crypto_aead_xchacha20poly1305_ietf_abytes()) }

  /// `plain` encrypted under `key` with `nonce`, authenticating `additional` too.
  public static func encrypt(_ plain: [UInt8], additional: [UInt8], nonce: [UInt8], key: [UInt8]) throws -> [UInt8] {
    try Sodium.require()
    guard nonce.count == nonceBytes, key.count == keyBytes else { throw CryptoError.wrongLength }
    var cipher = [UInt8](repeating: 0, count: plain.count + overhead)
    var length: UInt64 = 0
    guard crypto_aead_xchacha20poly1305_ietf_encrypt(&cipher, &length, plain, UInt64(plain.count), additional,
                                                      UInt64(additional.count), nil, nonce, key) == 0 else {
      throw CryptoError.refused
    }
    return Array(cipher[0 ..< Int(length)])
  }

  /// The plain bytes of `cipher`; `CryptoError.forged` for a wrong key or changed bytes.
  public static func decrypt(_ cipher: [UInt8], additional: [UInt8], nonce: [UInt8], key: [UInt8]) throws -> [UInt8] {
    try Sodium.require()
    guard nonce.count == nonceBytes, key.count == keyBytes, cipher.count >= overhead else { throw CryptoError.wrongLength }
    var plain = [UInt8](repeating: 0, count: cipher.count - overhead)
    var length: UInt64 = 0
    guard crypto_aead_xchacha20poly1305_ietf_decrypt(&plain, &length, nil, cipher, UInt64(cipher.count), additional,
                                                      UInt64(additional.count), nonce, key) == 0 else {
      throw CryptoError.forged
    }
    return Array(plain[0 ..< Int(length)])
  }
}
