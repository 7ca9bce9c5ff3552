import Foundation
import GRDB
import Testing
import WijkwebCore
import WijkwebCrypto
@testable import WijkwebStore

/// The origin device signs a response when the interview is saved and a withdrawal when it is entered;
/// bundles carry those signatures; content the team opens with its key is signed again by the team.
@Suite struct RecordSignatureStoreTests {
  let verifier = Ed25519Verifier()

  func deviceKey(_ store: Store) throws -> [UInt8] { try store.trustState().deviceKey }

  @Test func theDeviceSignsAtCompletionAndWithdrawalAndTheTeamSignsWhatItOpens() throws {
    let laptop = try SealedRoundTests.sealedLaptop()
    defer { try? FileManager.default.removeItem(atPath: laptop.folder) }
    let key = try deviceKey(laptop.store)
    // Signed when saved, stored with the response.
    let stored = try laptop.store.writer.read { db in
      try Row.fetchOne(db, sql: "SELECT record_signature, record_signer FROM responses WHERE id = ?", arguments: [laptop.responseID])
    }
    #expect(stored?["record_signer"] as String? == RecordSignature.byDevice)
    let response = try #require(try laptop.store.bundleContents().responses.first { $0.id == laptop.responseID })
    #expect(response.signature == stored?["record_signature"] as String?)
    let signature = try #require(response.signature.flatMap { Data(base64Encoded: $0) })
    #expect(verifier.verify([UInt8](signature), of: RecordSignature.message(response), publicKey: key))
    // The bundle carries this device's certificate for it.
    let contents = try laptop.store.bundleContents()
    #expect(contents.certificates.map(\.deviceID) == [response.deviceID])

    // Opened with the team key: signed again by the team, and stored so.
    let opened = try TeamKey.open(envelope: laptop.key.envelope, passphrase: SealedRoundTests.passphrase)
    let open = SealedResponses.open(try laptop.store.sealedContents(), with: opened)
    let readable = try #require(open.contents.responses.first)
    #expect(readable.signedBy == RecordSignature.byTeam)
    let team = try #require(opened.team)
    try RecordSignature.verify(readable, team: team, certificates: RecordSignature.Certificates(), with: verifier)
    #expect(try laptop.store.unseal(try BundleValidator.check(open), actor: "test") == 1)
    let resigned = try #require(try laptop.store.bundleContents().responses.first)
    #expect(resigned.signedBy == RecordSignature.byTeam && resigned.signature == readable.signature && !resigned.isSealed)

    // A withdrawal is signed by the device that enters it.
    _ = try #require(try laptop.store.withdraw(receiptCode: "K7MP-3QXA", actor: "test"))
    let tombstone = try #require(try laptop.store.bundleContents().tombstones.first)
    let proof = try #require(tombstone.signature.flatMap { Data(base64Encoded: $0) })
    #expect(verifier.verify([UInt8](proof), of: RecordSignature.message(tombstone), publicKey: key))
    let held = try laptop.store.writer.read { db in try String.fetchOne(db, sql: "SELECT record_signature FROM tombstones") }
    #expect(held == tombstone.signature)
  }
}
