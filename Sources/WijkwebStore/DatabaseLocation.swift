import Foundation

/// Where the database lives: `--db`, else `$WIJKWEB_DB`, else `$XDG_DATA_HOME/wijkweb/wijkweb.sqlite`,
/// else `~/.local/share/wijkweb/wijkweb.sqlite`.
public enum DatabaseLocation {
  public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let path = environment["WIJKWEB_DB"], !path.isEmpty { return path }
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/wijkweb/wijkweb.sqlite" }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.local/share/wijkweb/wijkweb.sqlite"
  }

  /// Creates the folder (owner-only, 0700) and an empty database file (0600) if they do not exist yet.
  static func prepare(path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let manager = FileManager.default
    if !manager.fileExists(atPath: folder) {
      do {
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } catch {
        throw StoreError("Cannot create the folder \(folder) for the database: \(error.localizedDescription). Choose another place with --db PATH.")
      }
    }
    if !manager.fileExists(atPath: path) {
      let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
      if descriptor < 0 {
        throw StoreError("Cannot create the database file \(path): \(String(cString: strerror(errno))). Choose another place with --db PATH.")
      }
      close(descriptor)
    }
  }
}
