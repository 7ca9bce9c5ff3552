import Testing
@testable import WijkwebCore

/// Weighted sums are linear in public figures: raking makes a category's weights add up to its population
/// margin, so published weighted mean × margin is the category's weighted sum, and an area's weighted sum
/// minus its shown categories' is the weighted sum of a hidden one. The sum's perturbation must therefore
/// cover one respondent's largest weighted contribution (10 × the largest weight), not one average
/// respondent's (10 × Σw / n).
@Suite struct WeightedPerturbationTests {
  /// An area of 62 respondents: 2 young ones with weight 1500 each (a hidden category: too few), 60 older
  /// ones with weight 10 (shown). The margins are public: 3000 young, 600 older, 3600 in all.
  struct Cells {
    var area = ScoreAccumulator(), older = ScoreAccumulator(), young = ScoreAccumulator()
    var areaCount = ScoreAccumulator(), olderCount = ScoreAccumulator()
  }

  static func cells(variant: Int) -> Cells {
    var cells = Cells()
    for index in 0 ..< 62 {
      let key = CellKey.recordKey(responseID: "variant\(variant)-\(index)")
      let score = index < 2 ? 9.0 : Double(index % 11)
      let weight = index < 2 ? 1500.0 : 10.0
      cells.area.add(score, weight: weight, recordKey: key)
      cells.areaCount.add(score, recordKey: key)
      if index < 2 {
        cells.young.add(score, weight: weight, recordKey: key)
      } else {
        cells.older.add(score, weight: weight, recordKey: key)
        cells.olderCount.add(score, recordKey: key)
      }
    }
    return cells
  }

  @Test func aWeightedMeanMovesByUpToTheHeaviestRespondentsShare() throws {
    var largest = 0.0
    for variant in 0 ..< 200 {
      let cells = Self.cells(variant: variant)
      let exact = try #require(cells.area.summary()).mean
      let published = try #require(cells.area.published(minimum: 10, counted: cells.areaCount))
      let change = abs(published.mean - exact)
      #expect(change <= 10 * 1500 / 3600 + 1e-9, "at most 10 w_max / W")
      largest = max(largest, change)
    }
    // One average respondent's share would be 10 / 62 = 0.16 at most.
    #expect(largest > 1, "\(largest)")
  }

  /// The attack: (area mean × 3600 − older mean × 600) / 3000 estimates the two young respondents' mean.
  /// With noise of one average respondent it is always within 0.23 of their true 9.0 (a disclosure); with
  /// noise of the heaviest respondent it is not within 0.5 in many variants.
  @Test func differencingWeightedSumsDoesNotBoundAHiddenHeavyGroup() throws {
    var errors: [Double] = []
    for variant in 0 ..< 200 {
      let cells = Self.cells(variant: variant)
      #expect(cells.young.published(minimum: 10) == nil, "the young category is hidden")
      let area = try #require(cells.area.published(minimum: 10, counted: cells.areaCount))
      let older = try #require(cells.older.published(minimum: 10, counted: cells.olderCount))
      let estimate = (area.mean * 3600 - older.mean * 600) / 3000
      errors.append(abs(estimate - 9))
    }
    #expect(errors.filter { $0 > 0.5 }.count > 50, "\(errors.max() ?? 0)")
  }

  @Test func anUnweightedMeanStillMovesByAtMostTenOverN() throws {
    for variant in 0 ..< 50 {
      let cells = Self.cells(variant: variant)
      let exact = try #require(cells.areaCount.summary()).mean
      let published = try #require(cells.areaCount.published(minimum: 10))
      #expect(abs(published.mean - exact) <= 10.0 / 62 + 1e-12)
    }
  }
}
