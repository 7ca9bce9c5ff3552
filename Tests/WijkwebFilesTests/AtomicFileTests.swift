import Foundation
import Testing
@testable import WijkwebFiles

@Suite struct AtomicFileTests {
  let folder: String

  init() throws {
    folder = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
  }

  private func mode(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
  }

  private func entries() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  @Test func temporaryFileIsOwnerOnlyFromTheFirstByteEvenWithAnOpenUmask() throws {
    let old = umask(0)
    defer { umask(old) }
    let file = try AtomicFile(path: folder + "/out.csv")
    #expect(mode(file.temporaryPath) == 0o600)
    #expect(file.temporaryPath.hasPrefix(folder + "/.out.csv.partial-"))
    try file.write("a,b\n")
    try file.flush()
    #expect(mode(file.temporaryPath) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: folder + "/out.csv"))
    try file.commit()
    #expect(mode(folder + "/out.csv") == 0o600)
    #expect(try String(contentsOfFile: folder + "/out.csv", encoding: .utf8) == "a,b\n")
    #expect(entries() == ["out.csv"])
  }

  @Test func aSpillFileGivesBackWhatWasWrittenAndLeavesNothingInItsFolder() throws {
    let spill = try SpillFile(folder: folder)
    #expect(entries().isEmpty, "the spill file has no name from the start")
    var written: [UInt8] = []
    var size = 1
    while written.count < 3_500_000 {
      let piece = (0 ..< size).map { UInt8(truncatingIfNeeded: written.count &+ $0) }
      try spill.write(piece)
      written += piece
      size = size * 2 + 3
    }
    #expect(spill.count == written.count)
    var read: [UInt8] = []
    var largest = 0
    try spill.forEachPiece { piece in
      read += piece
      largest = max(largest, piece.count)
    }
    #expect(read == written)
    #expect(largest <= 1 << 20)
    #expect(entries().isEmpty)
  }

  @Test func symbolicLinkAtTheTargetIsRefusedEvenWithForce() throws {
    let victim = folder + "/victim"
    try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
    symlink(victim, folder + "/out.pdf")
    for force in [false, true] {
      #expect(throws: FileError.self) { try AtomicFile.write("x", to: folder + "/out.pdf", force: force) }
    }
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    #expect(entries() == ["out.pdf", "victim"])
  }

  @Test func danglingSymbolicLinkTargetIsNeverCreated() throws {
    symlink(folder + "/nowhere", folder + "/backup.sqlite")
    #expect(throws: FileError.self) { try AtomicFile.write("x", to: folder + "/backup.sqlite") }
    #expect(!FileManager.default.fileExists(atPath: folder + "/nowhere"))
    #expect(entries() == ["backup.sqlite"])
  }

  @Test func existingFileNeedsForce() throws {
    try AtomicFile.write("one", to: folder + "/r.html")
    let error = #expect(throws: FileError.self) { try AtomicFile.write("two", to: folder + "/r.html") }
    #expect(error?.message.contains("--force") == true)
    #expect(try String(contentsOfFile: folder + "/r.html", encoding: .utf8) == "one")
    try AtomicFile.write("two", to: folder + "/r.html", force: true)
    #expect(try String(contentsOfFile: folder + "/r.html", encoding: .utf8) == "two")
    #expect(entries() == ["r.html"])
  }

  @Test func fileThatAppearsWhileWritingIsNotReplaced() throws {
    let file = try AtomicFile(path: folder + "/k.key")
    try file.write("secret")
    try "other".write(toFile: folder + "/k.key", atomically: false, encoding: .utf8)
    #expect(throws: FileError.self) { try file.commit() }
    #expect(try String(contentsOfFile: folder + "/k.key", encoding: .utf8) == "other")
    #expect(entries() == ["k.key"])
  }

  @Test func discardedOrAbandonedFileLeavesNothing() throws {
    do {
      let file = try AtomicFile(path: folder + "/gone.csv")
      try file.write("x")
    }
    let file = try AtomicFile(path: folder + "/gone2.csv")
    file.discard()
    #expect(entries().isEmpty)
  }

  @Test func modeIsGivenOnlyAtCommitForPublicFiles() throws {
    let file = try AtomicFile(path: folder + "/team.pub", mode: 0o644)
    #expect(mode(file.temporaryPath) == 0o600)
    try file.commit()
    #expect(mode(folder + "/team.pub") == 0o644)
  }

  @Test func missingFolderAndFolderTargetAreOneSentence() throws {
    let missing = #expect(throws: FileError.self) { try AtomicFile.write("x", to: folder + "/no/such/file") }
    #expect(missing?.message.contains("does not exist") == true)
    let isFolder = #expect(throws: FileError.self) { try AtomicFile.write("x", to: folder) }
    #expect(isFolder?.message.contains("is a folder") == true)
  }
}
