import Foundation
import Testing
@testable import WijkwebStore

#if canImport(Glibc)
import Glibc
#endif

/// Commands that only read never create a database or folder, an empty path is an error, and a database
/// refused after it was created leaves nothing behind.
@Suite struct DatabaseCreationTests {
  let root = NSTemporaryDirectory() + "wijkweb-creation-\(UUID().uuidString)"

  @Test func missingDatabaseIsNamedAndNothingIsCreatedWhenOnlyReading() throws {
    let path = root + "/nieuw/map/wijkweb.sqlite"
    let error = #expect(throws: StoreError.self) { try Store(path: path, create: false) }
    #expect(error?.message.contains("There is no database at \(path)") == true)
    #expect(!FileManager.default.fileExists(atPath: root))
  }

  @Test func emptyPathIsAnErrorNotTheDefault() throws {
    #expect(DatabaseLocation.resolve(explicit: "", environment: ["HOME": "/h"]) == "")
    let error = #expect(throws: StoreError.self) { try Store(path: "") }
    #expect(error?.message.contains("empty") == true)
  }

  @Test func refusedDatabaseLeavesNothingBehind() throws {
    // A folder others may write to (like /tmp) is refused after the folder and file would have been made.
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(chmod(root, 0o1777) == 0)
    #expect(throws: StoreError.self) { try Store(path: root + "/wijkweb.sqlite") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    // A file that is not a database is refused and kept as it was.
    let other = root + "/notities.txt"
    try "mijn notities".write(toFile: other, atomically: false, encoding: .utf8)
    #expect(chmod(root, 0o700) == 0)
    #expect(chmod(other, 0o600) == 0)
    #expect(throws: StoreError.self) { try Store(path: other) }
    #expect(try String(contentsOfFile: other, encoding: .utf8) == "mijn notities")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["notities.txt"])
  }

  @Test func existingDatabaseOpensWithoutCreate() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try Store(path: root + "/gegevens/wijkweb.sqlite")
    _ = try Store(path: root + "/gegevens/wijkweb.sqlite", create: false)
    #expect(throws: StoreError.self) { try Store(path: root + "/gegevens", create: false) }
  }
}
