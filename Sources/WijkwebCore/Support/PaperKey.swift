import WijkwebCrypto
/// A paper backup of an encrypted team key: the bytes in base32 (Crockford's alphabet: no I, L, O or U,
/// so nothing is misread), in groups of four, eight groups a line, each line ending in a two-letter
/// check of that line, and a last line with a checksum over all the bytes.
///
///     WIJKWEB-PAPER-KEY 1
///     01: ABCD EFGH ... WXYZ  CK
///     ...
///     CHECKSUM: ABCD EFGH
///     WIJKWEB-PAPER-KEY-END
///
/// The key stays encrypted with its passphrase on paper; the paper alone does not open sealed responses.
public enum PaperKey {
  public static let header = "WIJKWEB-PAPER-KEY 1"
  public static let footer = "WIJKWEB-PAPER-KEY-END"
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
  static let groupsPerLine = 8

  /// The printable text for `bytes`, with instructions above the block.
  public static func text(for bytes: [UInt8], instructions: String) -> String {
    let characters = base32(bytes)
    var lines = [instructions, "", header]
    let perLine = 4 * groupsPerLine
    var start = 0
    var number = 1
    while start < characters.count {
      let line = Array(characters[start ..< min(start + perLine, characters.count)])
      let groups = stride(from: 0, to: line.count, by: 4).map { String(line[$0 ..< min($0 + 4, line.count)]) }
      lines.append("\(number < 10 ? "0" : "")\(number): \(groups.joined(separator: " "))  \(lineCheck(line))")
      start += perLine
      number += 1
    }
    let sum = Array(checksum(bytes))
    lines.append("CHECKSUM: \(String(sum[0 ..< 4])) \(String(sum[4 ..< 8]))")
    lines.append(footer)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The bytes of a paper backup typed back in; extra spaces, lower case, and O/I/L for 0/1/1 are accepted.
  public static func bytes(from text: String) throws -> [UInt8] {
    let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }
    guard let start = lines.firstIndex(of: header), let end = lines.firstIndex(of: footer), start < end else {
      throw PaperKeyProblem("the lines \"\(header)\" and \"\(footer)\" around the key were not found")
    }
    var characters: [Character] = []
    var expectedSum: [Character]?
    var number = 0
    for line in lines[(start + 1) ..< end] where !line.isEmpty {
      if line.uppercased().hasPrefix("CHECKSUM:") {
        expectedSum = normalize(String(line.dropFirst("CHECKSUM:".count)))
        continue
      }
      number += 1
      guard let colon = line.firstIndex(of: ":") else { throw PaperKeyProblem("line \(number) of the key has no number and colon") }
      var content = normalize(String(line[line.index(after: colon)...]))
      guard content.count > 2 else { throw PaperKeyProblem("line \(number) of the key is empty") }
      let check = Array(content.suffix(2))
      content.removeLast(2)
      guard lineCheck(content) == String(check) else {
        throw PaperKeyProblem("line \(number) of the key has a typing error (its check \(String(check)) does not match); compare it with the paper")
      }
      characters += content
    }
    guard let expectedSum else { throw PaperKeyProblem("the CHECKSUM line is missing") }
    guard let bytes = decodeBase32(characters) else { throw PaperKeyProblem("the key holds characters that are not part of it") }
    guard Array(checksum(bytes)) == expectedSum else {
      throw PaperKeyProblem("the key does not match its CHECKSUM line; a line may be missing or typed twice")
    }
    return bytes
  }

  // MARK: Internals

  static func normalize(_ text: String) -> [Character] {
    text.uppercased().compactMap { character -> Character? in
      switch character {
      case "O": return "0"
      case "I", "L": return "1"
      case " ", "\t", "-": return nil
      default: return character
      }
    }
  }

  static func lineCheck(_ characters: [Character]) -> String {
    let digest = SHA256.hex(of: Array(String(characters).utf8))
    let bytes = Array(digest.utf8.prefix(4))
    let value = bytes.reduce(0) { $0 &* 31 &+ Int($1) }
    return String([alphabet[value & 31], alphabet[(value >> 5) & 31]])
  }

  static func checksum(_ bytes: [UInt8]) -> String {
    let digest = SHA256.hex(of: bytes)
    var raw: [UInt8] = []
    var index = digest.startIndex
    for _ in 0 ..< 5 {
      let next = digest.index(index, offsetBy: 2)
      raw.append(UInt8(digest[index ..< next], radix: 16) ?? 0)
      index = next
    }
    return String(base32(raw))
  }

  static func base32(_ bytes: [UInt8]) -> [Character] {
    var output: [Character] = []
    var buffer = 0
    var bits = 0
    for byte in bytes {
      buffer = (buffer << 8) | Int(byte)
      bits += 8
      while bits >= 5 {
        output.append(alphabet[(buffer >> (bits - 5)) & 31])
        bits -= 5
      }
      buffer &= (1 << bits) - 1
    }
    if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
    return output
  }

  static func decodeBase32(_ characters: [Character]) -> [UInt8]? {
    var output: [UInt8] = []
    var buffer = 0
    var bits = 0
    for character in characters {
      guard let value = alphabet.firstIndex(of: character) else { return nil }
      buffer = (buffer << 5) | value
      bits += 5
      if bits >= 8 {
        output.append(UInt8((buffer >> (bits - 8)) & 255))
        bits -= 8
      }
      buffer &= (1 << bits) - 1
    }
    return output
  }
}

/// Why a typed-in paper key cannot be read, in plain words (no full stop).
public struct PaperKeyProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
