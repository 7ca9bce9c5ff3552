import Foundation
import Testing
import WijkwebCore
@testable import WijkwebStore

#if canImport(Glibc)
import Glibc
#endif

/// The database holds health data: it and its folder must be owner-only, and the program refuses to open
/// it otherwise, saying how to fix it. A read-only file or folder is refused with a plain sentence too.
@Suite struct DatabasePermissionTests {
  /// A fresh owner-only folder with a database in it, made by the store itself.
  func freshDatabase() throws -> (folder: String, path: String) {
    let root = NSTemporaryDirectory() + "wijkweb-permissions-\(UUID().uuidString)"
    let path = root + "/gegevens/wijkweb.sqlite"
    _ = try Store(path: path)
    return (root + "/gegevens", path)
  }

  func setMode(_ path: String, _ mode: mode_t) {
    #expect(chmod(path, mode) == 0)
  }

  func message(opening path: String) -> String? {
    do {
      _ = try Store(path: path)
      return nil
    } catch let error as StoreError {
      return error.message
    } catch {
      return "unexpected error \(error)"
    }
  }

  func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  func cleanUp(_ folder: String) {
    chmod(folder, 0o700)
    try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: folder).deletingLastPathComponent().path)
  }

  @Test func anOwnerOnlyDatabaseOpens() throws {
    let (folder, path) = try freshDatabase()
    defer { cleanUp(folder) }
    #expect(message(opening: path) == nil)
  }

  @Test(arguments: [0o644 as mode_t, 0o640, 0o604, 0o660, 0o666])
  func aFileOthersCanReadIsRefusedWithTheFix(mode: mode_t) throws {
    let (folder, path) = try freshDatabase()
    defer { cleanUp(folder) }
    setMode(path, mode)
    let before = bytes(path)
    let text = try #require(message(opening: path))
    let octal = "0" + String(mode, radix: 8)
    #expect(text.contains("\(path) can be read by other users (mode \(octal))"), "\(text)")
    #expect(text.contains("Run: chmod 600 \(path)"), "\(text)")
    #expect(!text.contains("chmod 700"), "the folder is fine: \(text)")
    #expect(!text.contains("\n"))
    #expect(bytes(path) == before, "a refused database is left untouched")
    setMode(path, 0o600)
    #expect(message(opening: path) == nil, "after the suggested chmod it opens")
  }

  @Test func aFileOthersCanOnlyWriteIsRefusedToo() throws {
    let (folder, path) = try freshDatabase()
    defer { cleanUp(folder) }
    setMode(path, 0o620)
    let text = try #require(message(opening: path))
    #expect(text.contains("can be changed by other users (mode 0620)"), "\(text)")
  }

  @Test(arguments: [0o755 as mode_t, 0o750, 0o711, 0o705])
  func aFolderOthersCanEnterIsRefusedWithTheFix(mode: mode_t) throws {
    let (folder, path) = try freshDatabase()
    defer { cleanUp(folder) }
    setMode(folder, mode)
    let text = try #require(message(opening: path))
    #expect(text.contains("The folder \(folder) can be"), "\(text)")
    #expect(text.contains("(mode 0\(String(mode, radix: 8)))"), "\(text)")
    #expect(text.hasSuffix("Run: chmod 700 \(folder)"), "\(text)")
    setMode(folder, 0o700)
    #expect(message(opening: path) == nil)
  }

  @Test func fileAndFolderAreNamedTogether() throws {
    let (folder, path) = try freshDatabase()
    defer { cleanUp(folder) }
    setMode(path, 0o644)
    setMode(folder, 0o755)
    let text = try #require(message(opening: path))
    #expect(text.contains("The database \(path) (and the folder \(folder)) can be read by other users (mode 0644)"), "\(text)")
    #expect(text.hasSuffix("Run: chmod 600 \(path); chmod 700 \(folder)"), "\(text)")
  }

  @Test func aLeftoverJournalOthersCanReadIsRefused() throws {
    let (folder, path) = try freshDatabase()
    defer { cleanUp(folder) }
    #expect(FileManager.default.createFile(atPath: path + "-journal", contents: Data(), attributes: [.posixPermissions: 0o644]))
    let text = try #require(message(opening: path))
    #expect(text.contains("The journal file \(path)-journal can be read by other users (mode 0644)"), "\(text)")
    #expect(text.contains("chmod 600 \(path)-journal"), "\(text)")
  }

  @Test func aSharedFolderAsksForAFolderOfItsOwn() throws {
    let root = NSTemporaryDirectory() + "wijkweb-shared-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    setMode(root, 0o1777)
    let text = try #require(message(opening: root + "/wijkweb.sqlite"))
    #expect(text.contains("a folder other users can read (mode 1777)"), "\(text)")
    #expect(text.contains("Keep it in a folder of its own"), "\(text)")
    #expect(!text.contains("chmod"), "chmod of a shared folder would break it for others: \(text)")
  }

  @Test func aNewDatabaseIsMadeOwnerOnlyInsideAnExistingPrivateFolder() throws {
    let root = NSTemporaryDirectory() + "wijkweb-private-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/wijkweb.sqlite"
    #expect(message(opening: path) == nil)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  /// Root may write any file, so the read-only checks are only meaningful for an ordinary user; the
  /// end-to-end tests run them as `nobody`.
  @Test(.enabled(if: geteuid() != 0, "root may write read-only files"))
  func aReadOnlyFileIsRefusedPlainly() throws {
    let (folder, path) = try freshDatabase()
    defer { cleanUp(folder) }
    setMode(path, 0o400)
    let text = try #require(message(opening: path))
    #expect(text.contains("is read-only (mode 0400)"), "\(text)")
    #expect(text.contains("Run: chmod 600 \(path)"), "\(text)")
  }

  @Test(.enabled(if: geteuid() != 0, "root may write into read-only folders"))
  func aReadOnlyFolderIsRefusedPlainly() throws {
    let (folder, path) = try freshDatabase()
    defer { cleanUp(folder) }
    setMode(folder, 0o500)
    let text = try #require(message(opening: path))
    #expect(text.contains("The folder \(folder) of the database is read-only (mode 0500)"), "\(text)")
  }

  @Test func pathsWithSpacesAreQuotedInTheCommand() throws {
    let root = NSTemporaryDirectory() + "wijkweb-quoted-\(UUID().uuidString)"
    let path = root + "/mijn gegevens/wijkweb.sqlite"
    _ = try Store(path: path)
    defer { try? FileManager.default.removeItem(atPath: root) }
    setMode(path, 0o644)
    let text = try #require(message(opening: path))
    #expect(text.hasSuffix("Run: chmod 600 '\(path)'"), "\(text)")
  }
}
