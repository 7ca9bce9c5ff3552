import Foundation
import WijkwebCore

/// Where the database lives: `--db`, else `$WIJKWEB_DB`, else `$XDG_DATA_HOME/wijkweb/wijkweb.sqlite`,
/// else `~/.local/share/wijkweb/wijkweb.sqlite`.
public enum DatabaseLocation {
  /// An explicit empty `--db ""` stays empty, and `Store` refuses it: it never means the default.
  public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let explicit { return explicit }
    if let path = environment["WIJKWEB_DB"], !path.isEmpty { return path }
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/wijkweb/wijkweb.sqlite" }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.local/share/wijkweb/wijkweb.sqlite"
  }

  /// What `prepare` made, so that a database refused afterwards leaves nothing behind.
  struct Created {
    /// The outermost folder made, if any (it holds nothing else).
    var folder: String?
    /// The empty database file made, if any.
    var file: String?

    func remove() {
      if let file {
        for companion in [file + "-wal", file + "-shm", file + "-journal"] { unlink(companion) }
        unlink(file)
      }
      if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }
  }

  /// Refuses a database that is not there (commands that only read): one sentence naming the path.
  static func requireExisting(path: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw StoreError(LocalizedMessage(.errNoDatabase, path), kind: .other)
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw StoreError(LocalizedMessage(.errNotDatabaseFile, path), kind: .other)
    }
  }

  /// Creates the folder (owner-only, 0700) and an empty database file (0600) if they do not exist yet.
  static func prepare(path: String) throws -> Created {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let manager = FileManager.default
    var created = Created()
    if !manager.fileExists(atPath: folder) {
      // The outermost missing folder: removing it removes everything made here.
      var outermost = folder
      var parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
      while parent != outermost, !manager.fileExists(atPath: parent) {
        outermost = parent
        parent = URL(fileURLWithPath: parent).deletingLastPathComponent().path
      }
      do {
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } catch {
        try? manager.removeItem(atPath: outermost)
        throw StoreError("Cannot create the folder \(folder) for the database: \(error.localizedDescription). Choose another place with --db PATH.")
      }
      created.folder = outermost
    }
    if !manager.fileExists(atPath: path) {
      let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW, 0o600)
      if descriptor < 0 {
        let reason = String(cString: strerror(errno))
        created.remove()
        throw StoreError("Cannot create the database file \(path): \(reason). Choose another place with --db PATH.")
      }
      close(descriptor)
      created.file = path
    }
    do {
      try checkWritable(path: path, folder: folder)
    } catch {
      created.remove()
      throw error
    }
    return created
  }

  /// Refuses a database this user cannot write: the file itself, or its folder, where SQLite keeps the
  /// `-wal` and `-shm` files beside the database. Said before SQLite would fail with a bare "readonly".
  static func checkWritable(path: String, folder: String) throws {
    if access(path, R_OK | W_OK) != 0 {
      let reason = errno
      if reason == EROFS {
        throw StoreError("The database \(path) is on a read-only file system, so nothing can be saved. Choose another place with --db PATH.", kind: .readOnly)
      }
      throw StoreError("The database \(path) is read-only (mode \(mode(of: path).map(octal) ?? "unknown")), so nothing can be saved. Run: chmod 600 \(quoted(path))", kind: .readOnly)
    }
    if access(folder, W_OK | X_OK) != 0 {
      let reason = errno
      if reason == EROFS {
        throw StoreError("The folder \(folder) of the database is on a read-only file system, so nothing can be saved. Choose another place with --db PATH.", kind: .readOnly)
      }
      throw StoreError("The folder \(folder) of the database is read-only (mode \(mode(of: folder).map(octal) ?? "unknown")); Wijkweb keeps its journal (-wal, -shm) there. Run: chmod 700 \(quoted(folder))", kind: .readOnly)
    }
  }

  /// Refuses a database that other users could read or change: the file (and any leftover `-wal`, `-shm`
  /// or `-journal` companion) must be owner-only, and so must its folder. The message says
  /// which and gives the commands that fix it. A shared folder such as /tmp cannot be fixed with chmod,
  /// so there the message asks for a folder of its own.
  static func checkOwnerOnly(path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var exposed: [(what: String, mode: mode_t)] = []
    var commands: [String] = []
    if let mode = mode(of: path), mode & 0o077 != 0 {
      exposed.append(("The database \(path)", mode))
      commands.append("chmod 600 \(quoted(path))")
    } else {
      // SQLite gives new companions the database's mode; only a leftover one can differ.
      for file in [path + "-wal", path + "-shm", path + "-journal"] {
        guard let mode = mode(of: file), mode & 0o077 != 0 else { continue }
        exposed.append(("the journal file \(file)", mode))
        commands.append("chmod 600 \(quoted(file))")
      }
    }
    var info = stat()
    if stat(folder, &info) == 0, info.st_mode & 0o077 != 0 {
      let shared = info.st_mode & S_ISVTX != 0 || info.st_uid != geteuid()
      if shared {
        throw StoreError("The database \(path) is in \(folder), a folder other users can \(verb(for: info.st_mode)) (mode \(octal(info.st_mode))). Keep it in a folder of its own, e.g. --db ~/.local/share/wijkweb/wijkweb.sqlite.", kind: .other)
      }
      exposed.append(("the folder \(folder)", info.st_mode))
      commands.append("chmod 700 \(quoted(folder))")
    }
    guard let first = exposed.first else { return }
    let others = exposed.count > 1 ? " (and \(exposed.dropFirst().map(\.what).joined(separator: ", ")))" : ""
    let subject = first.what.prefix(1).uppercased() + first.what.dropFirst()
    throw StoreError("\(subject)\(others) can be \(verb(for: first.mode)) by other users (mode \(octal(first.mode))); health data must be owner-only. Run: \(commands.joined(separator: "; "))", kind: .other)
  }

  /// Whether the file at `path` is empty (new) or starts with SQLite's header, "SQLite format 3" and a zero.
  static func looksLikeSQLite(path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return true }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    return header.isEmpty || header == Data("SQLite format 3\u{0}".utf8)
  }

  /// Whether the file system holding `path` has no free blocks left for this user.
  static func diskIsFull(path: String) -> Bool {
    var info = statvfs()
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return statvfs(folder, &info) == 0 && info.f_bavail == 0
  }

  private static func mode(of path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode : nil
  }

  private static func octal(_ mode: mode_t) -> String {
    let digits = String(mode & 0o7777, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// "read", "changed" or "opened": what the group and other bits of `mode` let others do.
  private static func verb(for mode: mode_t) -> String {
    if mode & 0o044 != 0 { return "read" }
    if mode & 0o022 != 0 { return "changed" }
    return "opened"
  }

  /// The path as a shell word: bare when it holds only safe characters, else in single quotes.
  private static func quoted(_ path: String) -> String {
    let safe = path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+~".contains($0)) }
    return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
