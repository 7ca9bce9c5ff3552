/// Turns the bytes a terminal sends into characters, one byte at a time, dropping what is no UTF-8.
///
/// ncurses' own `get_wch` collects bytes until they form a character; an invalid byte (a lone
/// continuation byte, 0xFF, an overlong form) never does, so it pushed the bytes back and read them
/// again forever, and every key after it was lost. This decoder drops such bytes instead: a stray byte
/// is skipped, and a sequence cut short is dropped when the next byte cannot continue it.
struct UTF8KeyDecoder: Sendable {
  private var pending: [UInt8] = []
  private var expected = 0

  /// Whether the first bytes of a character wait for the rest.
  var isPending: Bool { !pending.isEmpty }

  /// Feeds one byte; returns a Unicode scalar value once a character is complete, else nil.
  mutating func feed(_ byte: UInt8) -> UInt32? {
    if !pending.isEmpty {
      if byte & 0xC0 == 0x80 {
        pending.append(byte)
        guard pending.count == expected else { return nil }
        defer { pending = [] }
        // Rejects overlong forms, surrogates and values past U+10FFFF.
        var decoded = String(decoding: pending, as: UTF8.self).unicodeScalars.makeIterator()
        guard let scalar = decoded.next(), decoded.next() == nil, scalar != "\u{FFFD}" else { return nil }
        return scalar.value
      }
      // Cut short: drop it, and read this byte afresh.
      pending = []
    }
    switch byte {
    case 0x00 ..< 0x80: return UInt32(byte)
    case 0xC2 ... 0xDF: expected = 2
    case 0xE0 ... 0xEF: expected = 3
    case 0xF0 ... 0xF4: expected = 4
    default: return nil  // a continuation byte on its own, 0xC0, 0xC1, 0xF5 ... 0xFF
    }
    pending = [byte]
    return nil
  }
}
