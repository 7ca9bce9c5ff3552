import Foundation
import GRDB
import WijkwebCore

extension Store {
  /// Whether the database has no rounds yet (a first start).
  public func needsSeeding() throws -> Bool {
    try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM rounds") == 0 }
  }

  /// Adds or updates areas (by code), in one transaction.
  public func importAreas(_ areas: [Area]) throws {
    try writer.write { db in
      for area in areas.sorted(by: { $0.level < $1.level }) {
        try db.execute(sql: """
          INSERT INTO areas (code, level, name, parent_code, aliases) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(code) DO UPDATE SET level = excluded.level, name = excluded.name,
            parent_code = excluded.parent_code, aliases = excluded.aliases
          """, arguments: [area.code, area.level.rawValue, area.name, area.parentCode, area.aliases.joined(separator: ";")])
      }
    }
  }

  /// Stores a questionnaire's source text (once per content hash) so rounds can pin it.
  public func installQuestionnaire(source: String, questionnaire: Questionnaire, now: Date = Date()) throws {
    try writer.write { db in
      try db.execute(sql: """
        INSERT OR IGNORE INTO questionnaires (content_hash, id, version, source, installed_at) VALUES (?, ?, ?, ?, ?)
        """, arguments: [questionnaire.contentHash, questionnaire.id, questionnaire.version, source, Self.timestamp(now)])
    }
  }

  /// Creates an open round for `questionnaire` (which must be installed) over the areas of `areaSet`,
  /// signed by the team: with `teamSigner` (the team key, opened on the team's machine) or, on a laptop
  /// alone, with its local team's key. An enrolled laptop cannot create rounds: they come from the team.
  @discardableResult
  public func createRound(name: String, questionnaire: Questionnaire, areaSet: String, startsOn: String, endsOn: String,
                          minGroupSize: Int = 10, retentionDays: Int = 730, sealPublicKey: [UInt8]? = nil,
                          teamSigner: (any MessageSigner)? = nil, now: Date = Date()) throws -> Int64 {
    if let problem = BundleRound.nameProblem(name) {
      throw StoreError("The round was not created: \(problem). Choose a name of 1 to \(BundleRound.maxNameLength) letters, digits, spaces or signs.")
    }
    return try writer.write { db in
      if try Int.fetchOne(db, sql: "SELECT count(*) FROM rounds WHERE name = ?", arguments: [name]) ?? 0 > 0 {
        throw StoreError(LocalizedMessage(.errRoundExists, name))
      }
      let team = try Self.trustState(in: db).team
      guard let signer = try teamSigner ?? Self.localTeamSigner(in: db) else {
        throw StoreError("""
          The round was not created: this laptop belongs to team \(team.teamID), and rounds come from the team. \
          Create it on the team's machine (round create --key TEAM.key) and import it here (wijkweb round import FILE).
          """)
      }
      guard signer.publicKey == team.signingKey else {
        throw StoreError("The round was not created: the key given is not the key of this machine's team (\(team.teamID)).")
      }
      let round = try RoundSignature.sign(BundleRound(
        name: name, questionnaireHash: questionnaire.contentHash, areaSet: areaSet, startsOn: startsOn, endsOn: endsOn,
        minGroupSize: minGroupSize, retentionDays: retentionDays, status: "open",
        sealPublicKey: sealPublicKey.map { Data($0).base64EncodedString() }), signer: signer)
      try db.execute(sql: """
        INSERT INTO rounds (name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, created_at,
          seal_public_key, team_signature)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
        """, arguments: [name, questionnaire.contentHash, areaSet, startsOn, endsOn, minGroupSize, retentionDays, Self.timestamp(now),
                         round.sealPublicKey, round.teamSignature])
      return db.lastInsertedRowID
    }
  }

  /// On a first start: the areas, the default questionnaire and a current round, so a newcomer can
  /// interview at once. Does nothing when a round exists.
  public func seedIfNeeded(areas: [Area], questionnaireSource: String, questionnaire: Questionnaire, now: Date = Date()) throws {
    guard try needsSeeding() else { return }
    try importAreas(areas)
    try installQuestionnaire(source: questionnaireSource, questionnaire: questionnaire, now: now)
    let today = CalendarDay(now, timeZone: .current)
    let year = today.year
    let autumn = today.month >= 7
    let name = autumn ? "Najaar \(year)" : "Voorjaar \(year)"
    let gemeente = areas.first { $0.level == .gemeente }?.code ?? ""
    try createRound(name: name, questionnaire: questionnaire, areaSet: gemeente,
                    startsOn: autumn ? "\(year)-07-01" : "\(year)-01-01", endsOn: autumn ? "\(year)-12-31" : "\(year)-06-30", now: now)
  }

  /// Closes a round: the interview no longer offers it.
  public func closeRound(id: Int64) throws {
    try writer.write { db in try db.execute(sql: "UPDATE rounds SET status = 'closed' WHERE id = ?", arguments: [id]) }
  }
}
