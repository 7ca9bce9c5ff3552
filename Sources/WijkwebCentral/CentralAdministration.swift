import Foundation
import WijkwebCore

/// A round on the central database with its counts, as `round show` prints it. The server keeps completed
/// responses only (a device submits a response when it is complete).
public struct CentralRoundDetail: Hashable, Sendable {
  public var questionnaireVersion: Int
  public var areaSet: String
  public var endsOn: String
  public var retentionDays: Int
  public var completed: Int
  public var sealed: Int
  public var isSealedRound: Bool
}

/// The admin's changes to the central database's set-up (rounds, areas, population), each in one
/// transaction with its audit entry under the login (session_user). PostgreSQL's grants decide who may:
/// a team, researcher or device login gets "permission denied" and nothing changes.
public enum CentralAdministration {
  public static func roundDetail(named name: String, on connection: Connection) throws -> CentralRoundDetail? {
    guard let row = try connection.query("""
      SELECT q.version, r.area_set, to_char(r.ends_on, 'YYYY-MM-DD'), r.retention_days,
        (SELECT count(*) FROM wijkweb.responses WHERE round_id = r.id),
        (SELECT count(*) FROM wijkweb.responses WHERE round_id = r.id AND sealed IS NOT NULL),
        r.seal_public_key IS NOT NULL
      FROM wijkweb.rounds r JOIN wijkweb.questionnaires q ON q.content_hash = r.questionnaire_hash WHERE r.name = $1
      """, [name]).first else { return nil }
    return CentralRoundDetail(questionnaireVersion: Int(row[0] ?? "") ?? 0, areaSet: row[1] ?? "", endsOn: row[2] ?? "",
                              retentionDays: Int(row[3] ?? "") ?? 0, completed: Int(row[4] ?? "") ?? 0, sealed: Int(row[5] ?? "") ?? 0,
                              isSealedRound: row[6] == "t")
  }

  /// Closes the round named `name`; false when there is none.
  public static func closeRound(named name: String, on connection: Connection) throws -> Bool {
    try connection.transaction {
      guard !(try connection.query("UPDATE wijkweb.rounds SET status = 'closed' WHERE name = $1 RETURNING 1", [name])).isEmpty else {
        return false
      }
      try audit("round-close", name, on: connection)
      return true
    }
  }

  /// Adds or updates areas by code, parents (higher levels) first.
  public static func importAreas(_ areas: [Area], on connection: Connection) throws {
    try connection.transaction {
      for area in areas.sorted(by: { $0.level < $1.level }) {
        try connection.query("""
          INSERT INTO wijkweb.areas (code, level, name, parent_code, aliases) VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (code) DO UPDATE SET level = excluded.level, name = excluded.name, parent_code = excluded.parent_code,
            aliases = excluded.aliases
          """, [area.code, area.level.rawValue, area.name, area.parentCode, area.aliases.joined(separator: ";")])
      }
      try audit("areas-import", "\(areas.count) areas", on: connection)
    }
  }

  /// Replaces the population margins of a round.
  public static func setPopulation(roundID: Int64, roundName: String, _ populations: [AreaPopulation], source: String,
                                   on connection: Connection) throws {
    try connection.transaction {
      try connection.query("DELETE FROM wijkweb.population WHERE round_id = $1::bigint", [String(roundID)])
      for area in populations {
        try connection.query("""
          INSERT INTO wijkweb.population (round_id, area_code, men, women, age_15_24, age_25_44, age_45_64, age_65_plus)
          VALUES ($1::bigint, $2, $3::integer, $4::integer, $5::integer, $6::integer, $7::integer, $8::integer)
          """, [String(roundID), area.areaCode] + (area.sex + area.age).map { String($0) })
      }
      try audit("population", "\(roundName): \(populations.count) areas from \(source)", on: connection)
    }
  }

  /// Stores the questionnaire (once per content hash) and creates an open round for it. The round's name
  /// follows the rules of every round (`BundleRound.nameProblem`); a name taken is nil, nothing changed.
  public static func createRound(name: String, questionnaire: Questionnaire, source: String, areaSet: String, startsOn: String,
                                 endsOn: String, minGroupSize: Int, retentionDays: Int, sealPublicKey: String?,
                                 on connection: Connection) throws -> Bool {
    try connection.transaction {
      try connection.query("""
        INSERT INTO wijkweb.questionnaires (content_hash, id, version, source) VALUES ($1, $2, $3::integer, $4)
        ON CONFLICT (content_hash) DO NOTHING
        """, [questionnaire.contentHash, questionnaire.id, String(questionnaire.version), source])
      guard !(try connection.query("""
        INSERT INTO wijkweb.rounds (name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, seal_public_key)
        VALUES ($1, $2, $3, $4::date, $5::date, $6::integer, $7::integer, $8)
        ON CONFLICT (name) DO NOTHING RETURNING 1
        """, [name, questionnaire.contentHash, areaSet, startsOn, endsOn, String(minGroupSize), String(retentionDays), sealPublicKey])).isEmpty
      else { return false }
      try audit("round-create", name, on: connection)
      return true
    }
  }

  static func audit(_ action: String, _ detail: String, on connection: Connection) throws {
    try connection.query("INSERT INTO wijkweb.audit (action, detail) VALUES ($1, $2)", [action, detail])
  }
}
