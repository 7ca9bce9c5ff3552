import Foundation

/// Creates and migrates the central schema: each migration of `CentralSchema` not yet in
/// `wijkweb.schema_migrations` is applied in one transaction, under a lock, so two `central init` at once
/// apply it once; a database migrated by a newer Wijkweb is refused and left untouched.
public enum CentralMigrator {
  public struct Outcome: Equatable, Sendable {
    public var applied: [String]
    public var version: String
  }

  public static func migrate(_ connection: Connection) throws -> Outcome {
    try connection.transaction {
      try connection.execute("""
        SET LOCAL client_min_messages = warning;
        CREATE SCHEMA IF NOT EXISTS wijkweb;
        CREATE TABLE IF NOT EXISTS wijkweb.schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        LOCK TABLE wijkweb.schema_migrations IN EXCLUSIVE MODE;
        """)
      let done = Set(try connection.query("SELECT version FROM wijkweb.schema_migrations").compactMap { $0[0] })
      let known = Set(CentralSchema.migrations.map(\.version))
      let unknown = done.subtracting(known)
      if !unknown.isEmpty {
        throw CentralError("The central database was migrated by a newer Wijkweb (schema \(unknown.sorted().joined(separator: ", "))); update this program. Nothing was changed.")
      }
      var applied: [String] = []
      for migration in CentralSchema.migrations where !done.contains(migration.version) {
        try connection.execute(migration.sql)
        try connection.query("INSERT INTO wijkweb.schema_migrations (version) VALUES ($1)", [migration.version])
        try connection.query("INSERT INTO wijkweb.audit (action, detail) VALUES ('migrate', $1)", ["schema \(migration.version)"])
        applied.append(migration.version)
      }
      return Outcome(applied: applied, version: CentralSchema.currentVersion)
    }
  }

  /// The schema version of the central database, or nil when `central init` never ran there.
  public static func version(_ connection: Connection) throws -> String? {
    let exists = try connection.query("SELECT to_regclass('wijkweb.schema_migrations') IS NOT NULL")
    guard exists.first?.first == "t" else { return nil }
    // The latest by the order of `CentralSchema.migrations`, not by text ("10-..." sorts before "2-..."); a
    // version this Wijkweb does not know (a newer one's) wins, so callers can say so.
    let done = Set(try connection.query("SELECT version FROM wijkweb.schema_migrations").compactMap { $0[0] })
    let known = CentralSchema.migrations.map(\.version)
    if let unknown = done.subtracting(known).sorted().last { return unknown }
    return known.last { done.contains($0) }
  }
}
