/// The short code a resident takes home to withdraw their answers later ("bewijsnummer").
///
/// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as `XXXX-XXXX`:
/// about 10^12 codes, so guessing another resident's code is hopeless.
public enum ReceiptCode {
  public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

  /// A new random code drawn from `generator`.
  public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
    let characters = (0 ..< 8).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
    return String(characters[0 ..< 4]) + "-" + String(characters[4 ..< 8])
  }

  /// Whether `code` has the form of a receipt code (case and the dash are forgiven).
  public static func normalize(_ code: String) -> String? {
    let letters = code.uppercased().filter { $0 != "-" && $0 != " " }
    guard letters.count == 8, letters.allSatisfy({ alphabet.contains($0) }) else { return nil }
    return String(letters.prefix(4)) + "-" + String(letters.suffix(4))
  }
}
