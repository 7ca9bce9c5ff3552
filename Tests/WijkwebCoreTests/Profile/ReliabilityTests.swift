import Testing
@testable import WijkwebCore

@Suite struct ReliabilityTests {
  @Test func alphaFromPackedAnswersMatchesNumpy() throws {
    let questionnaire = try Fixtures.questionnaire()
    var reliability = Reliability(questionnaire: questionnaire)
    // Part health: two statements per dimension, lichaamsfuncties first; the rest of the answers vary.
    let pairs: [(Character, Character)] = [("4", "5"), ("6", "6"), ("8", "9"), ("3", "2"), ("7", "-")]
    for (first, second) in pairs {
      reliability.add(packedAnswers: String([first, second]) + String(repeating: "5", count: 16))
    }
    let row = try #require(reliability.rows.first { $0.partID == "health" && $0.dimension == .lichaamsfuncties })
    #expect(row.items == 2)
    #expect(row.completeCount == 4, "the response with weet niet is left out")
    // numpy: k/(k-1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1)) = 0.9641693811074918
    #expect(abs((row.alpha ?? 0) - 0.9641693811074918) < 1e-9)
    let single = try #require(reliability.rows.first { $0.partID == "neighbourhood" })
    #expect(single.items == 1 && single.alpha == nil, "one statement has no alpha")
  }
}
