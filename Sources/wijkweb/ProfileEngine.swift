import WijkwebCore
import WijkwebStore

/// Computes profiles from the store: one streaming pass per round, the previous round of the same
/// questionnaire for trends, suppression by the round's minimum group size.
struct ProfileEngine {
  let store: Store

  /// The latest round before `round` with the same questionnaire id that has completed responses.
  func previousRound(of round: RoundInfo) throws -> RoundInfo? {
    try store.rounds()
      .filter { $0.questionnaireID == round.questionnaireID && $0.startsOn < round.startsOn && $0.id != round.id }
      .sorted { $0.startsOn > $1.startsOn }
      .first { try store.completedCount(roundID: $0.id) > 0 }
  }

  func totals(round: RoundInfo, questionnaire: Questionnaire, tree: AreaTree, breakdown: String?) throws -> ProfileTotals {
    let categories = breakdown.flatMap { id in questionnaire.demographics.first { $0.id == id }?.choices.map(\.id) } ?? []
    var aggregator = ProfileAggregator(tree: tree, partIDs: questionnaire.parts.map(\.id), categories: categories)
    try store.forEachPartScore(roundID: round.id, breakdown: breakdown) { row in
      aggregator.add(areaCode: row.areaCode, partID: row.partID, scores: row.scores, category: row.category)
    }
    return aggregator.rolledUp()
  }

  func profile(round: RoundInfo, questionnaire: Questionnaire, breakdown: String?, minimum: Int?) throws -> Profile {
    if let breakdown, !questionnaire.demographics.contains(where: { $0.id == breakdown }) {
      throw Failure("The questionnaire asks no question \"\(breakdown)\"; use one of \(questionnaire.demographics.map(\.id).joined(separator: ", ")).")
    }
    let tree = AreaTree(areas: try store.areas())
    let current = try totals(round: round, questionnaire: questionnaire, tree: tree, breakdown: breakdown)
    var previous: ProfileTotals?
    if let before = try previousRound(of: round) {
      let earlier = try store.questionnaire(ofRound: before.id)
      if Self.comparable(earlier, questionnaire) {
        previous = try totals(round: before, questionnaire: earlier, tree: tree, breakdown: breakdown)
      }
    }
    let rule = SuppressionRule(minimumGroupSize: minimum ?? round.minGroupSize)
    return Profile.build(totals: current, previous: previous, rule: rule, breakdown: breakdown)
  }

  /// Two questionnaire versions are compared only when every part has the same statements per dimension.
  static func comparable(_ a: Questionnaire, _ b: Questionnaire) -> Bool {
    a.contentHash == b.contentHash
      || (a.parts.map(\.id) == b.parts.map(\.id) && zip(a.parts, b.parts).allSatisfy { pair in
        pair.0.items.map { [$0.dimension.key, $0.text.text(.dutch)] } == pair.1.items.map { [$0.dimension.key, $0.text.text(.dutch)] }
      })
  }
}
