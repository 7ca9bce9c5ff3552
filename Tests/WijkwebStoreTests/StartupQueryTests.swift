import Foundation
import GRDB
import Testing
import WijkwebCore
@testable import WijkwebStore

/// What every start and every stored answer rely on staying cheap at a million responses.
@Suite struct StartupQueryTests {
  @Test func theInterruptedInterviewIsFoundThroughItsIndex() throws {
    let store = try Store.inMemory()
    let plan = try store.writer.read { db in
      try Row.fetchAll(db, sql: """
        EXPLAIN QUERY PLAN SELECT id FROM responses WHERE status = 'in_progress' ORDER BY started_at DESC LIMIT 1
        """).map { $0["detail"] as String }
    }
    #expect(plan.contains { $0.contains("USING INDEX responses_in_progress") }, "plan: \(plan)")
  }

  @Test func timestampsAreUTCToTheSecond() {
    #expect(Store.timestamp(Date(timeIntervalSince1970: 1_763_898_900.7)) == "2025-11-23T11:55:00Z")
    #expect(Store.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
  }
}
