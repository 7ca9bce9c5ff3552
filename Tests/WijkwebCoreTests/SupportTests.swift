import Foundation
import Testing
@testable import WijkwebCore

@Suite struct SupportTests {
  @Test func receiptCodesHaveTheirFormAndNormalize() {
    var generator = SystemRandomNumberGenerator()
    let code = ReceiptCode.make(using: &generator)
    #expect(code.count == 19 && code.split(separator: "-").map(\.count) == [4, 4, 4, 4])
    #expect(code.allSatisfy { $0 == "-" || ReceiptCode.alphabet.contains($0) })
    #expect(ReceiptCode.normalize(code.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
    // Guessing the part a bundle does not show (all but the locator) is at least 50 bits of work.
    #expect(ReceiptCode.secretBits >= 50)
    #expect(ReceiptCode.locator(of: code) == String(code.prefix(4)))
    #expect(!ReceiptCode.alphabet.contains { "01ILO".contains($0) })
    // Codes handed out before keep working.
    #expect(ReceiptCode.normalize("abcd efgh") == "ABCD-EFGH")
    #expect(ReceiptCode.normalize("ABCD-EFG0") == nil)
    #expect(ReceiptCode.normalize("ABC") == nil)
  }

  @Test func csvHandlesQuotesNewlinesAndBOM() {
    let rows = CSV.parse("\u{FEFF}a,b\r\n\"x, y\",\"he said \"\"hi\"\"\"\n\"two\nlines\",z\n")
    #expect(rows.map(\.fields) == [["a", "b"], ["x, y", "he said \"hi\""], ["two\nlines", "z"]])
    #expect(rows.map(\.line) == [1, 2, 3])
  }
}
