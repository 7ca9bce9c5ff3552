import Foundation
import WijkwebCore
import WijkwebStore

/// The settings a round's publication is computed for: every output with the same settings shows figures
/// of the same protected publication.
public struct ProfileSettings: Hashable, Sendable {
  /// The breakdown question (age, sex, household), or nil.
  public var breakdown: String?
  /// A raised minimum group size; never lowers the round's own.
  public var minimum: Int?
  public var weighted: Bool

  public init(breakdown: String? = nil, minimum: Int? = nil, weighted: Bool = false) {
    self.breakdown = breakdown
    self.minimum = minimum
    self.weighted = weighted
  }
}

/// A computed profile with what the user should be told about it.
public struct ProfileResult: Sendable {
  public var profile: Profile
  public var notes: [ProfileNote]
}

/// Computes the protected publication of a round from the store: one streaming pass per round (one per
/// area level when weighted), the previous round of the same questionnaire for trends, the round's own
/// minimum group size (raised, never lowered, by a requested one), the cell-key method of `Profile.build`.
/// Results are cached per round, settings and data, so screens that ask again get them at once.
public final class ProfileEngine: @unchecked Sendable {
  /// The laptop's store or the central database.
  public let source: any ProfileSource
  private let lock = NSLock()
  private var cache: [CacheKey: ProfileResult] = [:]

  private struct CacheKey: Hashable {
    var round: Int64
    var settings: ProfileSettings
    /// What the figures depend on besides the settings: the completed responses of this round and the
    /// previous one (count and largest key), and the withdrawals.
    var data: [Int64]
  }

  /// Whether unweighted totals of a laptop's store come from the columnar copy of its part scores
  /// (`Store+ScoreColumns`); false reads the rows, as before that copy existed (tests compare the two).
  /// Other sources (the central database) always add the scores their own way.
  public let usesScoreColumns: Bool

  public init(source: any ProfileSource, usesScoreColumns: Bool = true) {
    self.source = source
    self.usesScoreColumns = usesScoreColumns
  }

  public convenience init(store: Store, usesScoreColumns: Bool = true) {
    self.init(source: store, usesScoreColumns: usesScoreColumns)
  }

  /// The latest round before `round` with the same questionnaire id that has completed responses.
  public func previousRound(of round: RoundInfo) throws -> RoundInfo? {
    try source.rounds()
      .filter { $0.questionnaireID == round.questionnaireID && $0.startsOn < round.startsOn && $0.id != round.id }
      .sorted { $0.startsOn > $1.startsOn }
      .first { try source.completedCount(roundID: $0.id) > 0 }
  }

  /// The minimum group size of a publication: the round's own, raised to `requested` when that is higher.
  public static func minimum(round: RoundInfo, requested: Int?) -> Int {
    max(round.minGroupSize, requested ?? 0, SuppressionRule.smallestMinimum)
  }

  /// The protected profile of a round with these settings, and the notes for the user.
  public func profile(round: RoundInfo, questionnaire: Questionnaire, settings: ProfileSettings) throws -> ProfileResult {
    if let breakdown = settings.breakdown, breakdown != Self.areaKindBreakdown,
       !questionnaire.demographics.contains(where: { $0.id == breakdown }) {
      throw ProfileProblem("The questionnaire asks no question \"\(breakdown)\"; use one of \(questionnaire.demographics.map(\.id).joined(separator: ", ")).")
    }
    let previous = try previousRound(of: round)
    // Stale blocks of a store's columnar copy are rebuilt once here, so the cache key is their digests and
    // reading it touches no response; when the database cannot be written, the profile reads their rows
    // instead (`forEachScoreColumnBlock`), with the same figures, and the key comes from the responses.
    let rounds = [round.id] + (previous.map { [$0.id] } ?? [])
    let columns = usesScoreColumns ? source as? Store : nil
    if let columns { _ = try? columns.refreshScoreColumns() }
    let data = try columns?.scoreColumnsVersion(roundIDs: rounds) ?? source.profileDataVersion(roundIDs: rounds)
    let key = CacheKey(round: round.id, settings: settings, data: data)
    if let cached = lock.withLock({ cache[key] }) { return cached }
    let result = try compute(round: round, questionnaire: questionnaire, settings: settings, previousRound: previous)
    lock.withLock { cache[key] = result }
    return result
  }

  private func compute(round: RoundInfo, questionnaire: Questionnaire, settings: ProfileSettings, previousRound before: RoundInfo?) throws -> ProfileResult {
    var notes: [ProfileNote] = []
    let sealed = try source.sealedCount(roundID: round.id)
    if sealed > 0 { notes.append(.sealedNotCounted(sealed)) }
    let tree = AreaTree(areas: try source.areas())
    let current: ProfileTotals
    // Weighted figures are suppressed on, and show, the protected n of the same groups unweighted.
    var counts: ProfileTotals?
    var previousCounts: ProfileTotals?
    if settings.weighted {
      let population = try source.population(roundID: round.id)
      guard !population.isEmpty else {
        throw ProfileProblem("Round \"\(round.name)\" has no population file, so it cannot be weighted; load one with `wijkweb round population \"\(round.name)\" FILE` or leave out --weighted.")
      }
      guard ["sex", "age"].allSatisfy({ id in questionnaire.demographics.contains { $0.id == id } }) else {
        throw ProfileProblem("The questionnaire of round \"\(round.name)\" asks no sex and age, so it cannot be weighted to the population; leave out --weighted.")
      }
      let (totals, left) = try weightedTotals(round: round, questionnaire: questionnaire, population: population, tree: tree, breakdown: settings.breakdown)
      if left > 0 { notes.append(.outsidePopulation(left)) }
      current = totals
      counts = try self.totals(round: round, questionnaire: questionnaire, tree: tree, breakdown: settings.breakdown)
    } else {
      current = try totals(round: round, questionnaire: questionnaire, tree: tree, breakdown: settings.breakdown)
    }
    var previous: ProfileTotals?
    var previousRule: SuppressionRule?
    if let before {
      let earlier = try source.questionnaire(ofRound: before.id)
      if Self.comparable(earlier, questionnaire) {
        previousRule = SuppressionRule(minimumGroupSize: Self.minimum(round: before, requested: settings.minimum))
        if settings.weighted {
          let own = try source.population(roundID: before.id)
          if own.isEmpty {
            notes.append(.previousRoundNotWeighted(before.name))
          } else {
            previous = try weightedTotals(round: before, questionnaire: earlier, population: own, tree: tree, breakdown: settings.breakdown).totals
            previousCounts = try totals(round: before, questionnaire: earlier, tree: tree, breakdown: settings.breakdown)
            notes.append(.previousRoundWeighted(before.name))
          }
        } else {
          previous = try totals(round: before, questionnaire: earlier, tree: tree, breakdown: settings.breakdown)
        }
      }
    }
    let rule = SuppressionRule(minimumGroupSize: Self.minimum(round: round, requested: settings.minimum))
    let profile = Profile.build(totals: current, previous: previous, rule: rule, previousRule: previousRule,
                                breakdown: settings.breakdown, weighted: settings.weighted, counts: counts, previousCounts: previousCounts)
    return ProfileResult(profile: profile, notes: notes)
  }

  /// Accumulated scores of a round; with `weights` (by response key), each response counts with its
  /// weight and responses without one are left out. Every response carries its cell-key record key.
  func totals(round: RoundInfo, questionnaire: Questionnaire, tree: AreaTree, breakdown: String?, weights: [Int64: Double]? = nil) throws -> ProfileTotals {
    let categories = Self.categories(of: breakdown, questionnaire: questionnaire)
    if weights == nil, usesScoreColumns, let store = source as? Store,
       Self.scoreColumnsServe(breakdown: breakdown, questionnaire: questionnaire) {
      var aggregator = ProfileAggregator(tree: tree, partIDs: questionnaire.parts.map(\.id), categories: categories)
      do {
        try store.forEachScoreColumnBlock(roundID: round.id) { aggregator.add(block: $0, breakdown: breakdown) }
        return aggregator.rolledUp()
      } catch is ScoreColumnBlock.Overflow {
        // Rows that do not fit the compact form: read them all from the row store below.
      }
    }
    var aggregator = ProfileAggregator(tree: tree, partIDs: questionnaire.parts.map(\.id), categories: categories)
    let kinds = breakdown == Self.areaKindBreakdown ? Self.kinds(in: tree) : nil
    guard let weights else {
      // Unweighted: the source adds the scores its own way (PostgreSQL groups them on the server); the kind
      // of area is the respondent's area's, so those rows are read one by one.
      if let kinds {
        try source.forEachPartScore(roundID: round.id, breakdown: nil) { row in
          aggregator.add(areaCode: row.areaCode, partID: row.partID, scores: row.scores, category: row.areaCode.flatMap { kinds[$0] },
                         recordKey: CellKey.recordKey(responseID: row.responseID))
        }
      } else {
        try source.addScores(roundID: round.id, breakdown: breakdown, to: &aggregator)
      }
      return aggregator.rolledUp()
    }
    try source.forEachPartScore(roundID: round.id, breakdown: kinds == nil ? breakdown : nil) { row in
      guard let weight = weights[row.responseKey] else { return }
      var row = row
      if let kinds { row.category = row.areaCode.flatMap { kinds[$0] } }
      aggregator.add(areaCode: row.areaCode, partID: row.partID, scores: row.scores, category: row.category, weight: weight,
                     recordKey: CellKey.recordKey(responseID: row.responseID))
    }
    return aggregator.rolledUp()
  }

  /// Whether the columnar copy can serve a breakdown: none, or a question of the questionnaire's
  /// demographics (age, sex, household), whose answers the copy keeps packed per response. Any other
  /// breakdown (an area kind, a question of a theme module) is read from the rows by the source.
  public static func scoreColumnsServe(breakdown: String?, questionnaire: Questionnaire) -> Bool {
    guard let breakdown else { return true }
    return questionnaire.demographics.contains { $0.id == breakdown }
  }

  /// Weighted totals: the areas of each level raked to their own margins (`Weighting.margins`), so a
  /// gebied or gemeente is not the sum of its wijken's weights and a buurt and its wijk never share
  /// weights. Also how many responses lie in no area with margins.
  func weightedTotals(round: RoundInfo, questionnaire: Questionnaire, population: [AreaPopulation], tree: AreaTree, breakdown: String?) throws -> (totals: ProfileTotals, left: Int) {
    var keys: [Int64] = []
    var respondents: [Weighting.Respondent] = []
    try source.forEachWeightingRow(roundID: round.id) { row in
      keys.append(row.responseKey)
      respondents.append(Weighting.Respondent(
        areaCode: row.areaCode,
        sex: Weighting.sexCategory(Store.category(in: row.packedDemographics, question: "sex")),
        age: Weighting.ageCategory(Store.category(in: row.packedDemographics, question: "age"))))
    }
    let margins = Weighting.margins(populations: population, tree: tree)
    var byLevel: [AreaLevel: ProfileTotals] = [:]
    var weighted = Set<Int64>()
    for level in AreaLevel.allCases where margins.keys.contains(where: { tree.areas[$0].level == level }) {
      let computed: [Double?]
      do {
        computed = try Weighting.weights(respondents: respondents, margins: margins, tree: tree, level: level)
      } catch let error as WeightingError {
        throw ProfileProblem("Round \"\(round.name)\": \(error.description)")
      }
      var found: [Int64: Double] = [:]
      found.reserveCapacity(keys.count)
      for (key, weight) in zip(keys, computed) { if let weight { found[key] = weight } }
      weighted.formUnion(found.keys)
      byLevel[level] = try totals(round: round, questionnaire: questionnaire, tree: tree, breakdown: breakdown, weights: found)
    }
    guard !weighted.isEmpty else {
      throw ProfileProblem("No response of round \"\(round.name)\" lies in an area of its population file, so nothing can be weighted; check the codes in the file.")
    }
    // Areas without margins have no weighted figures: their cells stay empty.
    let empty = ProfileAggregator(tree: tree, partIDs: questionnaire.parts.map(\.id),
                                  categories: Self.categories(of: breakdown, questionnaire: questionnaire))
      .rolledUp()
    let totals = empty.replacing { area in byLevel[tree.areas[area].level] }
    return (totals, keys.count - weighted.count)
  }

  /// Two questionnaire versions are compared only when every part has the same statements per dimension.
  public static func comparable(_ a: Questionnaire, _ b: Questionnaire) -> Bool {
    a.contentHash == b.contentHash
      || (a.parts.map(\.id) == b.parts.map(\.id) && zip(a.parts, b.parts).allSatisfy { pair in
        pair.0.items.map { [$0.dimension.key, $0.text.text(.dutch)] } == pair.1.items.map { [$0.dimension.key, $0.text.text(.dutch)] }
      })
  }
}
