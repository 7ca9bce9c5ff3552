import Testing
@testable import WijkwebCore

@Suite struct SupportTests {
  @Test func receiptCodesHaveTheirFormAndNormalize() {
    var generator = SystemRandomNumberGenerator()
    let code = ReceiptCode.make(using: &generator)
    #expect(code.count == 9 && code.dropFirst(4).first == "-")
    #expect(code.allSatisfy { $0 == "-" || ReceiptCode.alphabet.contains($0) })
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
