import Foundation
import Testing
@testable import WijkwebReports

/// Text layout is linear in the text's length: one 10 MB word (typed, pasted, or in a crafted bundle) is
/// laid out in well under a second, broken into pieces that fit, and a cut quote ends at a word.
@Suite struct TextLayoutSpeedTests {
  @Test func aTenMegabyteWordIsLaidOutQuicklyAndBroken() {
    let word = String(repeating: "a", count: 10_000_000)
    let clock = ContinuousClock()
    var lines: [String] = []
    let elapsed = clock.measure { lines = TextMetrics.wrap(word, width: 300, size: 9) }
    // Unoptimised (debug) on a shared machine; an optimised build is several times faster.
    #expect(elapsed < .seconds(3), "layout of 10 MB took \(elapsed)")
    #expect(lines.count > 1000)
    #expect(lines.dropLast().allSatisfy { TextMetrics.width($0, size: 9) <= 300 })
    #expect(lines.reduce(0) { $0 + $1.count } == word.count, "nothing is lost")
    var quote: [String] = []
    let limited = clock.measure { quote = TextMetrics.wrap(word, width: 300, size: 9, maxLines: 3) }
    #expect(limited < .milliseconds(200), "a quote of 3 lines from 10 MB took \(limited)")
    #expect(quote.count == 3 && quote[2].hasSuffix(" …"))
    // Beyond ASCII: a quote from a long non-ASCII word stops after the lines it needs.
    let accented = String(repeating: "é", count: 2_000_000)
    let accentedTime = clock.measure { quote = TextMetrics.wrap(accented, width: 300, size: 9, maxLines: 3) }
    #expect(accentedTime < .milliseconds(500), "a quote of 3 lines from 2 M characters took \(accentedTime)")
    #expect(quote.count == 3)
    // The ASCII and general paths agree.
    let text = "Een aantrekkelijke omgeving, zonder leegstand of verval, waarbewonersgraagwonenenelkaarontmoetenxx."
    for width in [20.0, 60, 120] {
      let limit = Int((width / 9 * DejaVuSansMetrics.unitsPerEm + 1e-9).rounded(.down))
      for sample in [text, "", "  a  b ", "Onuitsprekelijkgrootwoordzonderspaties kort"] {
        #expect(TextMetrics.wrap(sample, width: width, size: 9)
          == TextMetrics.wrapCharacters(sample, table: DejaVuSansMetrics.regular, limit: limit, stopAfter: .max), "\(sample) \(width)")
      }
    }
  }

  @Test func aCutQuoteEndsAfterAWholeWordWithAnEllipsis() {
    let text = "Mijn buurvrouw brengt elke week soep langs en daarna praten we uitgebreid over de oude tijd in de wijk"
    let lines = TextMetrics.wrap(text, width: 110, size: 9, maxLines: 2)
    #expect(lines.count == 2)
    let last = lines[1]
    #expect(last.hasSuffix(" …"))
    let kept = String(last.dropLast(2))
    let words = text.split(separator: " ").map(String.init)
    #expect(kept.split(separator: " ").allSatisfy { words.contains(String($0)) }, "\(last) ends mid-word")
    #expect(TextMetrics.width(last, size: 9) <= 110)
  }
}
