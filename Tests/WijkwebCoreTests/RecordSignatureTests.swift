import Foundation
import Testing
import WijkwebCrypto
@testable import WijkwebCore

/// Each record keeps the signature of the device where it was made: valid only for that device (certified
/// by the team) or the team itself, and for exactly the content signed.
@Suite struct RecordSignatureTests {
  typealias Signer = TrustRulesTests.Signer
  let verifier = Ed25519Verifier()

  func certificate(_ deviceID: String, _ device: Signer, team: TrustRulesTests.Team) throws -> DeviceCertificate {
    try DeviceCertificate.issue(for: EnrolmentRequest(deviceID: deviceID, deviceKey: device.publicKey), team: team.keys,
                                issuedAt: "2026-11-28T10:00:00Z", signer: team.signer)
  }

  func response(device: String = "laptop-a", volunteer: String = "V12") -> BundleResponse {
    BundleResponse(id: "019b76db-0000-7000-8000-000000000001", round: "Najaar", questionnaireID: "ph", questionnaireVersion: 1,
                   questionnaireHash: "abc", deviceID: device, volunteerCode: volunteer, language: "nl", areaCode: "Beij",
                   startedAt: "2026-11-28T10:00:00Z", completedAt: "2026-11-28T10:20:00Z", receiptCode: nil, packedAnswers: "0123456789",
                   packedDemographics: "123", scores: ["p1": [5.0, nil]], reflections: [BundleReflection(promptID: "wish", text: "Een bankje")],
                   receiptLocator: device == "demo" ? nil : "ABCD", receiptSalt: device == "demo" ? nil : "c2FsdA==",
                   receiptHash: device == "demo" ? nil : "aGFzaA==")
  }

  @Test func onlyTheOriginDeviceOrTheTeamSignsARecordAndOnlyItsContent() throws {
    let team = try TrustRulesTests.Team()
    let origin = try Signer()
    let relay = try Signer()
    var certificates = RecordSignature.Certificates()
    try certificates.add(try certificate("laptop-a", origin, team: team), team: team.keys, with: verifier)
    try certificates.add(try certificate("relay", relay, team: team), team: team.keys, with: verifier)

    let signed = try RecordSignature.sign(response(), by: origin, as: RecordSignature.byDevice)
    try RecordSignature.verify(signed, team: team.keys, certificates: certificates, with: verifier)
    // Review state and scores are not part of it; answers, reflections and times are.
    var reviewed = signed
    reviewed.reflections[0].reviewStatus = "publishable"
    reviewed.scores = [:]
    try RecordSignature.verify(reviewed, team: team.keys, certificates: certificates, with: verifier)
    for change: (inout BundleResponse) -> Void in [{ $0.packedAnswers = "1123456789" }, { $0.reflections[0].text = "Geen bankje" },
                                                  { $0.completedAt = "2026-11-28T10:21:00Z" }, { $0.areaCode = nil },
                                                  { $0.receiptHash = "b3RoZXI=" }, { $0.deviceID = "relay" }] {
      var changed = signed
      change(&changed)
      #expect(throws: TrustProblem.self) { try RecordSignature.verify(changed, team: team.keys, certificates: certificates, with: verifier) }
    }
    // A relay (an enrolled device) signing another device's record, or claiming the team did: refused.
    let byRelay = try RecordSignature.sign(response(), by: relay, as: RecordSignature.byDevice)
    #expect(throws: TrustProblem.self) { try RecordSignature.verify(byRelay, team: team.keys, certificates: certificates, with: verifier) }
    let claimed = try RecordSignature.sign(response(), by: relay, as: RecordSignature.byTeam)
    #expect(throws: TrustProblem.self) { try RecordSignature.verify(claimed, team: team.keys, certificates: certificates, with: verifier) }
    // The team's own signature counts (content the team opened with its key).
    let byTeam = try RecordSignature.sign(response(), by: team.signer, as: RecordSignature.byTeam)
    try RecordSignature.verify(byTeam, team: team.keys, certificates: certificates, with: verifier)
    // A device of another team never gets into the certificates.
    let stranger = try TrustRulesTests.Team()
    #expect(throws: TrustProblem.self) {
      try certificates.add(try certificate("laptop-a", try Signer(), team: stranger), team: team.keys, with: verifier)
    }
    // Without a certificate for its device: refused.
    let unknown = try RecordSignature.sign(response(device: "laptop-z"), by: origin, as: RecordSignature.byDevice)
    #expect(throws: TrustProblem.self) { try RecordSignature.verify(unknown, team: team.keys, certificates: certificates, with: verifier) }
  }

  @Test func demoDataIsSignedByItsGeneratorButARealRecordCannotPassAsDemo() throws {
    let team = try TrustRulesTests.Team()
    let generator = try Signer()
    var certificates = RecordSignature.Certificates()
    try certificates.add(try certificate("laptop-a", generator, team: team), team: team.keys, with: verifier)
    let demo = try #require(try RecordSignature.signAsHolder(response(device: "demo", volunteer: "DEMO"), deviceID: "laptop-a", signer: generator))
    #expect(demo.signedBy == "generator:laptop-a")
    try RecordSignature.verify(demo, team: team.keys, certificates: certificates, with: verifier)
    // A record with a receipt (a real interview) signed as demo data: refused.
    var real = try RecordSignature.sign(response(device: "demo", volunteer: "DEMO"), by: generator, as: "generator:laptop-a")
    real.receiptHash = "aGFzaA=="
    real = try RecordSignature.sign(real, by: generator, as: "generator:laptop-a")
    #expect(throws: TrustProblem.self) { try RecordSignature.verify(real, team: team.keys, certificates: certificates, with: verifier) }
    // Another device's record without signature is not signed by the holder.
    #expect(try RecordSignature.signAsHolder(response(device: "laptop-b"), deviceID: "laptop-a", signer: generator) == nil)
  }

  @Test func aWithdrawalCountsOnlyWithTheSignatureOfTheDeviceThatEnteredIt() throws {
    let team = try TrustRulesTests.Team()
    let origin = try Signer()
    let relay = try Signer()
    var certificates = RecordSignature.Certificates()
    try certificates.add(try certificate("laptop-a", origin, team: team), team: team.keys, with: verifier)
    try certificates.add(try certificate("relay", relay, team: team), team: team.keys, with: verifier)
    let tombstone = BundleTombstone(responseID: "019b76db-0000-7000-8000-000000000001", withdrawnAt: "2026-11-28T11:00:00Z",
                                    deviceID: "laptop-a", receiptCode: "ABCD-EFGH-JKMN-PQRS")
    try RecordSignature.verify(try RecordSignature.sign(tombstone, by: origin), certificates: certificates, with: verifier)
    #expect(throws: TrustProblem.self) {
      try RecordSignature.verify(try RecordSignature.sign(tombstone, by: relay), certificates: certificates, with: verifier)
    }
    var later = try RecordSignature.sign(tombstone, by: origin)
    later.withdrawnAt = "2026-11-28T09:00:00Z"
    #expect(throws: TrustProblem.self) { try RecordSignature.verify(later, certificates: certificates, with: verifier) }
  }
}
