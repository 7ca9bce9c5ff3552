import Foundation
import Testing
@testable import WijkwebFiles

@Suite struct TextFileTests {
  @Test func invalidUTF8IsFoundAtItsByte() {
    #expect(TextFile.invalidUTF8Offset(Array("café ✓ 𝄞".utf8)) == nil)
    #expect(TextFile.invalidUTF8Offset([0x61, 0x62, 0xE9, 0x0A]) == 2)
    #expect(TextFile.invalidUTF8Offset([0xC0, 0x80]) == 0, "overlong")
    #expect(TextFile.invalidUTF8Offset([0xED, 0xA0, 0x80]) == 0, "a surrogate")
    #expect(TextFile.invalidUTF8Offset([0x61, 0xE2, 0x82]) == 1, "cut short")
  }

  @Test func eachRefusalNamesThePathAndTheCause() throws {
    let folder = NSTemporaryDirectory() + "textfile-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let missing = #expect(throws: FileError.self) { try TextFile.read(folder + "/x.yaml", limit: 10, what: "questionnaire") }
    #expect(missing?.message == "\(folder)/x.yaml does not exist; check the path (questionnaire).")
    let device = #expect(throws: FileError.self) { try TextFile.read("/dev/zero", limit: 10, what: "questionnaire") }
    #expect(device?.message.contains("not a regular file") == true)
    let isFolder = #expect(throws: FileError.self) { try TextFile.read(folder, limit: 10, what: "questionnaire") }
    #expect(isFolder?.message.contains("is a folder") == true)
    try Data(repeating: 0x61, count: 11).write(to: URL(fileURLWithPath: folder + "/big"))
    let big = #expect(throws: FileError.self) { try TextFile.read(folder + "/big", limit: 10, what: "questionnaire") }
    #expect(big?.message.contains("at most 10 bytes") == true)
    try Data([0x61, 0xFF]).write(to: URL(fileURLWithPath: folder + "/bad"))
    let bad = #expect(throws: FileError.self) { try TextFile.read(folder + "/bad", limit: 10, what: "questionnaire") }
    #expect(bad?.message.contains("at byte 1") == true)
    try Data("id: x\n".utf8).write(to: URL(fileURLWithPath: folder + "/ok"))
    #expect(try TextFile.read(folder + "/ok", limit: 10, what: "questionnaire") == "id: x\n")
  }
}
