import Testing
@testable import WijkwebCore

/// The number of respondents of an area is a protected cell of its own, and weighted figures are hidden
/// and counted on the protected n of the same group unweighted.
@Suite struct ProfileRespondentsTests {
  static let tree = AreaTree(areas: [
    Area(code: "G", level: .gemeente, name: "G", parentCode: nil),
    Area(code: "A", level: .wijk, name: "A", parentCode: "G"),
    Area(code: "B", level: .wijk, name: "B", parentCode: "G"),
  ])

  /// `counts` respondents per area (record keys from `prefix`); the first `gaps` of A answered nothing on
  /// lichaamsfuncties; `weight(index)` per respondent of A (nil: no weight, left out of a weighted total).
  static func totals(_ counts: [String: Int], prefix: String = "r", gaps: Int = 0, weight: ((Int) -> Double?)? = nil) -> ProfileTotals {
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["health"])
    for (code, count) in counts.sorted(by: { $0.key < $1.key }) {
      for index in 0 ..< count {
        var scores: [Double?] = Array(repeating: Double(index % 11), count: 6)
        if code == "A", index < gaps { scores[0] = nil }
        var value = 1.0
        if let weight {
          guard code != "A" || weight(index) != nil else { continue }
          value = code == "A" ? weight(index)! : 1.5
        }
        aggregator.add(areaCode: code, partID: "health", scores: scores, category: nil, weight: value,
                       recordKey: CellKey.recordKey(responseID: "\(prefix)-\(code)-\(index)"))
      }
    }
    return aggregator.rolledUp()
  }

  @Test func respondentsArePublishedByTheCellKeyRuleAndHiddenBelowTheMinimum() throws {
    let profile = Profile.build(totals: Self.totals(["A": 30, "B": 4], gaps: 3), previous: nil, rule: SuppressionRule(minimumGroupSize: 10))
    let a = try #require(profile.respondents(area: "A", partID: "health", category: nil))
    let aKey = (0 ..< 30).reduce(UInt64(0)) { $0 &+ CellKey.recordKey(responseID: "r-A-\($1)") }
    #expect(a.n == CellKey.perturbedCount(30, cellKey: aKey))
    // Everyone in A answered zingeving: the same group, so the same published n as the respondents.
    #expect(profile.figures.first { $0.area.code == "A" && $0.dimension == .zingeving }?.summary?.n == a.n)
    // 27 answered lichaamsfuncties: a different group with its own key.
    let gapKey = (3 ..< 30).reduce(UInt64(0)) { $0 &+ CellKey.recordKey(responseID: "r-A-\($1)") }
    #expect(profile.figures.first { $0.area.code == "A" && $0.dimension == .lichaamsfuncties }?.summary?.n
      == CellKey.perturbedCount(27, cellKey: gapKey))
    #expect(profile.respondents(area: "B", partID: "health", category: nil)?.suppressed == true, "4 respondents: hidden")
    #expect(profile.respondents(area: "G", partID: "health", category: nil)?.n != nil)
  }

  @Test func aRespondentsCellIsHiddenWhenItsPerturbedCountFallsBelowTheMinimum() throws {
    // Find record keys that perturb a group of exactly 10 down to 8 or 9: hidden although 10 >= 10.
    let prefix = try #require((0 ..< 500).map { "p\($0)" }.first { prefix in
      let key = (0 ..< 10).reduce(UInt64(0)) { $0 &+ CellKey.recordKey(responseID: "\(prefix)-A-\($1)") }
      return CellKey.perturbedCount(10, cellKey: key) < 10
    })
    let profile = Profile.build(totals: Self.totals(["A": 10, "B": 20], prefix: prefix), previous: nil, rule: SuppressionRule(minimumGroupSize: 10))
    #expect(profile.respondents(area: "A", partID: "health", category: nil)?.suppressed == true)
    let a = profile.figures.filter { $0.area.code == "A" }
    #expect(!a.isEmpty && a.allSatisfy { $0.suppressed })
  }

  /// A has 11 respondents, one without a weight. Unweighted, A is hidden (its n′ is below 10); the 10
  /// weighted respondents are another group with another key, which on its own would be shown. Weighted
  /// figures follow the unweighted protected n, so A stays hidden, and where shown the n is the same.
  @Test func weightedFiguresAreSuppressedOnTheSameProtectedN() throws {
    let minimum = SuppressionRule(minimumGroupSize: 10)
    let prefix = try #require((0 ..< 2000).map { "w\($0)" }.first { prefix in
      let all = (0 ..< 11).reduce(UInt64(0)) { $0 &+ CellKey.recordKey(responseID: "\(prefix)-A-\($1)") }
      let weighted = all &- CellKey.recordKey(responseID: "\(prefix)-A-0")
      return CellKey.perturbedCount(11, cellKey: all) < 10 && CellKey.perturbedCount(10, cellKey: weighted) >= 10
    })
    let plain = Self.totals(["A": 11, "B": 30], prefix: prefix)
    let weighted = Self.totals(["A": 11, "B": 30], prefix: prefix) { $0 == 0 ? nil : 1.2 }
    // Without the unweighted counts, the weighted group of 10 would be published: the case this guards.
    #expect(Profile.build(totals: weighted, previous: nil, rule: minimum, weighted: true).figures
      .contains { $0.area.code == "A" && !$0.suppressed })
    let profile = Profile.build(totals: weighted, previous: nil, rule: minimum, weighted: true, counts: plain)
    let unweighted = Profile.build(totals: plain, previous: nil, rule: minimum)
    let a = profile.figures.filter { $0.area.code == "A" }
    #expect(!a.isEmpty && a.allSatisfy { $0.suppressed })
    #expect(profile.respondents(area: "A", partID: "health", category: nil)?.suppressed == true)
    for figure in profile.figures where figure.area.code != "A" {
      let twin = try #require(unweighted.figures.first { $0.area.code == figure.area.code && $0.dimension == figure.dimension })
      #expect(figure.suppressed == twin.suppressed && figure.summary?.n == twin.summary?.n, "\(figure.area.code)")
      #expect(figure.summary?.weighted == true || figure.suppressed)
    }
  }
}
