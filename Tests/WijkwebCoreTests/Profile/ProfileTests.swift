import Testing
@testable import WijkwebCore

/// Profiles on a small fixture whose figures were computed independently with numpy/scipy
/// (np.mean, np.std(ddof=1), scipy.stats.t.ppf(0.975, n-1), np.percentile (type 7),
/// scipy.stats.ttest_ind(equal_var=False).confidence_interval()).
@Suite struct ProfileTests {
  static let areas = [
    Area(code: "G", level: .gemeente, name: "Gemeente", parentCode: nil),
    Area(code: "A", level: .gebied, name: "A", parentCode: "G"),
    Area(code: "B", level: .gebied, name: "B", parentCode: "G"),
    Area(code: "A1", level: .wijk, name: "A1", parentCode: "A"),
    Area(code: "A2", level: .wijk, name: "A2", parentCode: "A"),
  ]
  static let a1: [Double] = [6, 7, 8, 5, 9, 7, 6, 8, 7, 6, 5, 8]
  static let a2: [Double] = [4, 5, 6, 5, 4, 6, 5, 7, 5, 4, 6]
  static let b: [Double] = [8, 9, 7, 8, 9, 10, 8, 7, 9, 8]

  static func profile(minimum: Int = 10, previous: Bool = false) -> Profile {
    let tree = AreaTree(areas: areas)
    func totals(shift: Double) -> ProfileTotals {
      var aggregator = ProfileAggregator(tree: tree, partIDs: ["health"])
      for (code, scores) in [("A1", a1), ("A2", a2), ("B", b)] {
        for score in scores {
          aggregator.add(areaCode: code, partID: "health", scores: Array(repeating: score + shift, count: 6), category: nil)
        }
      }
      return aggregator.rolledUp()
    }
    // The exact figures: the arithmetic checked here is what the cell-key method then perturbs.
    return Profile.build(totals: totals(shift: 0), previous: previous ? totals(shift: -1) : nil,
                         rule: SuppressionRule(minimumGroupSize: minimum), previousRule: nil, breakdown: nil, weighted: false,
                         protection: .exact)
  }

  func figure(_ profile: Profile, _ code: String) -> ProfileFigure? {
    profile.figures.first { $0.area.code == code && $0.dimension == .meedoen }
  }

  @Test func figuresMatchIndependentlyComputedValues() throws {
    let profile = Self.profile()
    let gebied = try #require(figure(profile, "A")?.summary)
    #expect(gebied.n == 23)
    #expect(abs(gebied.mean - 6.0434782609) < 1e-9)
    #expect(abs(gebied.standardDeviation - 1.3973436120) < 1e-9)
    #expect(abs((gebied.confidenceInterval?.lowerBound ?? 0) - 5.4392215706) < 1e-8)
    #expect(abs((gebied.confidenceInterval?.upperBound ?? 0) - 6.6477349512) < 1e-8)
    #expect(gebied.median == 6 && gebied.percentile25 == 5 && gebied.percentile75 == 7)
    #expect(abs(gebied.shareBelowPass - 0.3913043478) < 1e-9)
    let gemeente = try #require(figure(profile, "G")?.summary)
    #expect(gemeente.n == 33 && abs(gemeente.mean - 6.7272727273) < 1e-9)
    #expect(abs((gemeente.confidenceInterval?.lowerBound ?? 0) - 6.1441405723) < 1e-8)
    let wijk = try #require(figure(profile, "A1")?.summary)
    #expect(abs(wijk.mean - 6.8333333333) < 1e-9 && wijk.percentile25 == 6)
  }

  /// The parent comparison is the area against the rest of its parent (nested samples: the parent contains
  /// the area): A1 against A2, scipy.stats.ttest_ind(a1, a2, equal_var=False) gives 1.6515151515,
  /// interval 0.6713452465 to 2.6316850565. (It used to compare A1 with all of A as if independent.)
  @Test func comparisonsWithTheRestAndTheParentAreWelch() throws {
    let profile = Self.profile()
    let rest = try #require(figure(profile, "A")?.versusRest)
    #expect(abs(rest.estimate - -2.2565217391304353) < 1e-9)
    #expect(abs(rest.interval.lowerBound - -3.117973701220147) < 1e-6)
    #expect(abs(rest.interval.upperBound - -1.3950697770407234) < 1e-6)
    #expect(rest.isSignificant)
    let parent = try #require(figure(profile, "A1")?.versusParent)
    #expect(abs(parent.estimate - 1.6515151515151514) < 1e-9)
    #expect(abs(parent.interval.lowerBound - 0.6713452465372902) < 1e-6)
    #expect(abs(parent.interval.upperBound - 2.6316850564930125) < 1e-6)
    #expect(parent.isSignificant)
    let onlyChild = Self.profile(minimum: 12)
    #expect(figure(onlyChild, "A1")?.versusParent == nil, "the rest of A (A2, 11) is below the minimum: no comparison")
    #expect(figure(profile, "G")?.versusRest == nil, "the gemeente has no rest")
  }

  @Test func previousRoundDifference() throws {
    let profile = Self.profile(previous: true)
    let trend = try #require(figure(profile, "G")?.versusPrevious)
    #expect(abs(trend.estimate - 1) < 1e-9)
  }

  @Test func smallGroupsAreHiddenAndNoComparisonUsesThem() {
    // A2 has 11 respondents and B 10: with a minimum of 12 both are hidden, and so is every comparison
    // whose other group is below the minimum (A1 against the rest of A = A2).
    let profile = Self.profile(minimum: 12)
    #expect(figure(profile, "A2")?.suppressed == true)
    #expect(figure(profile, "A2")?.summary == nil)
    #expect(figure(profile, "B")?.suppressed == true, "B has 10 < 12")
    #expect(figure(profile, "A1")?.suppressed == false)
    #expect(figure(profile, "A1")?.versusParent == nil)
    #expect(figure(profile, "A")?.versusRest == nil, "the rest of G is B, 10 < 12")
    #expect(figure(profile, "G")?.summary?.n == 33)
  }
}

/// The cell-key method on random hierarchies, data and breakdowns: every published figure against the
/// exact one, and the consistency that makes differencing yield noise.
@Suite struct ProfileCellKeyTests {
  struct Fixture {
    var tree: AreaTree
    var totals: ProfileTotals
    var minimum: Int
    var areas: [Area]
  }

  static func fixture(seed: Int) -> Fixture {
    var random = SeededRandom(seed: UInt64(seed) &* 7919 &+ 11)
    var areas = [Area(code: "G", level: .gemeente, name: "G", parentCode: nil)]
    var leaves: [String] = ["G"]
    for g in 0 ..< 1 + Int(random.next() % 4) {
      let gebied = "G\(g)"
      areas.append(Area(code: gebied, level: .gebied, name: gebied, parentCode: "G"))
      leaves.append(gebied)
      for w in 0 ..< Int(random.next() % 4) {
        let wijk = "\(gebied)W\(w)"
        areas.append(Area(code: wijk, level: .wijk, name: wijk, parentCode: gebied))
        leaves.append(wijk)
        for b in 0 ..< Int(random.next() % 3) {
          let buurt = "\(wijk)B\(b)"
          areas.append(Area(code: buurt, level: .buurt, name: buurt, parentCode: wijk))
          leaves.append(buurt)
        }
      }
    }
    let tree = AreaTree(areas: areas)
    let categories = ["x", "y", "z"]
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["p"], categories: categories)
    var id = 0
    for leaf in leaves {
      for _ in 0 ..< Int(random.next() % 40) {
        id += 1
        let category: String? = random.next() % 10 == 0 ? nil : categories[Int(random.next() % 3)]
        let score = Double(random.next() % 11)
        aggregator.add(areaCode: leaf, partID: "p", scores: [score, nil, score, score, score, score], category: category,
                       recordKey: CellKey.recordKey(responseID: "response-\(seed)-\(id)"))
      }
    }
    return Fixture(tree: tree, totals: aggregator.rolledUp(), minimum: 5 + Int(random.next() % 8), areas: areas)
  }

  @Test(arguments: 0 ..< 40) func publishedFiguresStayWithinTheMethodsBounds(seed: Int) {
    let fixture = Self.fixture(seed: seed)
    let rule = SuppressionRule(minimumGroupSize: fixture.minimum)
    let published = Profile.build(totals: fixture.totals, previous: nil, rule: rule, breakdown: "q")
    let exact = Profile.build(totals: fixture.totals, previous: nil, rule: SuppressionRule(minimumGroupSize: 5), previousRule: nil,
                              breakdown: "q", weighted: false, protection: .exact)
    #expect(published.figures.contains { $0.suppressed } && published.figures.contains { !$0.suppressed },
            "the fixture exercises both sides")
    var moved = 0
    for (figure, truth) in zip(published.figures, exact.figures) {
      #expect(figure.area == truth.area && figure.category == truth.category && figure.dimension == truth.dimension)
      guard let summary = figure.summary else {
        #expect(figure.suppressed)
        continue
      }
      let real = truth.summary
      #expect((real?.n ?? 0) >= fixture.minimum, "a group of \(real?.n ?? 0) is shown (minimum \(fixture.minimum))")
      #expect(summary.n >= fixture.minimum, "a perturbed count below the minimum is shown")
      guard let real else { continue }
      #expect(abs(summary.n - real.n) <= CellKey.maximumCountChange)
      #expect(abs(summary.mean - real.mean) <= CellKey.maximumSumChange / Double(real.n) + 1e-12)
      #expect(summary.standardDeviation == real.standardDeviation)
      #expect(abs(summary.median - real.median) <= 0.05 + 1e-12)
      if summary.n != real.n || summary.mean != real.mean { moved += 1 }
    }
    #expect(moved > 0, "the figures are perturbed")
  }

  /// The same respondents get the same figures in every table: a wijk whose buurt holds all of its
  /// respondents shows the buurt's figures, and raising the minimum only hides figures, never changes one.
  @Test func theSameGroupGetsTheSameFiguresEverywhere() throws {
    let areas = [
      Area(code: "G", level: .gemeente, name: "G", parentCode: nil),
      Area(code: "A", level: .gebied, name: "A", parentCode: "G"),
      Area(code: "W", level: .wijk, name: "W", parentCode: "A"),
      Area(code: "B", level: .buurt, name: "B", parentCode: "W"),
      Area(code: "C", level: .gebied, name: "C", parentCode: "G"),
    ]
    let tree = AreaTree(areas: areas)
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["p"])
    for index in 0 ..< 60 {
      aggregator.add(areaCode: index < 23 ? "B" : "C", partID: "p", scores: Array(repeating: Double(index % 11), count: 6),
                     category: nil, recordKey: CellKey.recordKey(responseID: "r\(index)"))
    }
    let totals = aggregator.rolledUp()
    let low = Profile.build(totals: totals, previous: nil, rule: SuppressionRule(minimumGroupSize: 10))
    let high = Profile.build(totals: totals, previous: nil, rule: SuppressionRule(minimumGroupSize: 30))
    func summary(_ profile: Profile, _ code: String) -> ScoreSummary? {
      profile.figures.first { $0.area.code == code && $0.dimension == .meedoen }?.summary
    }
    let buurt = try #require(summary(low, "B"))
    #expect(summary(low, "W") == buurt && summary(low, "A") == buurt)
    #expect(summary(high, "B") == nil, "23 < 30")
    for code in ["G", "C"] { #expect(summary(high, code) == summary(low, code)) }
  }

  /// Record keys come from the response id alone.
  @Test func recordKeysAreFixedPerResponseAndSpread() {
    #expect(CellKey.recordKey(responseID: "a") == CellKey.recordKey(responseID: "a"))
    let keys = Set((0 ..< 1000).map { CellKey.recordKey(responseID: "response-\($0)") })
    #expect(keys.count == 1000)
    var changes = [Int: Int]()
    for key in keys { changes[CellKey.countChange(key, salt: 0), default: 0] += 1 }
    #expect(Set(changes.keys) == [-2, -1, 0, 1, 2])
    #expect((350 ... 450).contains(changes[0] ?? 0), "P(0) = 0.4")
  }
}
