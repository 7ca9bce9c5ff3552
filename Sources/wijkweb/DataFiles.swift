import Foundation
import WijkwebCore
import WijkwebFiles

/// Finds the data folders that ship with the program (`Questionnaires/`, `Areas/`): beside the binary,
/// in the source tree the binary was built in, or in /usr/share/wijkweb; `$WIJKWEB_DATA` overrides.
enum DataFiles {
  static func folder(_ name: String) throws -> URL {
    var candidates: [URL] = []
    if let data = ProcessInfo.processInfo.environment["WIJKWEB_DATA"], !data.isEmpty {
      candidates.append(URL(fileURLWithPath: data))
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
      directory = executable
    }
    for _ in 0 ..< 5 {
      candidates.append(directory)
      directory = directory.deletingLastPathComponent()
    }
    candidates.append(URL(fileURLWithPath: "/usr/share/wijkweb"))
    for candidate in candidates {
      let url = candidate.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        return url
      }
    }
    throw Failure("The folder \(name)/ that ships with Wijkweb was not found. Set WIJKWEB_DATA to the folder that holds it.")
  }

  /// The text of a data file: the path as given, checked (exists, regular file, at most `limit` bytes,
  /// valid UTF-8) before anything parses it.
  static func read(_ url: URL, limit: Int = AreaFile.maximumFileBytes, what: String = "data file") throws -> String {
    try read(url.path, limit: limit, what: what)
  }

  static func read(_ path: String, limit: Int, what: String) throws -> String {
    do {
      return try TextFile.read(path, limit: limit, what: what)
    } catch let error as FileError {
      throw Failure(FileProblem.printable(error.message))
    }
  }
}

/// A failure said in one plain sentence; the program prints it and exits with status 1. What it quotes
/// from files and databases is printed with control characters made visible.
struct Failure: Error, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { TerminalText.visible(message, keepingNewlines: true) }
}
