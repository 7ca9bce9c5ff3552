import Foundation
import Testing
import WijkwebCore
@testable import WijkwebStore

/// Review decisions are made on the team's machine: a bundle that claims a reflection is publishable (with
/// a redacted copy, dimension tags and a reviewer) brings it in unreviewed, and reviews leave only in the
/// section the team key signs (`TeamReviewTests`).
@Suite struct ReviewStaysAtTeamTests {
  @Test func aReflectionArrivingMarkedPublishableIsStoredUnreviewed() throws {
    let a = try BundleTests.laptop(seed: 50, demo: 0, interviews: 2)
    var crafted = try a.store.bundleContents()
    for index in crafted.responses.indices {
      crafted.responses[index].reflections = crafted.responses[index].reflections.map {
        BundleReflection(promptID: $0.promptID, text: $0.text, reviewStatus: "publishable_edited",
                         redactedText: "Jan Jansen, Dorpsstraat 4, 06-12345678", dimensions: "meedoen", reviewedAt: "2026-11-20T10:00:00Z",
                         reviewer: "GT1")
      }
    }
    let team = try BundleTests.laptop(seed: 51, demo: 0, interviews: 0)
    let report = try BundleTests.importBundle(try BundleFormat.encode(crafted), into: team.store)
    #expect(report.new == 2)
    let round = try #require(try team.store.openRounds().first)
    #expect(try team.store.publishableQuotes(roundID: round.id).isEmpty)
    #expect(try team.store.reviewItems(roundID: nil, all: false).count == 2)
    #expect(try !team.store.canonicalDump().joined().contains("Dorpsstraat"))
  }

  @Test func reviewsTravelOnlyInTheSectionTheTeamKeySigns() throws {
    let a = try BundleTests.laptop(seed: 52, demo: 0, interviews: 1)
    var items = try a.store.reviewItems(roundID: nil, all: false)
    items[0].status = .publishableEdited
    items[0].redactedText = "Een bewoner [..]"
    try a.store.saveReview(items[0], reviewer: "GT1")
    let contents = try a.store.bundleContents()
    let reflections = contents.responses.flatMap(\.reflections)
    #expect(!reflections.isEmpty && reflections.allSatisfy { $0 == $0.unreviewed })
    #expect(contents.reviews == nil, "without the team key a bundle carries no review decisions")
    // With the team's key (here the laptop's own local team) the decisions travel, signed by the team.
    let signer = try #require(try a.store.writer.read { db in try Store.localTeamSigner(in: db) })
    let section = try a.store.teamReviewSection(signer: signer)
    #expect(section.decisions.map(\.status) == ["publishable_edited"] && section.decisions.first?.redactedText == "Een bewoner [..]")
    #expect(try section.verify(team: try a.store.trustState().team, with: Ed25519Verifier()) == .team)
    // Signed by the device key instead, the same decisions count for nothing.
    #expect(try ReviewSection.signed(section.decisions, by: try a.store.deviceSigner())
      .verify(team: try a.store.trustState().team, with: Ed25519Verifier()) == .notTeam)
    // Importing the team's own bundle back keeps its review.
    try BundleTests.importBundle(try BundleTests.export(a.store), into: a.store)
    #expect(try a.store.reviewItems(roundID: nil, all: false).isEmpty)
  }
}
