import Foundation
import WijkwebCore
import WijkwebFiles
import WijkwebReports
import WijkwebStore

/// Finds the data folders that ship with the program (`Questionnaires/`, `Areas/`, `Languages/`).
///
/// They stay plain files rather than SwiftPM resources: a coordinator can read and replace them, a
/// package installs them under /usr/share/wijkweb, and a static binary needs no resource bundle beside it.
/// In order: `$WIJKWEB_DATA` (and nothing else when it is set); `share/wijkweb` beside the binary's `bin/`
/// (an installed package: /usr/bin/wijkweb finds /usr/share/wijkweb, also when unpacked elsewhere); the
/// binary's folder and its parents (the source tree it was built in); /usr/share/wijkweb (a copied binary
/// on a machine with the package installed).
enum DataFiles {
  static func folder(_ name: String) throws -> URL {
    let environment = ProcessInfo.processInfo.environment
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    for candidate in candidates(environment: environment, executable: executable.resolvingSymlinksInPath()) {
      let url = candidate.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        return url
      }
    }
    if let data = environment["WIJKWEB_DATA"], !data.isEmpty {
      throw Failure("The folder \(name)/ is not in \(data) (WIJKWEB_DATA). Set WIJKWEB_DATA to the folder that holds Questionnaires/ and Areas/, or unset it.")
    }
    throw Failure("The folder \(name)/ that ships with Wijkweb was not found. Set WIJKWEB_DATA to the folder that holds it.")
  }

  /// The folders searched, most specific first.
  static func candidates(environment: [String: String], executable: URL) -> [URL] {
    if let data = environment["WIJKWEB_DATA"], !data.isEmpty {
      return [URL(fileURLWithPath: data)]
    }
    let binFolder = executable.deletingLastPathComponent()
    var candidates = [binFolder.deletingLastPathComponent().appendingPathComponent("share/wijkweb")]
    var directory = binFolder
    for _ in 0 ..< 5 {
      candidates.append(directory)
      directory = directory.deletingLastPathComponent()
    }
    candidates.append(URL(fileURLWithPath: "/usr/share/wijkweb"))
    return candidates
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

/// A failure of a command said in one plain sentence; `main` prints it and exits with status 1. What it
/// quotes from files and databases is printed with control characters made visible.
struct Failure: UserFacingError, CustomStringConvertible {
  var message: String
  /// The message in any language, said by `main` in the command's `--language`; `message` is its English.
  var localized: LocalizedMessage?
  init(_ message: String) { self.message = message }
  init(_ key: UIString, _ arguments: CustomStringConvertible...) {
    let localized = LocalizedMessage(key, arguments: arguments)
    self.init(localized.text(.english))
    self.localized = localized
  }
  /// A database problem, keeping its other languages.
  init(_ error: StoreError) {
    self.init(error.message)
    localized = error.file?.localized ?? error.localized
  }
  /// A file problem, keeping its other languages.
  init(_ error: FileError) {
    self.init(error.message)
    localized = error.localized
  }
  /// A report that could not be written, keeping its other languages.
  init(_ error: RenderError) {
    self.init(error.description)
    localized = error.file?.localized
  }
  var description: String { TerminalText.visible(message, keepingNewlines: true) }
  /// The same failure said in `language`.
  func said(in language: Language) -> Failure { Failure(localized?.text(language) ?? message) }
}

extension FileError {
  /// The problems a coordinator meets most, in any language; nil for the rest (said in English).
  var localized: LocalizedMessage? {
    switch kind {
    case .exists(let path): return LocalizedMessage(.errFileExists, path)
    case .noFolder(let folder): return LocalizedMessage(.errNoFolder, folder)
    case .other: return nil
    }
  }
}
