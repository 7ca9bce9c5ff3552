import CSodium

/// Argon2id key derivation (libsodium `crypto_pwhash`): passphrase keys of bundles and team keys, and the
/// slow hash of receipt codes.
public enum Argon2id {
  /// How hard a derivation is: `moderate` for passphrases of keys and bundles, `interactive` to keep
  /// tests quick and for receipt codes (one per interview on a laptop), or explicit limits read from a file.
  public struct Strength: Hashable, Sendable {
    public var ops: UInt64
    public var mem: UInt64

    public init(ops: UInt64, mem: UInt64) {
      self.ops = ops
      self.mem = mem
    }

    public static var moderate: Strength {
      Strength(ops: UInt64(crypto_pwhash_opslimit_moderate()), mem: UInt64(crypto_pwhash_memlimit_moderate()))
    }
    public static var interactive: Strength {
      Strength(ops: UInt64(crypto_pwhash_opslimit_interactive()), mem: UInt64(crypto_pwhash_memlimit_interactive()))
    }

    /// Whether these limits lie between `interactive` and `moderate`, the only ones a file may ask for.
    public var isAccepted: Bool {
      (Strength.interactive.ops ... Strength.moderate.ops).contains(ops)
        && (Strength.interactive.mem ... Strength.moderate.mem).contains(mem)
    }
  }

  /// The length of a salt, in bytes.
  public static var saltBytes: Int { Int(crypto_pwhash_saltbytes()) }

  /// A key of `length` bytes derived from `secret` (its UTF-8) and `salt`.
  public static func derive(_ secret: String, salt: [UInt8], strength: Strength, length: Int) throws -> [UInt8] {
    try Sodium.require()
    guard salt.count == saltBytes else { throw CryptoError.wrongLength }
    var key = [UInt8](repeating: 0, count: length)
    // The String is passed as its NUL-terminated UTF-8; the length leaves the terminator out.
    let result = crypto_pwhash(&key, UInt64(length), secret, UInt64(secret.utf8.count), salt, strength.ops, Int(strength.mem),
                               crypto_pwhash_alg_argon2id13())
    guard result == 0 else { throw CryptoError.outOfMemory(mebibytes: strength.mem / 1_048_576) }
    return key
  }
}
