import Testing
@testable import WijkwebCore

/// Reference weights from /tmp/stats-ref/raking.py: an independent numpy IPF on the contingency table
/// (Deming–Stephan on the cells, 1000–2000 rounds), each respondent getting cell fit / cell count.
@Suite struct StatisticsRakingTests {
  static let sex = [0, 0, 0, 1, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1]
  static let age = [0, 1, 2, 0, 1, 2, 2, 2, 1, 0, 1, 0, 2, 2, 1, 1, 0, 0, 2, 2]
  static let region = (0 ..< 20).map { $0 % 2 }
  static let sexMargins = [5100.0, 4900]
  static let ageMargins = [2500.0, 4200, 3300]

  static func categoryTotals(_ weights: [Double], _ categories: [Int], _ count: Int) -> [Double] {
    var totals = [Double](repeating: 0, count: count)
    for (weight, category) in zip(weights, categories) { totals[category] += weight }
    return totals
  }

  @Test func twoVariablesMatchAnIndependentIPF() throws {
    let weights = try #require(Raking.weights(categories: [Self.sex, Self.age], margins: [Self.sexMargins, Self.ageMargins]))
    let expected = [
      425.0, 714.0, 420.75, 408.3333333333333, 686.0, 420.75, 404.25, 404.25, 686.0, 425.0,
      714.0, 408.3333333333333, 420.75, 404.25, 714.0, 686.0, 408.3333333333333, 425.0, 420.75, 404.25,
    ]
    #expect(weights.count == 20)
    for (weight, reference) in zip(weights, expected) { #expect(abs(weight - reference) < 1e-6) }
    #expect(abs(weights.reduce(0, +) - 10_000) < 1e-6)
    // numpy: w.sum()**2 / (w*w).sum()
    #expect(abs(Raking.effectiveSampleSize(weights) - 18.708885470221176) < 1e-6)
  }

  @Test func threeVariablesWithUnequalTotalsMatchAnIndependentIPF() throws {
    // The region margins add up to 10010; they are scaled to the 10000 of the first variable.
    let weights = try #require(Raking.weights(
      categories: [Self.sex, Self.age, Self.region], margins: [Self.sexMargins, Self.ageMargins, [6006, 4004]],
      maxIterations: 1000, tolerance: 1e-12))
    let expected = [
      505.6732312667033, 557.4763507014816, 474.6448425812113, 372.8507278996198, 774.1525783517696,
      345.86070611102826, 480.2875620634008, 349.97240136064556, 774.1525783517696, 368.4702437221218,
      765.0573483664548, 372.8507278996198, 474.6448425812113, 349.97240136064556, 765.0573483664548,
      564.1037958620698, 511.68482548981365, 368.4702437221218, 474.6448425812113, 349.97240136064556,
    ]
    for (weight, reference) in zip(weights, expected) { #expect(abs(weight - reference) < 1e-6) }
    #expect(abs(Raking.effectiveSampleSize(weights) - 18.318552386202146) < 1e-9)
  }

  @Test func marginsAreReproduced() throws {
    var random = StatisticsSplitMix64(state: 7)
    let respondents = 500
    let sex = (0 ..< respondents).map { _ in random.below(2) }
    let age = (0 ..< respondents).map { _ in random.below(5) }
    let education = (0 ..< respondents).map { _ in random.below(3) }
    let margins: [[Double]] = [[10_400, 9_600], [3_000, 4_000, 5_000, 4_500, 3_500], [6_000, 8_000, 6_000]]
    let weights = try #require(Raking.weights(categories: [sex, age, education], margins: margins))
    for (categories, margin) in zip([sex, age, education], margins) {
      let totals = Self.categoryTotals(weights, categories, margin.count)
      for (total, target) in zip(totals, margin) { #expect(abs(total - target) <= 1e-9 * 20_000 + 1e-9) }
    }
    #expect(abs(weights.reduce(0, +) - 20_000) < 1e-6)
    #expect(weights.allSatisfy { $0 > 0 })
  }

  @Test func aPopulatedCategoryWithoutRespondentsFails() {
    #expect(Raking.weights(categories: [[0, 0, 1]], margins: [[10, 10, 5]]) == nil)
    #expect(Raking.weights(categories: [[0, 0, 1]], margins: [[10, 10, 0]]) != nil, "an empty category of population 0 is fine")
  }

  @Test func aCategoryWithoutPopulationGetsWeightZero() throws {
    let weights = try #require(Raking.weights(categories: [[0, 1, 1, 2]], margins: [[30, 0, 70]]))
    #expect(weights == [30, 0, 0, 70])
  }

  @Test func unusableInput() {
    #expect(Raking.weights(categories: [[0, 1]], margins: []) == nil)
    #expect(Raking.weights(categories: [[0, 1], [0]], margins: [[1, 1], [2]]) == nil, "counts differ")
    #expect(Raking.weights(categories: [[0, 2]], margins: [[1, 1]]) == nil, "index outside the margins")
    #expect(Raking.weights(categories: [[0, 1]], margins: [[1, -1]]) == nil)
    #expect(Raking.weights(categories: [[0, 1]], margins: [[0, 0]]) == nil)
    #expect(Raking.weights(categories: [[0, 1]], margins: [[1, .nan]]) == nil)
  }

  @Test func effectiveSampleSize() {
    #expect(Raking.effectiveSampleSize([]) == 0)
    #expect(Raking.effectiveSampleSize([2, 2, 2, 2]) == 4)
    // (1 + 1 + 4)² / (1 + 1 + 16) = 2
    #expect(abs(Raking.effectiveSampleSize([1, 1, 4]) - 2) < 1e-12)
  }
}
