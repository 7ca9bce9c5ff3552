import Testing
@testable import WijkwebCore

/// Percentiles are published in tenths; a value on the edge between two tenths rounds the same way
/// whatever order its weights were summed in (the laptop's and the central database's rows differ).
@Suite struct PublishedTenthTests {
  @Test func aPercentileBetweenTwoTenthsRoundsAwayFromZeroWhateverItsLastBits() {
    for edge in [6.25, 0.05, 4.95, 9.75] {
      let up = (edge * 10).rounded(.up) / 10
      #expect(ScoreAccumulator.publishedTenth(edge) == up)
      #expect(ScoreAccumulator.publishedTenth(edge.nextDown) == up, "\(edge.nextDown)")
      #expect(ScoreAccumulator.publishedTenth(edge.nextUp) == up, "\(edge.nextUp)")
      // Summed in another order: a few units in the last place either way.
      #expect(ScoreAccumulator.publishedTenth(edge - 4 * edge.ulp) == up)
    }
  }

  @Test func valuesAwayFromAnEdgeRoundAsBefore() {
    for value in [6.2, 6.24, 6.2499, 6.2501, 6.26, 0, 10, 3.333333, 7.0499] {
      #expect(ScoreAccumulator.publishedTenth(value) == (value * 10).rounded() / 10, "\(value)")
    }
  }
}
