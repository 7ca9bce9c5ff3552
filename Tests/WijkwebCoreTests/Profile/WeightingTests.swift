import Testing
@testable import WijkwebCore

/// Population files and raking weights per area.
@Suite struct WeightingTests {
  static let tree = AreaTree(areas: [
    Area(code: "G", level: .gemeente, name: "Gemeente", parentCode: nil),
    Area(code: "W1", level: .wijk, name: "W1", parentCode: "G"),
    Area(code: "W2", level: .wijk, name: "W2", parentCode: "G"),
    Area(code: "B1", level: .buurt, name: "B1", parentCode: "W1"),
  ])

  @Test func readsCBSColumnsWithSuffixesAndThousandSeparators() throws {
    let text = """
      WijkenEnBuurten,Mannen_6,Vrouwen_7,k_15Tot25Jaar_9,k_25Tot45Jaar_10,k_45Tot65Jaar_11,k_65JaarOfOuder_12
      W1,1.200,1300,300,700,800,700
      W2,500,500,100,200,300,400
      """
    let populations = try PopulationFile.parse(text, source: "pop.csv")
    #expect(populations == [
      AreaPopulation(areaCode: "W1", sex: [1200, 1300], age: [300, 700, 800, 700]),
      AreaPopulation(areaCode: "W2", sex: [500, 500], age: [100, 200, 300, 400]),
    ])
  }

  @Test func namesTheMissingColumnAndTheBadCountWithTheirLines() {
    #expect(throws: FileProblems.self) { try PopulationFile.parse("code,Mannen,Vrouwen\nW1,1,2\n", source: "pop.csv") }
    do {
      _ = try PopulationFile.parse("code,Mannen,Vrouwen,k_15Tot25Jaar,k_25Tot45Jaar,k_45Tot65Jaar,k_65JaarOfOuder\nW1,10,x,1,2,3,4\n", source: "pop.csv")
      Issue.record("a bad count was accepted")
    } catch let problems as FileProblems {
      #expect(problems.description.contains("pop.csv:2"))
      #expect(problems.description.contains("vrouwen of W1 is \"x\""))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func weightsReachEachAreasMarginsAndUnknownsKeepTheMeanWeight() throws {
    // W1 (also through its buurt B1): 2 men and 4 women, young and old; W2: men and women in both bands.
    let respondents: [Weighting.Respondent] = [
      .init(areaCode: "W1", sex: 0, age: 0), .init(areaCode: "B1", sex: 0, age: 3),
      .init(areaCode: "W1", sex: 1, age: 0), .init(areaCode: "W1", sex: 1, age: 3),
      .init(areaCode: "B1", sex: 1, age: 3), .init(areaCode: "W1", sex: 1, age: 0),
      .init(areaCode: "W1", sex: nil, age: 0),
      .init(areaCode: "W2", sex: 0, age: 1), .init(areaCode: "W2", sex: 1, age: 2),
      .init(areaCode: "W2", sex: 0, age: 2), .init(areaCode: "W2", sex: 1, age: 1),
      .init(areaCode: "G", sex: 0, age: 1), .init(areaCode: nil, sex: 0, age: 1),
    ]
    let populations = [
      AreaPopulation(areaCode: "W1", sex: [600, 400], age: [500, 0, 0, 500]),
      AreaPopulation(areaCode: "W2", sex: [300, 300], age: [0, 200, 400, 0]),
    ]
    let weights = try Weighting.weights(respondents: respondents, populations: populations, tree: Self.tree)
    func total(_ members: [Int]) -> Double { members.reduce(0) { $0 + (weights[$1] ?? .nan) } }
    // W1's men and women, young and old, match its margins (the unknown sex is not in the raking).
    #expect(abs(total([0, 1]) - 600) < 1e-6)
    #expect(abs(total([2, 3, 4, 5]) - 400) < 1e-6)
    #expect(abs(total([0, 2, 5]) - 500) < 1e-6)
    #expect(abs(total([1, 3, 4]) - 500) < 1e-6)
    #expect(abs(total([7, 8, 9, 10]) - 600) < 1e-6)
    #expect(abs(total([8, 9]) - 400) < 1e-6)
    // The respondent without a sex gets the mean weight of W1; the gemeente and nowhere have no population.
    #expect(abs((weights[6] ?? 0) - 1000.0 / 6) < 1e-6)
    #expect(weights[11] == nil && weights[12] == nil)
  }

  @Test func aBandWithInhabitantsButNoRespondentsCannotBeWeighted() {
    let respondents: [Weighting.Respondent] = [.init(areaCode: "W2", sex: 0, age: 1), .init(areaCode: "W2", sex: 1, age: 1)]
    let populations = [AreaPopulation(areaCode: "W2", sex: [300, 300], age: [0, 200, 400, 0])]
    #expect(throws: WeightingError.self) {
      try Weighting.weights(respondents: respondents, populations: populations, tree: Self.tree)
    }
  }

  @Test func choicesMapToCBSBands() {
    #expect(Weighting.sexCategory("man") == 0 && Weighting.sexCategory("vrouw") == 1 && Weighting.sexCategory("anders") == nil)
    #expect(Weighting.ageCategory("15-24") == 0 && Weighting.ageCategory("65-74") == 3 && Weighting.ageCategory("75+") == 3)
    #expect(Weighting.ageCategory(nil) == nil)
  }
}
