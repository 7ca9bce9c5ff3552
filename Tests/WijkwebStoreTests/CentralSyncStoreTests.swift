import Foundation
import Testing
import WijkwebCore
@testable import WijkwebStore

/// What `wijkweb sync` reads and records on the laptop: completed responses as bundles carry them, walked
/// once in id order, and never offered again once a server confirmed them.
@Suite struct CentralSyncStoreTests {
  @Test func unsentResponsesAreWalkedOnceAndConfirmedOnesAreNotOfferedAgain() throws {
    let laptop = try BundleTests.laptop(seed: 3, demo: 7, interviews: 2)
    let store = laptop.store
    let all = try store.bundleContents().responses
    #expect(all.count == 9, "completed responses only: the interview in progress never travels")

    var walked: [BundleResponse] = []
    var cursor: String?
    while true {
      let batch = try store.unsentResponses(server: "s1", after: cursor, limit: 4)
      guard let last = batch.last else { break }
      walked += batch
      cursor = last.id
    }
    #expect(walked == all, "the same records, scores and reflections as a bundle, each once")
    #expect(walked.contains { !$0.reflections.isEmpty } && walked.allSatisfy { !$0.scores.isEmpty })

    try store.markSent(server: "s1", responses: walked.prefix(5).map(\.id), withdrawals: [])
    try store.markSent(server: "s1", responses: walked.prefix(5).map(\.id), withdrawals: [])
    #expect(try store.unsentResponses(server: "s1", after: nil, limit: 100).map(\.id) == walked.dropFirst(5).map(\.id))
    #expect(try store.unsentResponses(server: "s2", after: nil, limit: 100).count == 9, "another server has its own record")
    #expect(try store.sentCounts(server: "s1").responses == 5)

    let withdrawal = try #require(try store.withdraw(receiptCode: laptop.receipts[0], actor: "test"))
    #expect(try store.unsentWithdrawals(server: "s1").map(\.responseID) == [withdrawal.responseID])
    #expect(try store.unsentWithdrawals(server: "s1").map(\.receiptCode) == [laptop.receipts[0]],
            "a withdrawal travels with its receipt code, the only proof the server's admin can check")
    try store.markSent(server: "s1", responses: [], withdrawals: [withdrawal.responseID])
    #expect(try store.unsentWithdrawals(server: "s1").isEmpty)
    #expect(try store.unsentResponses(server: "s1", after: nil, limit: 100).map(\.id)
            == walked.dropFirst(5).map(\.id).filter { $0 != withdrawal.responseID })
  }
}
