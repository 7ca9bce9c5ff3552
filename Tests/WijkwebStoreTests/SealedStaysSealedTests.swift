import Foundation
import GRDB
import Testing
import WijkwebCore
import WijkwebCrypto
@testable import WijkwebStore

/// Attacks on sealed responses with crafted bundles (valid structure, checksums recomputed by the
/// encoder): a readable copy never replaces sealed content, a bad blob does not keep the others closed,
/// and sealed and readable responses stay in rounds of their kind.
@Suite struct SealedStaysSealedTests {
  typealias Laptop = SealedRoundTests.SealedLaptop

  /// The laptop's bundle contents, decoded from the bytes it writes.
  static func contents(_ laptop: Laptop) throws -> BundleContents {
    try BundleFormat.decode(try BundleFormat.encode(try laptop.store.bundleContents()))
  }

  static func importCrafted(_ contents: BundleContents, into store: Store) throws -> BundleImportReport {
    try BundleTests.importBundle(try BundleFormat.encode(contents), into: store)
  }

  /// The laptop's sealed response, made readable with answers and a publishable reflection of the attacker.
  static func forgedReadableCopy(of response: BundleResponse, questionnaire: Questionnaire) -> BundleResponse {
    var forged = response
    let answers = String(repeating: "0", count: questionnaire.allItems.count)
    forged.sealed = nil
    forged.packedAnswers = answers
    forged.scores = BundleValidator.partScores(packed: answers, questionnaire: questionnaire)
    forged.reflections = [BundleReflection(promptID: questionnaire.reflection[0].id, text: "Verzonnen", reviewStatus: "publishable")]
    return forged
  }

  @Test func aReadableCopyOfASealedResponseIsRefusedAndChangesNothing() throws {
    let laptop = try SealedRoundTests.sealedLaptop()
    defer { try? FileManager.default.removeItem(atPath: laptop.folder) }
    let questionnaire = try BundleTests.questionnaire()
    var crafted = try Self.contents(laptop)
    crafted.responses[0] = Self.forgedReadableCopy(of: crafted.responses[0], questionnaire: questionnaire)
    let before = try laptop.store.canonicalDump()
    // Its round is sealed: the whole bundle is refused before anything is stored.
    #expect(throws: BundleProblem.self) { try Self.importCrafted(crafted, into: laptop.store) }
    // The same copy in a round that claims to be unsealed: the round's seal key differs, refused.
    crafted.rounds[0].sealPublicKey = nil
    #expect(throws: StoreError.self) { try Self.importCrafted(crafted, into: laptop.store) }
    #expect(try laptop.store.canonicalDump() == before)
    #expect(try laptop.store.sealedCount() == 1)
  }

  @Test func aRoundSealedToAnotherKeyIsRefused() throws {
    let laptop = try SealedRoundTests.sealedLaptop()
    defer { try? FileManager.default.removeItem(atPath: laptop.folder) }
    var crafted = try Self.contents(laptop)
    crafted.rounds[0].sealPublicKey = Data(try SealedBox.keyPair().publicKey).base64EncodedString()
    let before = try laptop.store.canonicalDump()
    #expect(throws: StoreError.self) { try Self.importCrafted(crafted, into: laptop.store) }
    #expect(try laptop.store.canonicalDump() == before)
  }

  @Test func contentSealedToTheTeamKeyUnderAnotherBlobDoesNotReplaceTheStoredOne() throws {
    let laptop = try SealedRoundTests.sealedLaptop()
    defer { try? FileManager.default.removeItem(atPath: laptop.folder) }
    let questionnaire = try BundleTests.questionnaire()
    // Anyone holding the public key can seal content of their own under the response's id.
    var crafted = try Self.contents(laptop)
    let forged = Self.forgedReadableCopy(of: crafted.responses[0], questionnaire: questionnaire)
    let content = SealedContent(packedAnswers: forged.packedAnswers, packedDemographics: "", scores: forged.scores,
                                reflections: forged.reflections)
    let blob = try TeamKey.seal(Array(try Store.sealedEncoder.encode(content)), to: laptop.key.publicKey)
    crafted.responses[0].sealed = Data(blob).base64EncodedString()
    let key = try TeamKey.open(envelope: laptop.key.envelope, passphrase: SealedRoundTests.passphrase)
    let opened = SealedResponses.open(crafted, with: key)
    #expect(opened.openedFrom.count == 1)
    let before = try laptop.store.canonicalDump()
    let report = try laptop.store.importBundle(try BundleValidator.check(opened), file: "crafted.bundle", actor: "test")
    #expect(report.unsealed == 0 && report.conflicts.map(\.responseID) == [laptop.responseID])
    #expect(try laptop.store.sealedCount() == 1)
    #expect(try laptop.store.canonicalDump() == before)
    #expect(try laptop.store.auditLog().last?.action == "bundle-import")
  }

  @Test func aBlobThatDoesNotOpenIsReportedAndEveryOtherOpens() throws {
    let laptop = try SealedRoundTests.sealedLaptop()
    defer { try? FileManager.default.removeItem(atPath: laptop.folder) }
    var crafted = try Self.contents(laptop)
    var bad = crafted.responses[0]
    bad.id = UUID().uuidString.lowercased()
    bad.receiptLocator = nil
    bad.receiptSalt = nil
    bad.receiptHash = nil
    bad.sealed = Data(Random.bytes(200)).base64EncodedString()
    crafted.responses.insert(bad, at: 0)
    let key = try TeamKey.open(envelope: laptop.key.envelope, passphrase: SealedRoundTests.passphrase)
    let opened = SealedResponses.open(crafted, with: key)
    #expect(opened.unopened.map(\.responseID) == [bad.id])
    #expect(Array(opened.openedFrom.keys) == [laptop.responseID])

    // The team machine imports the bundle: the good one readable, the bad one kept sealed and reported.
    let team = try SealedRoundTests.emptyLaptop()
    let report = try team.importBundle(try BundleValidator.check(opened), file: "crafted.bundle", actor: "test")
    #expect(report.new == 2 && report.sealed == 1 && report.unopened.map(\.responseID) == [bad.id])
    #expect(try team.response(id: laptop.responseID)?.packedAnswers == laptop.packed)

    // `unseal` on a laptop that holds both sealed: the good one opens, the bad one stays sealed.
    #expect(try BundleTests.importBundle(try BundleFormat.encode(crafted), into: laptop.store).new == 1)
    let here = SealedResponses.open(try laptop.store.sealedContents(), with: key)
    let checked = try BundleValidator.check(here)
    #expect(checked.unopened.map(\.responseID) == [bad.id])
    #expect(try laptop.store.unseal(checked, actor: "test") == 1)
    #expect(try laptop.store.sealedCount() == 1)
    #expect(try laptop.store.response(id: laptop.responseID)?.packedAnswers == laptop.packed)
    #expect(try laptop.store.auditLog().last?.detail.contains(bad.id) == true)
  }

  @Test func sealedAndReadableResponsesStayInRoundsOfTheirKind() throws {
    let laptop = try SealedRoundTests.sealedLaptop()
    defer { try? FileManager.default.removeItem(atPath: laptop.folder) }
    let questionnaire = try BundleTests.questionnaire()
    let sealed = try Self.contents(laptop)
    // A sealed response in a round without a seal key.
    var intoOpen = sealed
    intoOpen.rounds[0].sealPublicKey = nil
    #expect(throws: BundleProblem.self) { try BundleValidator.check(intoOpen) }
    // A readable response in a sealed round, not opened with the team key here.
    var readable = sealed
    readable.responses[0] = Self.forgedReadableCopy(of: readable.responses[0], questionnaire: questionnaire)
    #expect(throws: BundleProblem.self) { try BundleValidator.check(readable) }
  }
}
