import Foundation
import Testing
import WijkwebCore
@testable import WijkwebStore

/// Review decisions travel between the team's machines only in a section signed by the team key: office
/// A reviews and exports with the team key, office B shows the same publishable quotes; a laptop signing
/// such a section with its device key brings nothing but unreviewed reflections; a changed section is
/// refused whole; the newer decision wins in any order.
@Suite struct TeamReviewTests {
  struct Offices {
    var key: TeamKey.Opened
    var a: BundleTests.Laptop
    var b: BundleTests.Laptop
  }

  static func offices(seed: UInt64) throws -> Offices {
    let key = try TeamKey.open(envelope: try TeamKey.create(passphrase: TeamEnrolmentTests.passphrase, strength: .interactive).envelope,
                               passphrase: TeamEnrolmentTests.passphrase)
    let a = try BundleTests.laptop(seed: seed, demo: 0, interviews: 2)
    let b = try BundleTests.laptop(seed: seed + 1, demo: 0, interviews: 0)
    try TeamEnrolmentTests.enrol(a.store, key: key)
    try TeamEnrolmentTests.enrol(b.store, key: key)
    return Offices(key: key, a: a, b: b)
  }

  /// A bundle of `store` carrying its reviews in a section signed by `signer`.
  static func export(_ store: Store, reviewsSignedBy signer: any MessageSigner) throws -> BundleContents {
    var contents = try store.bundleContents()
    contents.reviews = try store.teamReviewSection(signer: signer)
    return contents
  }

  static func quotes(_ store: Store) throws -> [String] {
    let round = try #require(try store.openRounds().first)
    return try store.publishableQuotes(roundID: round.id).map { "\($0.areaCode ?? "")|\($0.dimensions.map(\.key))|\($0.text)" }.sorted()
  }

  static func review(_ store: Store, _ index: Int, _ status: ReviewStatus, redacted: String? = nil, at time: Date) throws {
    // By id, so `index` names the same reflection on every machine (the review screen orders by local row).
    var items = try store.reviewItems(roundID: nil, all: true).sorted { ($0.responseID, $0.promptID) < ($1.responseID, $1.promptID) }
    items[index].status = status
    items[index].redactedText = redacted
    items[index].dimensions = [.meedoen]
    try store.saveReview(items[index], reviewer: "GT1", now: time)
  }

  @Test func officeBShowsTheQuotesOfficeAReviewedWithTheTeamKey() throws {
    let offices = try Self.offices(seed: 80)
    try Self.review(offices.a.store, 0, .publishableEdited, redacted: "Het bankje bij de plas is mijn redding", at: BundleTests.seedTime)
    try Self.review(offices.a.store, 1, .publishable, at: BundleTests.seedTime)
    #expect(try Self.quotes(offices.a.store).count == 2)

    // Without the team key the bundle carries reflections unreviewed and no decisions.
    let plain = try offices.a.store.bundleContents()
    #expect(plain.reviews == nil && plain.responses.flatMap(\.reflections).allSatisfy { $0 == $0.unreviewed })

    let contents = try Self.export(offices.a.store, reviewsSignedBy: try offices.key.signer())
    #expect(contents.reviews?.decisions.count == 2)
    let report = try BundleTests.importBundle(try BundleFormat.encode(contents), into: offices.b.store)
    #expect(report.new == 2 && report.reviewsApplied == 2 && report.reviewsNotFromTeam == 0)
    #expect(try Self.quotes(offices.b.store) == Self.quotes(offices.a.store))
    #expect(try offices.b.store.reviewItems(roundID: nil, all: false).isEmpty)
    // The same bundle again changes nothing.
    let again = try BundleTests.importBundle(try BundleFormat.encode(contents), into: offices.b.store)
    #expect(again.reviewsApplied == 0)
    // A key of another team does not sign this team's reviews.
    let other = try TeamKey.open(envelope: try TeamKey.create(passphrase: TeamEnrolmentTests.passphrase, strength: .interactive).envelope,
                                 passphrase: TeamEnrolmentTests.passphrase)
    #expect(throws: StoreError.self) { try offices.a.store.teamReviewSection(signer: try other.signer()) }
  }

  @Test func aLaptopSigningReviewsWithItsDeviceKeyBringsThemUnreviewedAndAChangedSectionIsRefused() throws {
    let offices = try Self.offices(seed: 82)
    try Self.review(offices.a.store, 0, .publishableEdited, redacted: "Een bewoner over het bankje", at: BundleTests.seedTime)
    let signed = try Self.export(offices.a.store, reviewsSignedBy: try offices.key.signer())

    // The laptop forges the section with its own (enrolled) device key: left aside, reflections unreviewed.
    var forged = signed
    forged.reviews = try ReviewSection.signed(signed.reviews?.decisions ?? [], by: try offices.a.store.deviceSigner())
    let report = try BundleTests.importBundle(try BundleFormat.encode(forged), into: offices.b.store)
    #expect(report.new == 2 && report.reviewsApplied == 0 && report.reviewsNotFromTeam == 1)
    #expect(try Self.quotes(offices.b.store).isEmpty)
    #expect(try offices.b.store.reviewItems(roundID: nil, all: false).count == 2)

    // The team's section with a changed redacted copy: the whole bundle is refused, nothing changes.
    var tampered = signed
    tampered.reviews?.decisions[0].redactedText = "Jan Jansen, Dorpsstraat 4, 06-12345678"
    let before = try offices.b.store.canonicalDump()
    let manifest = try BundleFormat.read(try BundleFormat.encode(tampered, signedBy: try offices.a.store.bundleSigningDevice())).manifest
    #expect(throws: TrustProblem.self) { try offices.b.store.verifyTrust(manifest, contents: tampered, acceptUnsigned: false) }
    #expect(throws: StoreError.self) { try BundleTests.importBundle(try BundleFormat.encode(tampered), into: offices.b.store) }
    #expect(try offices.b.store.canonicalDump() == before)
    #expect(try !offices.b.store.canonicalDump().joined().contains("Dorpsstraat"))

    // Signed by the team, but about another text than the one held here: refused and reported, no change.
    var other = try #require(signed.reviews?.decisions.first)
    other.textSHA256 = ReviewSection.textHash("Een andere tekst")
    var elsewhere = signed
    elsewhere.reviews = try ReviewSection.signed([other], by: try offices.key.signer())
    let refused = try BundleTests.importBundle(try BundleFormat.encode(elsewhere), into: offices.b.store)
    #expect(refused.reviewsApplied == 0 && refused.reviewsForOtherText == [other.responseID])
    #expect(try offices.b.store.canonicalDump() == before)
  }

  @Test func theNewerReviewWinsInEveryOrder() throws {
    let offices = try Self.offices(seed: 84)
    let signer = try offices.key.signer()
    try Self.review(offices.a.store, 0, .publishable, at: BundleTests.seedTime)
    let older = try BundleFormat.encode(try Self.export(offices.a.store, reviewsSignedBy: signer))
    try BundleTests.importBundle(older, into: offices.b.store)
    // Office B decides again later: not publishable after all.
    try Self.review(offices.b.store, 0, .notPublishable, at: BundleTests.seedTime.addingTimeInterval(3600))
    let newer = try BundleFormat.encode(try Self.export(offices.b.store, reviewsSignedBy: signer))
    try BundleTests.importBundle(newer, into: offices.a.store)
    try BundleTests.importBundle(older, into: offices.b.store)
    #expect(try Self.quotes(offices.a.store).isEmpty && Self.quotes(offices.b.store).isEmpty)
    var reflections: [[String]] = []
    for order in [[older, newer], [newer, older]] {
      let office = try BundleTests.laptop(seed: 86, demo: 0, interviews: 0)
      try TeamEnrolmentTests.enrol(office.store, key: offices.key)
      for bundle in order { try BundleTests.importBundle(bundle, into: office.store) }
      reflections.append(try office.store.canonicalDump().filter { $0.hasPrefix("reflection|") })
    }
    let onA = try offices.a.store.canonicalDump().filter { $0.hasPrefix("reflection|") }
    #expect(reflections[0] == reflections[1] && reflections[0] == onA)
    #expect(onA.contains { $0.contains("|not_publishable|") })
  }
}
