import CSodium

/// SHA-256 (libsodium): content hashes of questionnaires, bundle checksums, paper-key checks.
public enum SHA256 {
  /// The 32-byte digest of `bytes`.
  public static func digest(of bytes: [UInt8]) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_bytes()))
    _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
    return digest
  }

  /// The digest of `bytes` as 64 lower-case hex digits.
  @Sendable public static func hex(of bytes: [UInt8]) -> String { Hex.encode(digest(of: bytes)) }

  /// SHA-256 of bytes given in pieces (a bundle written as it is read from the database): the same digest
  /// as `digest(of:)` of all the pieces at once.
  public struct Hasher {
    private var state = crypto_hash_sha256_state()

    public init() { crypto_hash_sha256_init(&state) }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
      _ = crypto_hash_sha256_update(&state, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// The digest of everything given; the hasher starts again empty.
    public mutating func finish() -> [UInt8] {
      var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_bytes()))
      _ = crypto_hash_sha256_final(&state, &digest)
      crypto_hash_sha256_init(&state)
      return digest
    }
  }
}

/// Lower-case hexadecimal text of bytes.
public enum Hex {
  /// `bytes` as lower-case hex digits, two per byte.
  public static func encode(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text = [UInt8]()
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
