#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way Wijkweb writes a file: exports, codebooks, reports, take-home webs, bundles, backups, keys.
///
/// The content goes to a temporary file `.NAME.partial-PID-N` in the target's own folder, created with
/// `O_EXCL` and mode 0600 from its first byte (it is health data, or a key), written through a buffer,
/// synced to disk, and only then given its name: with `link` (which fails if anything, even a dangling
/// symbolic link, appeared at the name meanwhile) or, with `force`, with `rename` (which replaces the name
/// itself and never writes through a link). A symbolic link at the target is always refused. The folder is
/// synced afterwards so the new name survives a power cut. A failure or an uncommitted file leaves nothing.
public final class AtomicFile {
  /// The file's name when done.
  public let path: String
  /// The file being written meanwhile, in the same folder.
  public let temporaryPath: String
  /// The folder of `path`.
  public let folder: String
  private let force: Bool
  private let mode: mode_t
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private let capacity = 1 << 18
  private var finished = false
  /// The first write error, if any (for writers called from C that cannot throw).
  public private(set) var failure: FileError?

  nonisolated(unsafe) private static var counter = 0

  /// Checks the target and creates the owner-only temporary file.
  ///
  /// - Parameters:
  ///   - path: the file to write.
  ///   - force: replace an existing regular file at `path`.
  ///   - mode: the file's mode once committed (0600 unless it is meant for others, such as a public key).
  public init(path: String, force: Bool = false, mode: mode_t = 0o600) throws {
    self.path = path
    self.force = force
    self.mode = mode
    guard !path.isEmpty else { throw FileError("No file name was given; name the file to write.") }
    guard !path.hasSuffix("/") else { throw FileError("\(path) names a folder; give a file name, e.g. \(path)out.") }
    try Self.checkTarget(path, force: force)
    let slash = path.lastIndex(of: "/")
    folder = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var folderInfo = stat()
    guard stat(folder, &folderInfo) == 0 else {
      throw FileError("The folder \(folder) does not exist; create it first (mkdir -p \(folder)) or choose another file name.", kind: .noFolder(folder))
    }
    guard (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
      throw FileError("\(folder) is a file, not a folder; choose another file name.")
    }
    var opened: Int32 = -1
    var temporary = ""
    for _ in 0 ..< 100 {
      Self.counter += 1
      temporary = (folder == "/" ? "" : folder) + "/." + name + ".partial-\(getpid())-\(Self.counter)"
      opened = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if opened >= 0 || errno != EEXIST { break }
    }
    guard opened >= 0 else {
      throw FileError("Cannot write in the folder \(folder): \(String(cString: strerror(errno))). Check that the folder is writable.")
    }
    // The umask can only take bits away; make sure it is exactly owner-only.
    _ = fchmod(opened, 0o600)
    temporaryPath = temporary
    descriptor = opened
    buffer.reserveCapacity(capacity)
  }

  deinit { discard() }

  /// Refuses a folder, a symbolic link, anything that is not a regular file, and (without `force`) any file.
  public static func checkTarget(_ path: String, force: Bool) throws {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      throw FileError("\(path) is a folder; give a file name, e.g. \(path)/out.")
    case S_IFLNK:
      throw FileError("\(path) is a symbolic link; Wijkweb never writes through a link. Remove it or choose another name.")
    case S_IFREG:
      if !force { throw FileError("\(path) already exists; choose another name, or add --force to replace it.", kind: .exists(path)) }
    default:
      throw FileError("\(path) is not a regular file; choose another name.")
    }
  }

  /// Buffers `text`.
  public func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= capacity { try flush() }
  }

  /// Buffers `bytes`.
  public func write(_ bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { try flush() }
  }

  /// Buffers `bytes`.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { try flush() }
  }

  /// Buffers `bytes`, remembering a failure instead of throwing (for C callbacks); false once failed.
  public func writeRemembering(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard failure == nil else { return false }
    do {
      try write(bytes)
      return true
    } catch let error as FileError {
      failure = error
      return false
    } catch {
      failure = FileError("Writing \(path) failed.")
      return false
    }
  }

  /// Writes the buffer to the temporary file.
  public func flush() throws {
    guard descriptor >= 0 else { throw FileError("Writing \(path) failed: the file was already closed.") }
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { bytes -> Int in
        guard let base = bytes.baseAddress else { return 0 }
        return Glibc.write(descriptor, base + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        buffer.removeAll(keepingCapacity: true)
        throw FileError("Writing \(path) failed: \(reason). Check that the disk has space.")
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs and closes the temporary file, gives it its name and syncs the folder. Without `force`
  /// it refuses (and removes the temporary file) when anything appeared at the name meanwhile.
  public func commit() throws {
    guard !finished else { return }
    do {
      try flush()
      if let failure { throw failure }
      if fsync(descriptor) != 0 { throw FileError("Writing \(path) failed: \(String(cString: strerror(errno))). Check that the disk has space.") }
      if mode != 0o600 { _ = fchmod(descriptor, mode) }
      let closed = Glibc.close(descriptor)
      descriptor = -1
      if closed != 0 { throw FileError("Writing \(path) failed: \(String(cString: strerror(errno))). Check that the disk has space.") }
      try Self.checkTarget(path, force: force)
      if force {
        guard rename(temporaryPath, path) == 0 else {
          throw FileError("Cannot give the file its name \(path): \(String(cString: strerror(errno))).")
        }
      } else if link(temporaryPath, path) == 0 {
        _ = unlink(temporaryPath)
      } else if errno == EEXIST {
        throw FileError("\(path) appeared while it was being written; nothing was replaced. Choose another name, or add --force.")
      } else {
        // A file system without hard links: the name was checked free just above.
        guard rename(temporaryPath, path) == 0 else {
          throw FileError("Cannot give the file its name \(path): \(String(cString: strerror(errno))).")
        }
      }
    } catch {
      discard()
      throw error
    }
    finished = true
    Self.syncFolder(folder)
  }

  /// Removes the temporary file (after a failure, or when the content is not wanted after all).
  public func discard() {
    guard !finished else { return }
    if descriptor >= 0 { _ = Glibc.close(descriptor) }
    descriptor = -1
    _ = unlink(temporaryPath)
    finished = true
  }

  /// Writes `bytes` to a new file at `path` in one go.
  public static func write(_ bytes: [UInt8], to path: String, force: Bool = false, mode: mode_t = 0o600) throws {
    let file = try AtomicFile(path: path, force: force, mode: mode)
    try file.write(bytes)
    try file.commit()
  }

  /// Writes `text` (UTF-8) to a new file at `path` in one go.
  public static func write(_ text: String, to path: String, force: Bool = false, mode: mode_t = 0o600) throws {
    try write(Array(text.utf8), to: path, force: force, mode: mode)
  }

  /// Syncs a folder so that a name just given in it is on disk.
  static func syncFolder(_ folder: String) {
    let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard handle >= 0 else { return }
    _ = fsync(handle)
    _ = Glibc.close(handle)
  }
}
