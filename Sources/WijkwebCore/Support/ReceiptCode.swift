import Foundation

/// The code a resident takes home to withdraw their answers later ("bewijsnummer").
///
/// Sixteen characters from an alphabet without look-alikes (no 0/O, 1/I/L), read aloud in four groups:
/// `XXXX-XXXX-XXXX-XXXX`. The first group is the code's locator, stored in the clear so a laptop finds
/// the response; the other twelve characters (31^12, about 2^59.4) are the secret that only a slow
/// hash of the whole code keeps (see Docs/withdrawals.md for why guessing them is infeasible).
/// Codes of the earlier form `XXXX-XXXX` are still read, for responses made before.
public enum ReceiptCode {
  public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
  /// Characters in a code, and per group.
  public static let length = 16
  static let groupLength = 4
  /// The length of codes handed out before the locator and the slow hash.
  static let legacyLength = 8

  /// A new random code drawn from `generator`.
  public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
    let characters = (0 ..< length).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
    return grouped(characters)
  }

  /// The code in its one written form (upper case, groups of four joined by dashes), or nil when `code`
  /// is not a receipt code. Case, spaces and dashes are forgiven.
  public static func normalize(_ code: String) -> String? {
    let letters = Array(code.uppercased().filter { $0 != "-" && $0 != " " })
    guard letters.count == length || letters.count == legacyLength, letters.allSatisfy({ alphabet.contains($0) }) else { return nil }
    return grouped(letters)
  }

  /// The locator of a normalised code: its first group, which finds the response without revealing the rest.
  public static func locator(of code: String) -> String { String(code.prefix(groupLength)) }

  /// The bits of a code's secret part (all but the locator).
  public static var secretBits: Double { Double(length - groupLength) * log2(Double(alphabet.count)) }

  static func grouped(_ characters: [Character]) -> String {
    stride(from: 0, to: characters.count, by: groupLength)
      .map { String(characters[$0 ..< min($0 + groupLength, characters.count)]) }.joined(separator: "-")
  }
}
