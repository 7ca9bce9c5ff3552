import Foundation
import GRDB
import WijkwebCore

/// What `importRound` did with a round file.
public enum RoundImportOutcome: Hashable, Sendable {
  /// The round was new here and was created.
  case created
  /// The round was held here with the same definition (made on this laptop alone) and now carries the team's signature.
  case accepted
  /// The round was held here already with this very signature.
  case unchanged
}

extension Store {
  /// The round named `name` and its questionnaire, as a round file carries them.
  public func roundForFile(named name: String) throws -> (round: BundleRound, questionnaire: BundleQuestionnaire)? {
    try writer.read { db in
      guard let row = try Row.fetchOne(db, sql: """
        SELECT name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key,
          team_signature FROM rounds WHERE name = ?
        """, arguments: [name]) else { return nil }
      let round = Self.bundleRound(row)
      guard let q = try Row.fetchOne(db, sql: "SELECT content_hash, id, version, source FROM questionnaires WHERE content_hash = ?",
                                     arguments: [round.questionnaireHash]) else { return nil }
      return (round, BundleQuestionnaire(contentHash: q["content_hash"], id: q["id"], version: q["version"], source: q["source"]))
    }
  }

  /// Takes a round definition of a round file: valid only when this machine's team signed it (or, with
  /// `teamSigner` on the team's machine, the team signs it now: that is how the team accepts a round a
  /// laptop made alone) and sealed, if at all, to the team's key. A new round is created; a round held here
  /// with the same definition takes the team's signature; another definition under the same name is refused.
  public func importRound(_ checked: BundleValidator.Checked, teamSigner: (any MessageSigner)? = nil, actor: String,
                          now: Date = Date()) throws -> RoundImportOutcome {
    guard var round = checked.contents.rounds.first, let questionnaire = checked.contents.questionnaires.first else {
      throw StoreError("The round file holds no round.")
    }
    let team = try trustState().team
    if let teamSigner {
      guard teamSigner.publicKey == team.signingKey else {
        throw StoreError("The key given is not the key of this machine's team (\(team.teamID)); nothing was changed.")
      }
      round = try RoundSignature.sign(round, signer: teamSigner)
    }
    do {
      try RoundSignature.verify(round, team: team, with: Ed25519Verifier())
    } catch let problem as TrustProblem {
      throw StoreError("The round cannot be taken: \(problem.message). Nothing was changed.")
    }
    return try writer.write { db in
      try db.execute(sql: """
        INSERT OR IGNORE INTO questionnaires (content_hash, id, version, source, installed_at) VALUES (?, ?, ?, ?, ?)
        """, arguments: [questionnaire.contentHash, questionnaire.id, questionnaire.version, questionnaire.source, Self.timestamp(now)])
      if let row = try Row.fetchOne(db, sql: """
        SELECT id, name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key,
          team_signature FROM rounds WHERE name = ?
        """, arguments: [round.name]) {
        var here = Self.bundleRound(row)
        if here.teamSignature == round.teamSignature { return .unchanged }
        here.teamSignature = round.teamSignature
        here.status = round.status
        // The open/closed status is the laptop's own; everything else must be the very definition held here.
        guard here == round else {
          throw StoreError("""
            The round "\(TerminalText.visible(round.name))" exists here with another definition (questionnaire, areas, dates, \
            minimum group, retention or seal key); nothing was changed. Ask the gebiedsteam which is right.
            """)
        }
        try db.execute(sql: "UPDATE rounds SET team_signature = ? WHERE id = ?", arguments: [round.teamSignature, row["id"] as Int64])
        try Self.audit("round-accepted", detail: "\(round.name): signed by team \(team.teamID)", actor: actor, at: now, in: db)
        return .accepted
      }
      try db.execute(sql: """
        INSERT INTO rounds (name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, created_at,
          seal_public_key, team_signature)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
        """, arguments: [round.name, round.questionnaireHash, round.areaSet, round.startsOn, round.endsOn, round.minGroupSize,
                         round.retentionDays, Self.timestamp(now), round.sealPublicKey, round.teamSignature])
      try Self.audit("round-imported", detail: "\(round.name): signed by team \(team.teamID)", actor: actor, at: now, in: db)
      return .created
    }
  }
}
