import WijkwebStore

/// What `wijkweb --version` prints: the program's version, the database schema it brings every database
/// to, and the git commit it was built from (`buildCommit`, written by the BuildCommit plugin).
enum Version {
  /// The release number; the Makefile reads it from here for the package name (`make deb`).
  static let number = "0.9.0"

  static var text: String {
    "wijkweb \(number)\nschema \(Store.programSchemaVersion)\ncommit \(buildCommit)"
  }
}
