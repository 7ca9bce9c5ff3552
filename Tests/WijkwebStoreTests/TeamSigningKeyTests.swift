import Foundation
import Testing
import WijkwebCore
import WijkwebCrypto
@testable import WijkwebStore

/// The team key file holds the signing key beside the sealing key, under one passphrase; the paper backup
/// carries both; key files of version 1 (sealing only) still open and can be given a signing key.
@Suite struct TeamSigningKeyTests {
  static let passphrase = "drie kraaien op de Martinitoren"

  @Test func oneFileAndOnePaperHoldBothKeysAndTheySign() throws {
    let files = try TeamKey.create(passphrase: Self.passphrase, strength: .interactive)
    let signingKey = try #require(files.signingKey)
    #expect(files.secretText.hasPrefix(TeamKey.secretHeader2) && files.publicText.split(separator: "\n").count == 3)
    let parsed = try TeamKey.parsePublicKeys(files.publicText)
    #expect(parsed.sealKey == files.publicKey && parsed.signingKey == signingKey)
    #expect(try TeamKey.parsePublic(files.publicText) == files.publicKey)
    // Through the paper backup and back: the same two keys, and the opened key signs for its team.
    let restored = try TeamKey.Files(envelope: try PaperKey.bytes(from: PaperKey.text(for: files.envelope, instructions: "")))
    #expect(restored == files)
    let opened = try TeamKey.open(envelope: try TeamKey.parseSecret(restored.secretText), passphrase: Self.passphrase)
    #expect(opened.team == files.team)
    let signer = try opened.signer()
    let round = try RoundSignature.sign(BundleRound(name: "R", questionnaireHash: "h", areaSet: "GM0014", startsOn: "2026-01-01",
                                                    endsOn: "2026-02-01", minGroupSize: 10, retentionDays: 30, status: "open"),
                                        signer: signer)
    try RoundSignature.verify(round, team: try #require(files.team), with: Ed25519Verifier())
    #expect(throws: KeyProblem.self) { try TeamKey.open(envelope: files.envelope, passphrase: "verkeerd") }
    // The signing public key is covered by the passphrase's encryption: a changed byte does not open.
    var damaged = files.envelope
    damaged[SealedBox.publicKeyBytes + 3] ^= 1
    #expect(throws: KeyProblem.self) { try TeamKey.open(envelope: damaged, passphrase: Self.passphrase) }
  }

  /// A key file as Wijkweb wrote it before teams signed: sealing key only.
  static func versionOneEnvelope() throws -> (envelope: [UInt8], publicKey: [UInt8]) {
    let pair = try SealedBox.keyPair()
    let strength = Argon2id.Strength.interactive
    let salt = Random.bytes(Argon2id.saltBytes)
    let nonce = Random.bytes(AEAD.nonceBytes)
    let clear = pair.publicKey + salt + BundleSeal.littleEndian(strength.ops) + BundleSeal.littleEndian(strength.mem) + nonce
    let key = try Argon2id.derive(passphrase, salt: salt, strength: strength, length: AEAD.keyBytes)
    return (clear + (try AEAD.encrypt(pair.secretKey, additional: clear, nonce: nonce, key: key)), pair.publicKey)
  }

  @Test func aKeyFileOfVersionOneStillOpensAndGetsASigningKeyKeepingItsSealingKey() throws {
    let old = try Self.versionOneEnvelope()
    let files = try TeamKey.Files(envelope: old.envelope)
    #expect(files.signingKey == nil && files.team == nil && files.secretText.hasPrefix(TeamKey.secretHeader + "\n"))
    #expect(try TeamKey.parseSecret(files.secretText) == old.envelope)
    #expect(try TeamKey.parsePublic(files.publicText) == old.publicKey)
    let opened = try TeamKey.open(envelope: old.envelope, passphrase: Self.passphrase)
    #expect(opened.publicKey == old.publicKey)
    #expect(throws: KeyProblem.self) { try opened.signer() }
    // A sealed response of the old key opens with the new file.
    let sealed = try TeamKey.seal(Array("antwoorden".utf8), to: old.publicKey)
    let upgraded = try TeamKey.addingSigning(to: opened, passphrase: Self.passphrase, strength: .interactive)
    #expect(upgraded.publicKey == old.publicKey && upgraded.signingKey != nil)
    let reopened = try TeamKey.open(envelope: upgraded.envelope, passphrase: Self.passphrase)
    #expect(try reopened.open(sealed) == Array("antwoorden".utf8))
    _ = try reopened.signer()
    // A first line that does not match the key inside is refused.
    let mislabelled = files.secretText.replacingOccurrences(of: TeamKey.secretHeader, with: TeamKey.secretHeader2)
    #expect(throws: KeyProblem.self) { try TeamKey.parseSecret(mislabelled) }
  }
}
