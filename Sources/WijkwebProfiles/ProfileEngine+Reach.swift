import WijkwebCore
import WijkwebStore

extension ProfileEngine {
  /// Who was reached in a round (`Reach`): the respondents cells of the protected publication broken down
  /// by sex and by age (the first part's, as the profile publishes them) against the round's population
  /// file. Throws when the round has no population file or its questionnaire asks no sex and age.
  public func reach(round: RoundInfo, questionnaire: Questionnaire, approached: [String: Int] = [:],
                    factor: Double = Reach.defaultFactor, minimum: Int? = nil) throws -> [Reach.AreaFigure] {
    let population = try source.population(roundID: round.id)
    guard !population.isEmpty else {
      throw ProfileProblem(.errReachNoPopulation, round.name)
    }
    guard ["sex", "age"].allSatisfy({ id in questionnaire.demographics.contains { $0.id == id } }),
          let part = questionnaire.parts.first?.id else {
      throw ProfileProblem(.errReachNoSexAge, round.name)
    }
    let bySex = try profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(breakdown: "sex", minimum: minimum)).profile
    let byAge = try profile(round: round, questionnaire: questionnaire, settings: ProfileSettings(breakdown: "age", minimum: minimum)).profile
    let choices = { (id: String) in questionnaire.demographics.first { $0.id == id }?.choices.map(\.id) ?? [] }
    let tree = AreaTree(areas: try source.areas())
    return Reach.compute(tree: tree, populations: population, counts: { area in
      Reach.PublishedCounts(
        everyone: bySex.respondents(area: area.code, partID: part, category: nil)?.n,
        sex: Dictionary(choices("sex").map { ($0, bySex.respondents(area: area.code, partID: part, category: $0)?.n) }, uniquingKeysWith: { a, _ in a }),
        age: Dictionary(choices("age").map { ($0, byAge.respondents(area: area.code, partID: part, category: $0)?.n) }, uniquingKeysWith: { a, _ in a }))
    }, minimum: bySex.minimumGroupSize, approached: approached, factor: factor)
  }
}
