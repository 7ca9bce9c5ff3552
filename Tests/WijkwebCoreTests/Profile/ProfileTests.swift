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
    return Profile.build(totals: totals(shift: 0), previous: previous ? totals(shift: -1) : nil,
                         rule: SuppressionRule(minimumGroupSize: minimum))
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

  @Test func comparisonsWithTheRestAndTheParentAreWelch() throws {
    let profile = Self.profile()
    let rest = try #require(figure(profile, "A")?.versusRest)
    #expect(abs(rest.estimate - -2.2565217391304353) < 1e-9)
    #expect(abs(rest.interval.lowerBound - -3.117973701220147) < 1e-6)
    #expect(abs(rest.interval.upperBound - -1.3950697770407234) < 1e-6)
    #expect(rest.isSignificant)
    let parent = try #require(figure(profile, "A1")?.versusParent)
    #expect(abs(parent.estimate - 0.7898550724637676) < 1e-9)
    #expect(abs(parent.interval.lowerBound - -0.1744474859815438) < 1e-6)
    #expect(!parent.isSignificant, "an interval containing 0 is not significant")
    #expect(figure(profile, "G")?.versusRest == nil, "the gemeente has no rest")
  }

  @Test func previousRoundDifference() throws {
    let profile = Self.profile(previous: true)
    let trend = try #require(figure(profile, "G")?.versusPrevious)
    #expect(abs(trend.estimate - 1) < 1e-9)
  }

  @Test func smallWijkIsSuppressedAndItsSiblingToo() {
    // A2 has 11 respondents; with a minimum of 12 it is suppressed, and A1 (12) must be too, or
    // A minus A1 would reveal A2.
    let profile = Self.profile(minimum: 12)
    #expect(figure(profile, "A2")?.suppressed == true)
    #expect(figure(profile, "A2")?.summary == nil)
    #expect(figure(profile, "A1")?.suppressed == true)
    #expect(figure(profile, "B")?.suppressed == true, "B has 10 < 12")
    #expect(figure(profile, "A")?.suppressed == true, "or G minus A would reveal B")
    #expect(figure(profile, "G")?.suppressed == false)
    #expect(figure(profile, "G")?.summary?.n == 33)
  }
}

/// Adversarial suppression: random hierarchies, data and breakdowns, then every invariant checked on the
/// figures that would be shown.
@Suite struct ProfileSuppressionTests {
  @Test(arguments: 0 ..< 40) func noSmallGroupCanBeSeenOrDerived(seed: Int) {
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
    for leaf in leaves {
      let count = Int(random.next() % 40)
      for _ in 0 ..< count {
        let category: String? = random.next() % 10 == 0 ? nil : categories[Int(random.next() % 3)]
        let score = Double(random.next() % 11)
        aggregator.add(areaCode: leaf, partID: "p", scores: [score, nil, score, score, score, score], category: category)
      }
    }
    let minimum = 5 + Int(random.next() % 8)
    let profile = Profile.build(totals: aggregator.rolledUp(), previous: nil, rule: SuppressionRule(minimumGroupSize: minimum),
                                breakdown: "q")
    #expect(profile.figures.contains { $0.suppressed } && profile.figures.contains { !$0.suppressed },
            "the fixture exercises both sides")
    for dimension in [Dimension.lichaamsfuncties, .zingeving] {
      let figures = profile.figures.filter { $0.dimension == dimension }
      func shown(_ code: String, _ category: String?) -> Int? {
        figures.first { $0.area.code == code && $0.category == category }.flatMap { $0.suppressed ? nil : $0.summary?.n }
      }
      for figure in figures {
        if let n = figure.summary?.n { #expect(n >= minimum, "a group of \(n) is shown (minimum \(minimum))") }
        #expect(!(figure.suppressed && figure.summary != nil), "a suppressed figure carries numbers")
      }
      for area in areas {
        for category in [nil] + categories.map(Optional.some) {
          guard let total = shown(area.code, category) else { continue }
          // Down the hierarchy: the parent minus its shown sub-areas.
          let children = tree.children[tree.index[area.code] ?? 0].map { tree.areas[$0].code }
          let concealed = total - children.compactMap { shown($0, category) }.reduce(0, +)
          #expect(concealed == 0 || concealed >= minimum,
                  "\(area.code)/\(category ?? "all"): \(concealed) respondents derivable by subtraction")
          // Across the breakdown: everyone minus the shown categories.
          if category == nil {
            let concealedCategories = total - categories.compactMap { shown(area.code, $0) }.reduce(0, +)
            #expect(concealedCategories == 0 || concealedCategories >= minimum,
                    "\(area.code): \(concealedCategories) respondents derivable from the breakdown")
          }
        }
      }
    }
  }
}
