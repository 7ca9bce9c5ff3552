import Testing
@testable import WijkwebCore

@Suite struct SupportTests {
  @Test func sha256KnownVectors() {
    #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(SHA256.hex(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

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
