import Foundation
import GRDB
import WijkwebCore
import WijkwebCrypto

/// A laptop alone is its own team: on first start it gets a local team identity (signing and sealing
/// keys, no passphrase, in the owner-only database) and its own device key, certified by that local team,
/// so it interviews and writes signed bundles at once. Enrolling into a real team replaces the local team.
enum TrustSetup {
  static func makeLocalTeam(in db: Database, now: Date = Date()) throws {
    let signing = try Ed25519.keyPair()
    let seal = try SealedBox.keyPair()
    let team = TeamPublicKeys(signingKey: signing.publicKey, sealKey: seal.publicKey)
    try db.execute(sql: """
      INSERT INTO team_identity (id, signing_public_key, seal_public_key, local_signing_secret, local_seal_secret, since)
      VALUES (1, ?, ?, ?, ?, ?)
      """, arguments: [Data(signing.publicKey), Data(seal.publicKey), Data(signing.secretKey), Data(seal.secretKey),
                       Store.timestamp(now)])
    let device = try Ed25519.keyPair()
    let deviceID = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device_id'") ?? ""
    let certificate = try DeviceCertificate.issue(for: EnrolmentRequest(deviceID: deviceID, deviceKey: device.publicKey), team: team,
                                                  issuedAt: Store.timestamp(now), signer: Ed25519Signer(secretKey: signing.secretKey))
    try db.execute(sql: "INSERT INTO device_identity (id, public_key, secret_key, certificate) VALUES (1, ?, ?, ?)",
                   arguments: [Data(device.publicKey), Data(device.secretKey), certificate.text])
    // Rounds made here before (unsealed, or sealed to nothing but this new team) become the local team's.
    for row in try Row.fetchAll(db, sql: """
      SELECT id, name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key
      FROM rounds WHERE seal_public_key IS NULL
      """) {
      let signed = try RoundSignature.sign(Store.bundleRound(row), signer: Ed25519Signer(secretKey: signing.secretKey))
      try db.execute(sql: "UPDATE rounds SET team_signature = ? WHERE id = ?", arguments: [signed.teamSignature, row["id"] as Int64])
    }
  }
}
