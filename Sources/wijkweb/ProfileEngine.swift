import Foundation
import WijkwebCore
import WijkwebStore

/// Computes profiles from the store: one streaming pass per round, the previous round of the same
/// questionnaire for trends, suppression by the round's minimum group size.
struct ProfileEngine {
  let store: Store
  /// Whether `profile` says on standard error how many sealed responses it left out (not while a
  /// curses screen is up).
  var reportsSealed = true

  /// The latest round before `round` with the same questionnaire id that has completed responses.
  func previousRound(of round: RoundInfo) throws -> RoundInfo? {
    try store.rounds()
      .filter { $0.questionnaireID == round.questionnaireID && $0.startsOn < round.startsOn && $0.id != round.id }
      .sorted { $0.startsOn > $1.startsOn }
      .first { try store.completedCount(roundID: $0.id) > 0 }
  }

  /// Accumulated scores of a round; with `weights` (by response key), each response counts with its
  /// weight and responses without one are left out.
  func totals(round: RoundInfo, questionnaire: Questionnaire, tree: AreaTree, breakdown: String?, weights: [Int64: Double]? = nil) throws -> ProfileTotals {
    let categories = breakdown.flatMap { id in questionnaire.demographics.first { $0.id == id }?.choices.map(\.id) } ?? []
    var aggregator = ProfileAggregator(tree: tree, partIDs: questionnaire.parts.map(\.id), categories: categories)
    try store.forEachPartScore(roundID: round.id, breakdown: breakdown) { row in
      var weight = 1.0
      if let weights {
        guard let found = weights[row.responseKey] else { return }
        weight = found
      }
      aggregator.add(areaCode: row.areaCode, partID: row.partID, scores: row.scores, category: row.category, weight: weight)
    }
    return aggregator.rolledUp()
  }

  /// Raking weights for the completed responses of `round` to `population`, by response key, and how many
  /// responses could not be weighted (no area with a population above them).
  func weights(round: RoundInfo, population: [AreaPopulation], tree: AreaTree) throws -> (weights: [Int64: Double], left: Int) {
    var keys: [Int64] = []
    var respondents: [Weighting.Respondent] = []
    try store.forEachWeightingRow(roundID: round.id) { row in
      keys.append(row.responseKey)
      respondents.append(Weighting.Respondent(
        areaCode: row.areaCode,
        sex: Weighting.sexCategory(Store.category(in: row.packedDemographics, question: "sex")),
        age: Weighting.ageCategory(Store.category(in: row.packedDemographics, question: "age"))))
    }
    let computed: [Double?]
    do {
      computed = try Weighting.weights(respondents: respondents, populations: population, tree: tree)
    } catch let error as WeightingError {
      throw Failure("Round \"\(round.name)\": \(error.description)")
    }
    var result: [Int64: Double] = [:]
    result.reserveCapacity(keys.count)
    for (key, weight) in zip(keys, computed) { if let weight { result[key] = weight } }
    return (result, keys.count - result.count)
  }

  /// The profile of a round; `weighted` rakes to the round's population (the previous round to its own,
  /// or to this round's when it has none) and says on standard error how many responses were left out.
  func profile(round: RoundInfo, questionnaire: Questionnaire, breakdown: String?, minimum: Int?, weighted: Bool = false) throws -> Profile {
    if let breakdown, !questionnaire.demographics.contains(where: { $0.id == breakdown }) {
      throw Failure("The questionnaire asks no question \"\(breakdown)\"; use one of \(questionnaire.demographics.map(\.id).joined(separator: ", ")).")
    }
    let sealed = try store.sealedCount(roundID: round.id)
    if sealed > 0, reportsSealed {
      FileHandle.standardError.write(Data("\(sealed) sealed responses not counted; import them with the key (wijkweb unseal --key FILE)\n".utf8))
    }
    let tree = AreaTree(areas: try store.areas())
    var population: [AreaPopulation] = []
    var currentWeights: [Int64: Double]?
    if weighted {
      population = try store.population(roundID: round.id)
      guard !population.isEmpty else {
        throw Failure("Round \"\(round.name)\" has no population file, so it cannot be weighted; load one with `wijkweb round population \"\(round.name)\" FILE` or leave out --weighted.")
      }
      guard ["sex", "age"].allSatisfy({ id in questionnaire.demographics.contains { $0.id == id } }) else {
        throw Failure("The questionnaire of round \"\(round.name)\" asks no sex and age, so it cannot be weighted to the population; leave out --weighted.")
      }
      let (found, left) = try weights(round: round, population: population, tree: tree)
      guard !found.isEmpty else {
        throw Failure("No response of round \"\(round.name)\" lies in an area of its population file, so nothing can be weighted; check the codes in the file.")
      }
      if left > 0 {
        FileHandle.standardError.write(Data("gewogen: \(left) antwoorden liggen buiten de gebieden van het bevolkingsbestand en tellen niet mee\n".utf8))
      }
      currentWeights = found
    }
    let current = try totals(round: round, questionnaire: questionnaire, tree: tree, breakdown: breakdown, weights: currentWeights)
    var previous: ProfileTotals?
    if let before = try previousRound(of: round) {
      let earlier = try store.questionnaire(ofRound: before.id)
      if Self.comparable(earlier, questionnaire) {
        var earlierWeights: [Int64: Double]?
        if weighted {
          let own = try store.population(roundID: before.id)
          earlierWeights = try weights(round: before, population: own.isEmpty ? population : own, tree: tree).weights
        }
        previous = try totals(round: before, questionnaire: earlier, tree: tree, breakdown: breakdown, weights: earlierWeights)
      }
    }
    let rule = SuppressionRule(minimumGroupSize: minimum ?? round.minGroupSize)
    return Profile.build(totals: current, previous: previous, rule: rule, breakdown: breakdown, weighted: weighted)
  }

  /// Two questionnaire versions are compared only when every part has the same statements per dimension.
  static func comparable(_ a: Questionnaire, _ b: Questionnaire) -> Bool {
    a.contentHash == b.contentHash
      || (a.parts.map(\.id) == b.parts.map(\.id) && zip(a.parts, b.parts).allSatisfy { pair in
        pair.0.items.map { [$0.dimension.key, $0.text.text(.dutch)] } == pair.1.items.map { [$0.dimension.key, $0.text.text(.dutch)] }
      })
  }
}
