/// The exact bytes a signature of the rules of trust covers: a domain line naming what is signed (so a
/// signature of one kind can never pass for another), then every field as `length:value\n`, so no choice
/// of field values makes two different records sign the same bytes.
public enum TrustMessage {
  public static func make(_ domain: String, _ fields: [String]) -> [UInt8] {
    var bytes = Array((domain + "\n").utf8)
    for field in fields {
      let value = Array(field.utf8)
      bytes += Array("\(value.count):".utf8)
      bytes += value
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }
}

/// What is wrong with a certificate, a signed round, a revocation list or a signature, in plain words (no full stop).
public struct TrustProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
