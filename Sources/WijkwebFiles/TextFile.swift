#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a text file a user named (a questionnaire, an area list), checking before anything is parsed:
/// it exists, is a regular file, is no larger than `limit` bytes, and is valid UTF-8. Each failure is one
/// sentence naming the path as typed and the real cause.
public enum TextFile {
  public static func read(_ path: String, limit: Int, what: String) throws -> String {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = errno
      if reason == ENOENT || reason == ENOTDIR { throw FileError("\(path) does not exist; check the path (\(what)).") }
      if reason == EACCES { throw FileError("\(path) cannot be read: no permission (\(what)).") }
      throw FileError("\(path) cannot be read: \(String(cString: strerror(reason))) (\(what)).")
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      let kind = (info.st_mode & S_IFMT) == S_IFDIR ? "a folder" : "not a regular file (a device, pipe or socket)"
      throw FileError("\(path) is \(kind); give the \(what) file itself.")
    }
    guard Int(info.st_size) <= limit else {
      throw FileError("\(path) is \(info.st_size) bytes; a \(what) may be at most \(limit) bytes.")
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason = errno
      if reason == EACCES { throw FileError("\(path) cannot be read: no permission (\(what)).") }
      throw FileError("\(path) cannot be read: \(String(cString: strerror(reason))) (\(what)).")
    }
    defer { close(descriptor) }
    // Never more than limit + 1 bytes, even if the file grows meanwhile.
    var bytes = [UInt8](repeating: 0, count: limit + 1)
    var total = 0
    while total < bytes.count {
      let count = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileError("\(path) cannot be read: \(String(cString: strerror(errno))) (\(what)).")
      }
      if count == 0 { break }
      total += count
    }
    guard total <= limit else { throw FileError("\(path) is larger than \(limit) bytes; a \(what) may be at most \(limit) bytes.") }
    bytes.removeSubrange(total...)
    if let offset = invalidUTF8Offset(bytes) {
      throw FileError("\(path) is not valid UTF-8 text (at byte \(offset)); save it as UTF-8 (\(what)).")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The offset of the first byte that is not part of valid UTF-8, or nil.
  public static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      var minimum: UInt32 = 0
      switch lead {
      case 0x00 ... 0x7F: index += 1; continue
      case 0xC2 ... 0xDF: length = 2; minimum = 0x80
      case 0xE0 ... 0xEF: length = 3; minimum = 0x800
      case 0xF0 ... 0xF4: length = 4; minimum = 0x10000
      default: return index
      }
      guard index + length <= bytes.count else { return index }
      var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for offset in 1 ..< length {
        let byte = bytes[index + offset]
        guard byte & 0xC0 == 0x80 else { return index }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800 ... 0xDFFF).contains(scalar) { return index }
      index += length
    }
    return nil
  }
}
