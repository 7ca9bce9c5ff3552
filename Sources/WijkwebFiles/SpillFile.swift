#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes kept aside on disk while a large file is made (a bundle's record lines, which must follow its
/// manifest but are known first): an owner-only file (mode 0600) made in the target's folder and removed
/// from that folder at once, so nothing is left behind whatever happens; its space is freed when it is
/// closed. Written through a buffer, read back in pieces: memory does not grow with its size.
public final class SpillFile {
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private let capacity = 1 << 20
  /// How many bytes were written.
  public private(set) var count = 0

  public init(folder: String) throws {
    var template = Array(((folder == "/" ? "" : folder) + "/.wijkweb-spill-XXXXXX").utf8CString)
    descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw FileError("Cannot write a temporary file in \(folder): \(String(cString: strerror(errno))). Check that the disk has space and the folder may be written.")
    }
    _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
    buffer.reserveCapacity(capacity)
  }

  deinit {
    if descriptor >= 0 { _ = close(descriptor) }
  }

  public func write(_ bytes: [UInt8]) throws {
    buffer += bytes
    count += bytes.count
    if buffer.count >= capacity { try flush() }
  }

  /// Calls `body` with everything written, from the start, in pieces of at most 1 MiB.
  public func forEachPiece(_ body: ([UInt8]) throws -> Void) throws {
    try flush()
    guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw failed() }
    var piece = [UInt8](repeating: 0, count: capacity)
    var left = count
    while left > 0 {
      let read = piece.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, min($0.count, left)) }
      if read < 0 && errno == EINTR { continue }
      guard read > 0 else { throw failed() }
      left -= read
      try body(Array(piece[0 ..< read]))
    }
  }

  private func flush() throws {
    var offset = 0
    while offset < buffer.count {
      let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { throw failed() }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  private func failed() -> FileError {
    FileError("Writing a temporary file failed: \(String(cString: strerror(errno))). Check that the disk has space.")
  }
}
