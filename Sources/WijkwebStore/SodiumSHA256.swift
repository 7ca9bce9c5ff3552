import CSodium

/// SHA-256 from libsodium: the same digest as `WijkwebCore.SHA256`, fast enough for bundles of a whole
/// round (tens of megabytes) in any build.
public enum SodiumSHA256 {
  /// The digest of `bytes` as 64 lower-case hex digits.
  @Sendable public static func hex(of bytes: [UInt8]) -> String {
    var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_bytes()))
    _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
    let digits = Array("0123456789abcdef".utf8)
    var text = [UInt8]()
    text.reserveCapacity(64)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
