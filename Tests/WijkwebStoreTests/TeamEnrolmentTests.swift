import Foundation
import GRDB
import Testing
import WijkwebCore
@testable import WijkwebStore

/// A laptop alone is its own team from the first start; enrolling it into a team replaces that team, and
/// then only the team's key makes rounds.
@Suite struct TeamEnrolmentTests {
  static let passphrase = "drie kraaien op de Martinitoren"

  @Test func aNewLaptopIsItsOwnTeamWithACertifiedDeviceAndASignedDefaultRound() throws {
    let laptop = try BundleTests.laptop(seed: 1, demo: 2, interviews: 0)
    let state = try laptop.store.trustState()
    #expect(state.isLocalTeam)
    let certificate = try #require(state.certificate)
    try certificate.verify(team: state.team, with: Ed25519Verifier())
    #expect(certificate.deviceID == state.deviceID && certificate.deviceKey == state.deviceKey)
    let round = try #require(try laptop.store.bundleContents().rounds.first)
    try RoundSignature.verify(round, team: state.team, with: Ed25519Verifier())
    // Another laptop is another team: its rounds do not verify here.
    let other = try BundleTests.laptop(seed: 2, demo: 1, interviews: 0)
    #expect(try other.store.trustState().team != state.team)
    #expect(throws: TrustProblem.self) { try RoundSignature.verify(round, team: try other.store.trustState().team, with: Ed25519Verifier()) }
    // The device's signer is the certified key.
    #expect(try laptop.store.deviceSigner().publicKey == certificate.deviceKey)
  }

  @Test func enrollingReplacesTheLocalTeamAndOnlyTheTeamKeyMakesRoundsThen() throws {
    let laptop = try BundleTests.laptop(seed: 3, demo: 1, interviews: 0)
    let store = laptop.store
    let key = try TeamKey.open(envelope: try TeamKey.create(passphrase: Self.passphrase, strength: .interactive).envelope,
                               passphrase: Self.passphrase)
    let team = try #require(key.team)
    let request = try EnrolmentRequest.parse(try store.enrolmentRequest().text)
    let certificate = try DeviceCertificate.issue(for: request, team: team, issuedAt: "2026-11-28T10:00:00Z", signer: try key.signer())

    // A certificate for another device, or one whose signature was changed, is refused and changes nothing.
    let stranger = try BundleTests.laptop(seed: 4, demo: 1, interviews: 0)
    let foreign = try DeviceCertificate.issue(for: try stranger.store.enrolmentRequest(), team: team, issuedAt: "2026-11-28T10:00:00Z",
                                              signer: try key.signer())
    #expect(throws: StoreError.self) { try store.acceptCertificate(foreign, actor: "test") }
    var altered = certificate
    altered.issuedAt = "2026-11-29T10:00:00Z"
    #expect(throws: StoreError.self) { try store.acceptCertificate(altered, actor: "test") }
    #expect(try store.trustState().isLocalTeam)

    try store.acceptCertificate(certificate, actor: "test")
    let state = try store.trustState()
    #expect(!state.isLocalTeam && state.team == team && state.certificate == certificate)
    #expect(try store.writer.read { db in try Data.fetchOne(db, sql: "SELECT local_signing_secret FROM team_identity") } == nil)
    #expect(try store.auditLog().contains { $0.action == "device-enrolled" })

    let questionnaire = try BundleTests.questionnaire()
    #expect(throws: StoreError.self) {
      try store.createRound(name: "Voorjaar 2027", questionnaire: questionnaire, areaSet: "GM0014", startsOn: "2027-01-01",
                            endsOn: "2027-06-30")
    }
    let otherKey = try TeamKey.open(envelope: try TeamKey.create(passphrase: Self.passphrase, strength: .interactive).envelope,
                                    passphrase: Self.passphrase)
    #expect(throws: StoreError.self) {
      try store.createRound(name: "Voorjaar 2027", questionnaire: questionnaire, areaSet: "GM0014", startsOn: "2027-01-01",
                            endsOn: "2027-06-30", teamSigner: try otherKey.signer())
    }
    try store.createRound(name: "Voorjaar 2027", questionnaire: questionnaire, areaSet: "GM0014", startsOn: "2027-01-01",
                          endsOn: "2027-06-30", teamSigner: try key.signer())
    let round = try #require(try store.bundleContents(rounds: ["Voorjaar 2027"]).rounds.first { $0.name == "Voorjaar 2027" })
    try RoundSignature.verify(round, team: team, with: Ed25519Verifier())
  }

  static func enrol(_ store: Store, key: TeamKey.Opened) throws {
    let certificate = try DeviceCertificate.issue(for: try store.enrolmentRequest(), team: try #require(key.team),
                                                  issuedAt: "2026-11-28T10:00:00Z", signer: try key.signer())
    try store.acceptCertificate(certificate, actor: "test")
  }

  @Test func theTeamAcceptsARoundMadeAloneAndARevokedDeviceIsRefused() throws {
    let key = try TeamKey.open(envelope: try TeamKey.create(passphrase: Self.passphrase, strength: .interactive).envelope,
                               passphrase: Self.passphrase)
    let laptop = try BundleTests.laptop(seed: 5, demo: 2, interviews: 1)
    let roundName = try #require(try laptop.store.openRounds().first).name
    try Self.enrol(laptop.store, key: key)
    let alone = try #require(try laptop.store.roundForFile(named: roundName))
    let aloneFile = try RoundFile.parse(try RoundFile.text(round: alone.round, questionnaire: alone.questionnaire))
    // Signed by the laptop's former local team only: not the team's.
    #expect(throws: StoreError.self) { try laptop.store.importRound(aloneFile, actor: "test") }
    #expect(try laptop.store.importRound(aloneFile, teamSigner: try key.signer(), actor: "test") == .accepted)
    let signed = try #require(try laptop.store.roundForFile(named: roundName))
    let signedText = try RoundFile.text(round: signed.round, questionnaire: signed.questionnaire)
    #expect(try laptop.store.importRound(try RoundFile.parse(signedText), actor: "test") == .unchanged)

    // The team's machine takes the signed round; changed after signing, it is refused.
    let team = try Store.inMemory()
    try team.importAreas(StoreTests.areas)
    try Self.enrol(team, key: key)
    var changed = signed.round
    changed.minGroupSize = 5
    let changedFile = try RoundFile.parse(try RoundFile.text(round: changed, questionnaire: signed.questionnaire))
    #expect(throws: StoreError.self) { try team.importRound(changedFile, actor: "test") }
    #expect(try team.importRound(try RoundFile.parse(signedText), actor: "test") == .created)

    // The laptop's bundle is taken; once the team revoked the laptop, a bundle it signs is not.
    let bytes = try BundleFormat.encode(try laptop.store.bundleContents(), signedBy: try laptop.store.bundleSigningDevice())
    let (manifest, contents) = try BundleFormat.read(bytes)
    #expect(try team.verifyTrust(manifest, contents: contents, acceptUnsigned: false) == .signed(deviceID: try laptop.store.deviceID()))
    let (list, _) = try team.revokeDevice(try laptop.store.deviceID(), signer: try key.signer(), actor: "test")
    let held = try team.trustState().revocations
    #expect(list.version == 1 && held == list)
    let later = try BundleFormat.encode(try laptop.store.bundleContents(now: Date().addingTimeInterval(5)),
                                        signedBy: try laptop.store.bundleSigningDevice())
    let (laterManifest, laterContents) = try BundleFormat.read(later)
    #expect(throws: TrustProblem.self) { try team.verifyTrust(laterManifest, contents: laterContents, acceptUnsigned: false) }
    // Unsigned: refused without --accept-unsigned.
    let (bare, bareContents) = try BundleFormat.read(try BundleFormat.encode(try laptop.store.bundleContents()))
    #expect(throws: TrustProblem.self) { try team.verifyTrust(bare, contents: bareContents, acceptUnsigned: false) }
  }
}
