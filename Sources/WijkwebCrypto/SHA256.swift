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
