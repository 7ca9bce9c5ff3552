import CSodium

/// Random bytes and comparisons that do not leak through timing (libsodium).
public enum Random {
  /// `count` bytes from the system's secure random source.
  public static func bytes(_ count: Int) -> [UInt8] {
    _ = Sodium.ready
    var bytes = [UInt8](repeating: 0, count: count)
    randombytes_buf(&bytes, count)
    return bytes
  }

  /// A uniformly random number below `upperBound` (at least 1).
  public static func uniform(_ upperBound: UInt32) -> UInt32 {
    _ = Sodium.ready
    return randombytes_uniform(upperBound)
  }
}

/// A `RandomNumberGenerator` over libsodium's secure source, for code that takes a generator.
public struct SecureRandom: RandomNumberGenerator {
  public init() {}

  public mutating func next() -> UInt64 {
    Random.bytes(8).reduce(0) { $0 << 8 | UInt64($1) }
  }
}

/// Byte comparisons in constant time.
public enum ConstantTime {
  /// Whether `a` and `b` are equal, in a time that depends only on their length.
  public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    if a.isEmpty { return true }
    return sodium_memcmp(a, b, a.count) == 0
  }

  /// Overwrites `bytes` with zeros in a way the compiler keeps.
  public static func wipe(_ bytes: inout [UInt8]) {
    sodium_memzero(&bytes, bytes.count)
  }
}
