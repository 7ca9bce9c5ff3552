import Testing
@testable import WijkwebTUI

/// Under `LANG=C` the screen writes ASCII: diacritics are dropped, never blanked, and lines keep their length.
@Suite struct TransliterationTests {
  @Test func diacriticsBecomeTheirLetterAndLinesKeepTheirLength() {
    let samples = ["Wat is uw geslacht? één coördinator café naïef", "Één – twee … “drie” €5", "│ Meedoen ─ 7,3 ✓ ß Ĳsselmeer", "中文 👩‍👩‍👧"]
    for sample in samples {
      let ascii = Transliteration.ascii(sample)
      #expect(ascii.count == sample.count, "\(sample) -> \(ascii)")
      let allASCII = ascii.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(allASCII, "\(ascii)")
    }
    #expect(Transliteration.ascii("één coördinator café") == "een coordinator cafe")
    #expect(Transliteration.ascii("Één – “drie”") == "Een - \"drie\"")
  }
}
