import Testing
@testable import WijkwebTUI

/// Screen wrapping is linear: a 10 MB one-word text (the review screen shows what a bundle brought) is
/// wrapped in well under a second, broken into pieces of the screen's width.
@Suite struct TextLayoutSpeedTests {
  @Test func aTenMegabyteWordWrapsQuicklyIntoFullLines() {
    let word = String(repeating: "a", count: 10_000_000)
    let clock = ContinuousClock()
    var lines: [String] = []
    let elapsed = clock.measure { lines = TextLayout.wrap(word, width: 78) }
    // Unoptimised (debug) on a shared machine; an optimised build is several times faster.
    #expect(elapsed < .seconds(3), "wrapping 10 MB took \(elapsed)")
    // What a screen shows (twenty lines) of 10 MB, ASCII or not, is laid out at once.
    var shown: [String] = []
    let screen = clock.measure { shown = TextLayout.wrap(word, width: 78, maxLines: 20) }
    #expect(screen < .milliseconds(100) && shown.count == 20, "twenty lines of 10 MB took \(screen)")
    let accented = String(repeating: "é", count: 10_000_000)
    let accentedScreen = clock.measure { shown = TextLayout.wrap(accented, width: 78, maxLines: 20) }
    #expect(accentedScreen < .milliseconds(200) && shown.count == 20 && shown[0].count == 78, "took \(accentedScreen)")
    #expect(lines.count == (10_000_000 + 77) / 78)
    #expect(lines.dropLast().allSatisfy { $0.count == 78 })
    #expect(TextLayout.wrap("een twee drie", width: 8) == ["een twee", "drie"])
    #expect(TextLayout.wrap("ab cdefghij", width: 4) == ["ab", "cdef", "ghij"])
    #expect(TextLayout.wrap("a  b\n\nc", width: 5) == ["a b", "", "c"], "spaces collapse, newlines stay")
    // Beyond ASCII the same rules, by characters.
    #expect(TextLayout.wrap("éé ééé ééééé", width: 4) == ["éé", "ééé", "éééé", "é"])
    for sample in ["ab cdefghij", "a  b\n\nc", "", "abcdefgh", "x\n", " een  twee drie vier vijfzesenzeventig "] {
      for width in [1, 3, 4, 8] {
        #expect(TextLayout.wrap(sample, width: width) == TextLayout.wrapCharacters(sample, width: width, maxLines: .max), "\(sample) \(width)")
      }
    }
  }
}
