#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an export goes: written to a temporary file in the same folder, owner-only (0600, it is health
/// data), and renamed to its name only when complete, so a failure never leaves a half-written export.
/// An existing file is never replaced unless `force`.
public final class ExportDestination {
  /// The file the export will have when done.
  public let path: String
  /// The file being written meanwhile: `.NAME.partial-PID-N` in the same folder.
  public let temporaryPath: String
  private let force: Bool
  private var finished = false

  nonisolated(unsafe) private static var counter = 0

  public init(path: String, force: Bool) throws {
    self.path = path
    self.force = force
    var info = stat()
    if lstat(path, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFDIR {
        throw ExportError("\(path) is a folder; give --out a file name, e.g. \(path.hasSuffix("/") ? path : path + "/")export.csv.")
      }
      if !force { throw ExportError("\(path) already exists; choose another name, or add --force to replace it.") }
    }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else { throw ExportError("\(path) names a folder; give --out a file name.") }
    var folderInfo = stat()
    guard stat(folder, &folderInfo) == 0 else {
      throw ExportError("The folder \(folder) does not exist; create it first (mkdir -p \(folder)) or choose another --out.")
    }
    guard (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
      throw ExportError("\(folder) is a file, not a folder; choose another --out.")
    }
    Self.counter += 1
    temporaryPath = (folder == "/" ? "" : folder) + "/." + name + ".partial-\(getpid())-\(Self.counter)"
    let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw ExportError("Cannot write in \(folder): \(String(cString: strerror(errno))). Check that the folder is writable.")
    }
    _ = fchmod(descriptor, 0o600)
    _ = close(descriptor)
  }

  deinit { if !finished { discard() } }

  /// Gives the written temporary file its name (0600); refuses to replace a file made meanwhile unless `force`.
  public func commit() throws {
    guard !finished else { return }
    _ = chmod(temporaryPath, 0o600)
    if force {
      guard rename(temporaryPath, path) == 0 else { throw failure("Cannot rename the export to \(path)") }
    } else if link(temporaryPath, path) == 0 {
      _ = unlink(temporaryPath)
    } else if errno == EEXIST {
      discard()
      throw ExportError("\(path) appeared while the export was written; nothing was replaced. Choose another name, or add --force.")
    } else {
      // A file system without hard links: check, then rename.
      var info = stat()
      if lstat(path, &info) == 0 {
        discard()
        throw ExportError("\(path) appeared while the export was written; nothing was replaced. Choose another name, or add --force.")
      }
      guard rename(temporaryPath, path) == 0 else { throw failure("Cannot rename the export to \(path)") }
    }
    finished = true
  }

  /// Removes the temporary file (after a failure).
  public func discard() {
    guard !finished else { return }
    _ = unlink(temporaryPath)
    finished = true
  }

  private func failure(_ what: String) -> ExportError {
    let reason = String(cString: strerror(errno))
    discard()
    return ExportError("\(what): \(reason).")
  }
}
