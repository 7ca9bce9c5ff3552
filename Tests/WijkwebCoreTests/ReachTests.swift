import Testing
@testable import WijkwebCore

/// `Reach`: shares against the population, the factor, hidden cells, the numbers approached.
@Suite struct ReachTests {
  static let tree = AreaTree(areas: [
    Area(code: "GM", level: .gemeente, name: "Stad", parentCode: nil),
    Area(code: "WK1", level: .wijk, name: "Noord", parentCode: "GM"),
    Area(code: "WK2", level: .wijk, name: "Zuid", parentCode: "GM"),
  ])
  static let populations = [
    AreaPopulation(areaCode: "WK1", sex: [500, 500], age: [250, 250, 250, 250]),
    AreaPopulation(areaCode: "WK2", sex: [400, 600], age: [100, 300, 300, 300]),
  ]

  static func counts(_ area: Area) -> Reach.PublishedCounts {
    switch area.code {
    case "WK1":
      // 15-24 hidden; 65-74 and 75+ make 65+.
      return .init(everyone: 100, sex: ["man": 30, "vrouw": 70, "anders": nil],
                   age: ["15-24": nil, "25-44": 30, "45-64": 30, "65-74": 20, "75+": 15])
    case "WK2":
      return .init(everyone: 80, sex: ["man": 40, "vrouw": 40], age: ["15-24": 10, "25-44": 20, "45-64": 25, "65-74": 15, "75+": 10])
    default:
      return .init(everyone: 180, sex: ["man": 70, "vrouw": 110], age: ["15-24": 12, "25-44": 50, "45-64": 55, "65-74": 35, "75+": 25])
    }
  }

  @Test func sharesRatiosAndTheFactor() throws {
    let figures = Reach.compute(tree: Self.tree, populations: Self.populations, counts: Self.counts, minimum: 10, approached: ["WK2": 400])
    #expect(figures.map(\.area.code) == ["GM", "WK1", "WK2"], "the gemeente from its wijken' summed margins")
    let wk1 = try #require(figures.first { $0.area.code == "WK1" })
    let men = try #require(wk1.groups.first { $0.group == .men })
    #expect(men.respondentShare == 0.3 && men.populationShare == 0.5)
    #expect(abs((men.ratio ?? 0) - 0.6) < 1e-12)
    #expect(men.underRepresented, "0.3 * 1.5 < 0.5")
    #expect(wk1.groups.first { $0.group == .women }?.underRepresented == false)
    // 15-24 is hidden: at most 11 respondents of at least 11 + 95, under 1/1.5 of the 25% share.
    let young = try #require(wk1.groups.first { $0.group == .age15to24 })
    #expect(young.respondents == nil && young.respondentShare == nil && young.underRepresented)
    #expect(wk1.groups.first { $0.group == .age65plus }?.respondents == 35)
    #expect(wk1.responseRate == nil)
    let wk2 = try #require(figures.first { $0.area.code == "WK2" })
    #expect(wk2.responseRate == 0.2)
    #expect(wk2.population == 1000)
    #expect(wk2.underRepresented == [], "\(wk2.groups)")
    let lenient = Reach.compute(tree: Self.tree, populations: Self.populations, counts: Self.counts, minimum: 10, factor: 2)
    #expect(lenient.first { $0.area.code == "WK1" }?.underRepresented == [.age15to24], "men at 0.6 are within a factor 2")
  }

  @Test func aHiddenGroupIsNotCalledUnderRepresentedWhenItsBoundCouldBeEnough() throws {
    let small = [AreaPopulation(areaCode: "WK1", sex: [500, 500], age: [50, 300, 300, 350])]
    let figures = Reach.compute(tree: Self.tree, populations: small, counts: Self.counts, minimum: 10)
    let young = try #require(figures.first { $0.area.code == "WK1" }?.groups.first { $0.group == .age15to24 })
    #expect(!young.underRepresented, "5% of residents; up to 11 of 106 respondents could be 10%")
  }

  @Test func aGroupOfTwoChoicesIsHiddenWhenEitherIsWhateverTheOrder() throws {
    for (first, second) in [(Int?.none, Int?.some(15)), (Int?.some(15), Int?.none)] {
      let figures = Reach.compute(tree: Self.tree, populations: Self.populations, counts: { _ in
        .init(everyone: 100, sex: ["man": 50, "vrouw": 50], age: ["15-24": 20, "25-44": 30, "45-64": 30, "65-74": first, "75+": second])
      }, minimum: 10)
      let old = try #require(figures.first { $0.area.code == "WK1" }?.groups.first { $0.group == .age65plus })
      #expect(old.respondents == nil && old.respondentShare == nil)
      #expect(figures.first { $0.area.code == "WK1" }?.groups.first { $0.group == .age25to44 }?.respondentShare == nil,
              "with a hidden band the shares of the others are unknown too")
    }
  }

  @Test func theApproachedFileIsCheckedByLine() throws {
    let parsed = try ApproachedFile.parse("code,approached\nWK1,400\n", source: "b.csv", known: ["WK1", "WK2"])
    #expect(parsed == ["WK1": 400])
    do {
      _ = try ApproachedFile.parse("code,approached\nWK1,veel\nWK9,3\nWK2,-1\nWK1,5\n\u{1B}[2J,4\n", source: "b.csv", known: ["WK1", "WK2"])
      Issue.record("expected problems")
    } catch let error as FileProblems {
      #expect(error.problems.map(\.line) == [2, 3, 4, 6])
      #expect(!error.problems.contains { $0.message.contains("\u{1B}") })
    }
    #expect(throws: FileProblems.self) { try ApproachedFile.parse("gebied,aantal\n", source: "b.csv", known: []) }
  }
}
