import CSodium

/// libsodium, started once per process. Every function of this module checks it first.
enum Sodium {
  static let ready: Bool = sodium_init() >= 0

  static func require() throws {
    guard ready else { throw CryptoError.unavailable }
  }
}

/// What went wrong in a cryptographic operation. Callers turn it into a sentence for their user.
public enum CryptoError: Error, Hashable, Sendable {
  /// libsodium did not start.
  case unavailable
  /// Not enough memory for the Argon2id parameters asked for.
  case outOfMemory(mebibytes: UInt64)
  /// A key, nonce or message had the wrong length.
  case wrongLength
  /// Authentication failed: wrong key or passphrase, or changed bytes.
  case forged
  /// libsodium refused for another reason.
  case refused
}
