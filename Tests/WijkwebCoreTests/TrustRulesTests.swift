import Foundation
import Testing
import WijkwebCrypto
@testable import WijkwebCore

/// The rules of trust: certificates, signed rounds, revocation lists and enrolment requests, each checked
/// with libsodium's Ed25519 and refused when anything is changed, missing or signed by another key.
@Suite struct TrustRulesTests {
  struct Signer: MessageSigner {
    let secretKey: [UInt8]
    let publicKey: [UInt8]
    init() throws {
      let pair = try Ed25519.keyPair()
      secretKey = pair.secretKey
      publicKey = pair.publicKey
    }
    func sign(_ message: [UInt8]) throws -> [UInt8] { try Ed25519.sign(message, secretKey: secretKey) }
  }

  struct Team {
    let signer: Signer
    let keys: TeamPublicKeys
    init() throws {
      signer = try Signer()
      keys = TeamPublicKeys(signingKey: signer.publicKey, sealKey: try SealedBox.keyPair().publicKey)
    }
  }

  let verifier = Ed25519Verifier()

  @Test func aCertificateVerifiesOnlyAgainstItsOwnTeamAndUnchanged() throws {
    let team = try Team()
    let device = try Signer()
    let request = EnrolmentRequest(deviceID: "laptop-1", deviceKey: device.publicKey)
    let certificate = try DeviceCertificate.issue(for: request, team: team.keys, issuedAt: "2026-11-28T10:00:00Z", signer: team.signer)
    try certificate.verify(team: team.keys, with: verifier)
    // Its text form reads back to the same certificate.
    #expect(try DeviceCertificate.parse(certificate.text) == certificate)

    var otherDevice = certificate
    otherDevice.deviceID = "laptop-2"
    #expect(throws: TrustProblem.self) { try otherDevice.verify(team: team.keys, with: verifier) }
    var otherKey = certificate
    otherKey.deviceKey = try Signer().publicKey
    #expect(throws: TrustProblem.self) { try otherKey.verify(team: team.keys, with: verifier) }
    // Signed by another team: refused against this team, even when it names this team's keys.
    let stranger = try Team()
    #expect(throws: TrustProblem.self) { try certificate.verify(team: stranger.keys, with: verifier) }
    var forged = try DeviceCertificate.issue(for: request, team: stranger.keys, issuedAt: "2026-11-28T10:00:00Z", signer: stranger.signer)
    forged.team = team.keys
    #expect(throws: TrustProblem.self) { try forged.verify(team: team.keys, with: verifier) }
    // A device key cannot issue a certificate for the team.
    #expect(throws: TrustProblem.self) {
      try DeviceCertificate.issue(for: request, team: team.keys, issuedAt: "2026-11-28T10:00:00Z", signer: device)
    }
  }

  @Test func anEnrolmentRequestIsOneCheckedLine() throws {
    let device = try Signer()
    let request = EnrolmentRequest(deviceID: "3f1c2a7e-0000-4000-8000-000000000001", deviceKey: device.publicKey)
    let text = request.text
    #expect(!text.contains("\n") && text.count < 120 && text.hasPrefix("WWE1."))
    #expect(try EnrolmentRequest.parse("  " + text + "\n") == request)
    // One character changed anywhere: the checksum catches it.
    var characters = Array(text)
    let index = characters.count / 2
    characters[index] = characters[index] == "A" ? "B" : "A"
    #expect(throws: TrustProblem.self) { try EnrolmentRequest.parse(String(characters)) }
    #expect(throws: TrustProblem.self) { try EnrolmentRequest.parse(String(text.dropLast(3))) }
    #expect(throws: TrustProblem.self) { try EnrolmentRequest.parse("WWE1.\u{1b}]52;c;.x.y") }
  }

  static let round = BundleRound(name: "Najaar 2026", questionnaireHash: "abc", areaSet: "GM0014", startsOn: "2026-07-01",
                                 endsOn: "2026-12-31", minGroupSize: 10, retentionDays: 730, status: "open")

  @Test func aRoundCountsOnlyWhenTheTeamSignedItAsItIs() throws {
    let team = try Team()
    let signed = try RoundSignature.sign(Self.round, signer: team.signer)
    try RoundSignature.verify(signed, team: team.keys, with: verifier)
    // Closing is a laptop's own business: the status is not signed.
    var closed = signed
    closed.status = "closed"
    try RoundSignature.verify(closed, team: team.keys, with: verifier)

    #expect(throws: TrustProblem.self) { try RoundSignature.verify(Self.round, team: team.keys, with: verifier) }
    for change in [{ (r: inout BundleRound) in r.minGroupSize = 5 }, { $0.name = "Najaar 2027" }, { $0.endsOn = "2027-12-31" },
                   { $0.retentionDays = 9999 }, { $0.questionnaireHash = "def" }, { $0.sealPublicKey = Data(team.keys.sealKey).base64EncodedString() }] {
      var changed = signed
      change(&changed)
      #expect(throws: TrustProblem.self) { try RoundSignature.verify(changed, team: team.keys, with: verifier) }
    }
    let stranger = try Team()
    #expect(throws: TrustProblem.self) { try RoundSignature.verify(try RoundSignature.sign(Self.round, signer: stranger.signer),
                                                                   team: team.keys, with: verifier) }
    // Sealed to the team's own key: fine; to any other key, even signed: refused.
    var sealed = Self.round
    sealed.sealPublicKey = Data(team.keys.sealKey).base64EncodedString()
    try RoundSignature.verify(try RoundSignature.sign(sealed, signer: team.signer), team: team.keys, with: verifier)
    sealed.sealPublicKey = Data(try SealedBox.keyPair().publicKey).base64EncodedString()
    #expect(throws: TrustProblem.self) { try RoundSignature.verify(try RoundSignature.sign(sealed, signer: team.signer),
                                                                   team: team.keys, with: verifier) }
  }

  @Test func aRevocationListGrowsIsSignedAndRefusesFromItsTime() throws {
    let team = try Team()
    let first = try RevocationList.revoking("laptop-2", at: "2026-11-28T12:00:00Z", after: nil, signer: team.signer)
    let second = try RevocationList.revoking("laptop-3", at: "2026-11-29T12:00:00Z", after: first, signer: team.signer)
    try first.verify(team: team.keys, with: verifier)
    try second.verify(team: team.keys, with: verifier)
    #expect(first.version == 1 && second.version == 2 && second.entries.map(\.deviceID) == ["laptop-2", "laptop-3"])
    #expect(second.refuses("laptop-2", signedAt: "2026-11-28T12:00:00Z"))
    #expect(!second.refuses("laptop-2", signedAt: "2026-11-28T11:59:59Z"))
    #expect(!second.refuses("laptop-1", signedAt: "2030-01-01T00:00:00Z"))
    // Dropping an entry, or a list signed by another key: refused.
    var shortened = second
    shortened.entries.removeFirst()
    #expect(throws: TrustProblem.self) { try shortened.verify(team: team.keys, with: verifier) }
    let stranger = try Team()
    #expect(throws: TrustProblem.self) { try second.verify(team: stranger.keys, with: verifier) }
  }

  @Test func signedMessagesCannotBeConfusedByFieldBoundaries() {
    #expect(TrustMessage.make("D", ["ab", "c"]) != TrustMessage.make("D", ["a", "bc"]))
    #expect(TrustMessage.make("D", ["a"]) != TrustMessage.make("E", ["a"]))
  }

  @Test func aBundleCountsOnlyWhenSignedByAnUnrevokedDeviceOfTheTeam() throws {
    let team = try Team()
    let device = try Signer()
    let certificate = try DeviceCertificate.issue(for: EnrolmentRequest(deviceID: "laptop-1", deviceKey: device.publicKey),
                                                  team: team.keys, issuedAt: "2026-11-28T10:00:00Z", signer: team.signer)
    let contents = BundleContents(deviceID: "laptop-1", createdAt: "2026-11-28T12:00:00Z", rounds: [Self.round])
    let bytes = try BundleFormat.encode(contents, signedBy: BundleSignature.Device(certificate: certificate, signer: device))
    let (manifest, decoded) = try BundleFormat.read(bytes)
    #expect(decoded == contents)
    try BundleSignature.verify(manifest, team: team.keys, revocations: nil, with: verifier)

    // Unsigned (as written before signing): refused, and known as such.
    let (unsigned, _) = try BundleFormat.read(try BundleFormat.encode(contents))
    #expect(!BundleSignature.isSigned(unsigned) && BundleSignature.isSigned(manifest))
    #expect(throws: TrustProblem.self) { try BundleSignature.verify(unsigned, team: team.keys, revocations: nil, with: verifier) }
    // Another record checksum, time or device under the same signature: refused.
    for change in [{ (m: inout BundleManifest) in m.recordsSHA256 = String(repeating: "0", count: 64) },
                   { $0.createdAt = "2026-11-27T12:00:00Z" }, { $0.since = "2026-11-01T00:00:00Z" }, { $0.deviceID = "laptop-2" }] {
      var changed = manifest
      change(&changed)
      #expect(throws: TrustProblem.self) { try BundleSignature.verify(changed, team: team.keys, revocations: nil, with: verifier) }
    }
    // Another team's machine does not know the device.
    #expect(throws: TrustProblem.self) { try BundleSignature.verify(manifest, team: try Team().keys, revocations: nil, with: verifier) }
    // Revoked before the bundle was made: refused; revoked after: still taken.
    let before = try RevocationList.revoking("laptop-1", at: "2026-11-28T11:00:00Z", after: nil, signer: team.signer)
    #expect(throws: TrustProblem.self) { try BundleSignature.verify(manifest, team: team.keys, revocations: before, with: verifier) }
    let after = try RevocationList.revoking("laptop-1", at: "2026-11-28T13:00:00Z", after: nil, signer: team.signer)
    try BundleSignature.verify(manifest, team: team.keys, revocations: after, with: verifier)
    // A device cannot sign with a certificate of another device.
    #expect(throws: TrustProblem.self) {
      try BundleFormat.encode(BundleContents(deviceID: "laptop-2", createdAt: "2026-11-28T12:00:00Z"),
                              signedBy: BundleSignature.Device(certificate: certificate, signer: device))
    }
  }
}
