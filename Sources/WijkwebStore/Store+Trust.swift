import Foundation
import GRDB
import WijkwebCore
import WijkwebCrypto

/// Who this machine trusts and how it signs: its team's public keys (and, for a laptop alone, the local
/// team's secret keys), its own device key and certificate, and the team's revocation list.
public struct TrustState: Sendable {
  public var team: TeamPublicKeys
  /// Whether the team is this laptop's own local team (made on first start) rather than an enrolled one.
  public var isLocalTeam: Bool
  public var deviceID: String
  public var deviceKey: [UInt8]
  public var certificate: DeviceCertificate?
  public var revocations: RevocationList?
}

extension Store {
  /// The team, device and revocation list of this machine.
  public func trustState() throws -> TrustState {
    try writer.read { db in try Self.trustState(in: db) }
  }

  static func trustState(in db: Database) throws -> TrustState {
    guard let team = try Row.fetchOne(db, sql: "SELECT * FROM team_identity WHERE id = 1"),
          let device = try Row.fetchOne(db, sql: "SELECT public_key, certificate FROM device_identity WHERE id = 1") else {
      throw StoreError("This database has no team identity; it was damaged. Restore a backup.", kind: .damaged)
    }
    let keys = TeamPublicKeys(signingKey: [UInt8](team["signing_public_key"] as Data), sealKey: [UInt8](team["seal_public_key"] as Data))
    let revocations = try String.fetchOne(db, sql: "SELECT list FROM revocation_list WHERE id = 1")
      .flatMap { try? JSONDecoder().decode(RevocationList.self, from: Data($0.utf8)) }
    return TrustState(team: keys, isLocalTeam: team["local_signing_secret"] as Data? != nil,
                      deviceID: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device_id'") ?? "",
                      deviceKey: [UInt8](device["public_key"] as Data),
                      certificate: (device["certificate"] as String?).flatMap { try? DeviceCertificate.parse($0) }, revocations: revocations)
  }

  /// The local team's signer when this laptop is alone (its own team), else nil.
  static func localTeamSigner(in db: Database) throws -> Ed25519Signer? {
    try (Data.fetchOne(db, sql: "SELECT local_signing_secret FROM team_identity WHERE id = 1")).map { Ed25519Signer(secretKey: [UInt8]($0)) }
  }

  /// This machine's device signer.
  func deviceSigner() throws -> Ed25519Signer {
    try writer.read { db in
      guard let secret = try Data.fetchOne(db, sql: "SELECT secret_key FROM device_identity WHERE id = 1") else {
        throw StoreError("This database has no device key; it was damaged. Restore a backup.", kind: .damaged)
      }
      return Ed25519Signer(secretKey: [UInt8](secret))
    }
  }

  /// The one-line request to enrol this laptop into a team (`wijkweb team enrol-device`).
  public func enrolmentRequest() throws -> EnrolmentRequest {
    let state = try trustState()
    return EnrolmentRequest(deviceID: state.deviceID, deviceKey: state.deviceKey)
  }

  /// Enrols this laptop into the team that signed `certificate`: the certificate must be for this very
  /// device and key and verify against the team keys it names. The local team (if any) and its secret keys
  /// are dropped; rounds the local team signed keep their signature, but the new team accepts their
  /// responses only when it accepts those rounds explicitly.
  public func acceptCertificate(_ certificate: DeviceCertificate, actor: String, now: Date = Date()) throws {
    try writer.write { db in
      let state = try Self.trustState(in: db)
      guard certificate.deviceID == state.deviceID, certificate.deviceKey == state.deviceKey else {
        throw StoreError("The certificate is for device \(TerminalText.visible(certificate.deviceID)), not for this laptop (\(state.deviceID)); nothing was changed.")
      }
      do {
        try certificate.verify(team: certificate.team, with: Ed25519Verifier())
      } catch let problem as TrustProblem {
        throw StoreError("The certificate cannot be used: \(problem.message). Nothing was changed.")
      }
      try db.execute(sql: """
        UPDATE team_identity SET signing_public_key = ?, seal_public_key = ?, local_signing_secret = NULL, local_seal_secret = NULL, since = ?
        WHERE id = 1
        """, arguments: [Data(certificate.team.signingKey), Data(certificate.team.sealKey), Self.timestamp(now)])
      try db.execute(sql: "UPDATE device_identity SET certificate = ? WHERE id = 1", arguments: [certificate.text])
      if state.team != certificate.team {
        try db.execute(sql: "DELETE FROM revocation_list")
      }
      try Self.audit("device-enrolled", detail: "into team \(certificate.team.teamID), certificate of \(certificate.issuedAt)",
                     actor: actor, at: now, in: db)
    }
  }
}

extension Store {
  /// A round row (name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days,
  /// status, seal_public_key and, when selected, team_signature) as a bundle carries it.
  static func bundleRound(_ row: Row) -> BundleRound {
    BundleRound(name: row["name"], questionnaireHash: row["questionnaire_hash"], areaSet: row["area_set"],
                startsOn: row["starts_on"], endsOn: row["ends_on"], minGroupSize: row["min_group_size"],
                retentionDays: row["retention_days"], status: row["status"], sealPublicKey: row["seal_public_key"],
                teamSignature: row.hasColumn("team_signature") ? row["team_signature"] : nil)
  }
}

/// What the rules of trust said about a bundle that may be imported.
public enum BundleTrust: Hashable, Sendable {
  /// Signed by a device of this machine's team, not revoked, every round signed by the team.
  case signed(deviceID: String)
  /// A bundle of the previous version, without signatures, taken because the operator said so.
  case unsignedAccepted
  /// A signed bundle holding `count` records of the previous version, without their origin device's
  /// signature, taken because the operator said so.
  case unsignedRecordsAccepted(deviceID: String, count: Int)
}

extension Store {
  /// The certificate and signer this machine signs its bundles with.
  public func bundleSigningDevice() throws -> BundleSignature.Device {
    let state = try trustState()
    guard let certificate = state.certificate else {
      throw StoreError("This laptop has no certificate of its team, so it cannot sign a bundle. Enrol it (wijkweb device enrol).")
    }
    return BundleSignature.Device(certificate: certificate, signer: try deviceSigner())
  }

  /// Checks a bundle against the rules of trust before anything else is looked at: signed by a device of
  /// this machine's team (its certificate verifies against the team key, its signature over the manifest
  /// and so every record), that device not revoked at the bundle's time, and every round in it signed by
  /// the team and sealed, if at all, to the team's key. A bundle of the previous version (no signature) is
  /// taken only with `acceptUnsigned`, and then only rounds this machine holds already. Throws the first
  /// problem in plain words (no full stop).
  public func verifyTrust(_ manifest: BundleManifest, contents: BundleContents, acceptUnsigned: Bool) throws -> BundleTrust {
    let state = try trustState()
    let verifier = Ed25519Verifier()
    if !BundleSignature.isSigned(manifest) {
      guard acceptUnsigned else {
        throw TrustProblem("""
          it is not signed by the laptop that made it. A bundle of Wijkweb before signing is taken only with --accept-unsigned; \
          any other unsigned bundle was made or changed by someone else
          """)
      }
      let known = try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT name FROM rounds")) }
      if let round = contents.rounds.first(where: { !known.contains($0.name) }) {
        throw TrustProblem("it is not signed and brings round \"\(TerminalText.visible(round.name))\", which this machine does not hold; rounds come from the team")
      }
      return .unsignedAccepted
    }
    // A newer list of the team in the bundle counts already for the bundle itself.
    var revocations = state.revocations
    if let carried = manifest.revocations, carried.version > (revocations?.version ?? 0) {
      try carried.verify(team: state.team, with: verifier)
      revocations = carried
    }
    try BundleSignature.verify(manifest, team: state.team, revocations: revocations, with: verifier)
    // A round whose name breaks the rules is refused by the validator next, in its own words.
    for round in contents.rounds where BundleRound.nameProblem(round.name) == nil {
      try RoundSignature.verify(round, team: state.team, with: verifier)
    }
    // Each record keeps its origin device's signature through relays: the writer may be a relay.
    let unsigned = try verifyRecordSignatures(contents, team: state.team, acceptUnsigned: acceptUnsigned)
    if unsigned > 0 { return .unsignedRecordsAccepted(deviceID: manifest.deviceID, count: unsigned) }
    return .signed(deviceID: manifest.deviceID)
  }

  /// Adopts the team's signature of `round` for the round of the same definition here (a round made on
  /// this laptop alone that the team accepted): only when that signature verifies against this machine's
  /// team for the definition held here. Inside the caller's transaction.
  static func adoptRoundSignature(_ round: BundleRound, in db: Database) throws -> Bool {
    guard let signature = round.teamSignature,
          let row = try Row.fetchOne(db, sql: """
            SELECT id, name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key,
              team_signature FROM rounds WHERE name = ?
            """, arguments: [round.name]) else { return false }
    var here = bundleRound(row)
    guard here.teamSignature != signature else { return false }
    here.teamSignature = signature
    let team = try trustState(in: db).team
    guard (try? RoundSignature.verify(here, team: team, with: Ed25519Verifier())) != nil else { return false }
    try db.execute(sql: "UPDATE rounds SET team_signature = ? WHERE id = ?", arguments: [signature, row["id"] as Int64])
    return true
  }
}

extension Store {
  /// Takes `list` when the team signed it and it is newer than the list held here, and removes what the
  /// devices it revokes completed from their revocation time on (on the revoked laptop too: nothing it
  /// completes after its revocation counts anywhere, so every machine ends with the same responses).
  /// Returns how many responses were removed, or nil when the list was not newer. Inside the caller's transaction.
  @discardableResult
  static func adoptRevocations(_ list: RevocationList, actor: String, now: Date, in db: Database) throws -> Int? {
    let state = try trustState(in: db)
    guard list.version > (state.revocations?.version ?? 0) else { return nil }
    do {
      try list.verify(team: state.team, with: Ed25519Verifier())
    } catch let problem as TrustProblem {
      throw StoreError("its revocation list cannot be used: \(problem.message); nothing was imported.")
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try db.execute(sql: "INSERT OR REPLACE INTO revocation_list (id, version, list) VALUES (1, ?, ?)",
                   arguments: [list.version, String(decoding: try encoder.encode(list), as: UTF8.self)])
    var removed = 0
    for entry in list.entries {
      try db.execute(sql: "DELETE FROM responses WHERE device_id = ? AND status = 'completed' AND completed_at >= ?",
                     arguments: [entry.deviceID, entry.revokedAt])
      removed += db.changesCount
      try db.execute(sql: "DELETE FROM pending_withdrawals WHERE device_id = ? AND withdrawn_at >= ?", arguments: [entry.deviceID, entry.revokedAt])
    }
    try audit("revocations", detail: """
      list \(list.version) of team \(state.team.teamID): \(list.entries.map { "\($0.deviceID) from \($0.revokedAt)" }.joined(separator: ", ")); \
      \(removed) responses of revoked devices removed
      """, actor: actor, at: now, in: db)
    return removed
  }

  /// On the team's machine: revokes `deviceID` from now on, in a new revocation list signed by the team key,
  /// kept here and carried by every bundle from here on.
  public func revokeDevice(_ deviceID: String, signer: any MessageSigner, actor: String, now: Date = Date()) throws -> (RevocationList, Int) {
    guard !deviceID.isEmpty, deviceID.count <= 64, TerminalText.isPrintable(deviceID) else {
      throw StoreError("A device id has 1 to 64 printable characters; nothing was revoked.")
    }
    return try writer.write { db in
      let state = try Self.trustState(in: db)
      guard signer.publicKey == state.team.signingKey else {
        throw StoreError("The key given is not the key of this machine's team (\(state.team.teamID)); nothing was revoked.")
      }
      if let revoked = state.revocations?.revokedAt(deviceID) {
        throw StoreError("Device \(TerminalText.visible(deviceID)) was revoked already, from \(revoked).")
      }
      let list = try RevocationList.revoking(deviceID, at: Self.timestamp(now), after: state.revocations, signer: signer)
      let removed = try Self.adoptRevocations(list, actor: actor, now: now, in: db) ?? 0
      return (list, removed)
    }
  }
}
