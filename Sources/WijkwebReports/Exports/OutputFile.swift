#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a buffer of 256 KiB: text and bytes in, few system calls out.
public final class OutputFile {
  public let path: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private let capacity = 1 << 18
  /// The first write error, if any (for writers called from C that cannot throw).
  public private(set) var failure: ExportError?

  /// Opens `path` for writing, truncating it; creates it owner-only (0600) if missing.
  public init(path: String) throws {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw ExportError("Cannot write \(path): \(String(cString: strerror(errno))). Check that the folder exists and is writable.")
    }
    buffer.reserveCapacity(capacity)
  }

  deinit { if descriptor >= 0 { _ = Glibc.close(descriptor) } }

  public func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= capacity { try flush() }
  }

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
    } catch let error as ExportError {
      failure = error
      return false
    } catch {
      failure = ExportError("Writing \(path) failed.")
      return false
    }
  }

  public func flush() throws {
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
        throw ExportError("Writing \(path) failed: \(reason). Check that the disk has space.")
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs to disk and closes.
  public func close() throws {
    try flush()
    if let failure { throw failure }
    guard descriptor >= 0 else { return }
    let synced = fsync(descriptor)
    let result = Glibc.close(descriptor)
    descriptor = -1
    if synced != 0 || result != 0 {
      throw ExportError("Writing \(path) failed: \(String(cString: strerror(errno))). Check that the disk has space.")
    }
  }
}
