import WijkwebCore
import WijkwebStore

extension ProfileEngine {
  /// Attacks the publication of a round (unweighted, no breakdown and each breakdown question, the given
  /// raised minimum) with `DisclosureAudit`, using the real groups from the store.
  public func disclosureCheck(round: RoundInfo, questionnaire: Questionnaire, minimum: Int? = nil) throws -> DisclosureAudit.Result {
    let tree = AreaTree(areas: try source.areas())
    let breakdowns = questionnaire.demographics.map(\.id)
    var profiles: [String: Profile] = [:]
    for breakdown in [nil] + breakdowns.map(Optional.some) {
      profiles[breakdown ?? ""] = try profile(round: round, questionnaire: questionnaire,
                                               settings: ProfileSettings(breakdown: breakdown, minimum: minimum)).profile
    }
    var truth: [String: [Dimension?: [DisclosureAudit.Group: DisclosureAudit.Truth]]] = [:]
    for breakdown in breakdowns {
      try source.forEachPartScore(roundID: round.id, breakdown: breakdown) { row in
        guard let area = row.areaCode else { return }
        // The respondents: everyone with at least one score in the part (as `ProfileAggregator` counts them).
        if row.scores.prefix(6).contains(where: { $0.map { !$0.isNaN } ?? false }) {
          truth[row.partID, default: [:]][nil, default: [:]][DisclosureAudit.Group(area: area, breakdown: breakdown, category: row.category),
                                                              default: DisclosureAudit.Truth()].count += 1
        }
        for (index, dimension) in Dimension.allCases.enumerated() {
          guard index < row.scores.count, let score = row.scores[index] else { continue }
          let group = DisclosureAudit.Group(area: area, breakdown: breakdown, category: row.category)
          truth[row.partID, default: [:]][dimension, default: [:]][group, default: DisclosureAudit.Truth()].count += 1
          truth[row.partID, default: [:]][dimension, default: [:]][group, default: DisclosureAudit.Truth()].sum += score
        }
      }
    }
    return DisclosureAudit.run(tree: tree, profiles: profiles, truth: truth)
  }
}
