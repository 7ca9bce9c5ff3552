import Foundation
import Testing
import WijkwebCore
@testable import WijkwebTUI

/// The terminal's bytes to characters: valid UTF-8 comes through, anything else is dropped without
/// losing the keys after it. Seeded random byte strings check that the decoder never gets stuck.
@Suite struct UTF8KeyDecoderTests {
  func decode(_ bytes: [UInt8]) -> String {
    var decoder = UTF8KeyDecoder()
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      if let value = decoder.feed(byte), let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
    }
    return String(scalars)
  }

  @Test func validTextComesThrough() {
    for text in ["Goed zo", "coördinator", "één", "👩‍👩‍👧 🇳🇱", "٣５½", "\u{10FFFF}"] {
      #expect(decode(Array(text.utf8)) == text)
    }
  }

  @Test(arguments: [
    [0x80], [0xFF], [0xFE], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    [0xE0, 0x80, 0xAF], [0xC3],
  ] as [[UInt8]])
  func invalidBytesAreDroppedAndTheNextKeysStillCount(bytes: [UInt8]) {
    #expect(decode(Array("a".utf8) + bytes + Array("zo\t".utf8)) == "azo\t")
  }

  @Test func randomBytesNeverHoldBackTheKeysThatFollow() {
    var random = SeededRandom(seed: 0x0DEC_0DE5)
    let runs = Int(ProcessInfo.processInfo.environment["WIJKWEB_FUZZ_ITERATIONS"] ?? "") ?? 2000
    for run in 0 ..< runs {
      let count = Int(random.next() % 24)
      let bytes = (0 ..< count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      let decoded = decode(bytes + Array("ok".utf8))
      // Compared as scalars: a decoded U+0600...U+0605 joins the "o" after it into one Character.
      #expect(decoded.unicodeScalars.suffix(2).map(\.value) == [0x6F, 0x6B], "run \(run): \(bytes) gave \(decoded.debugDescription)")
      // Whatever came through is exactly the valid UTF-8 in the input, or less.
      #expect(decoded.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" || bytes.contains(0xEF) }, "run \(run)")
    }
  }
}
