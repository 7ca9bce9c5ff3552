import WijkwebCore
import WijkwebStore

/// Where a profile's data comes from: a laptop's SQLite store or the central PostgreSQL database. The
/// profile engine, and the commands that choose a round, read only through this.
public protocol ProfileSource {
  /// Every round, newest first.
  func rounds() throws -> [RoundInfo]
  /// All areas, parents before children.
  func areas() throws -> [Area]
  func questionnaire(ofRound roundID: Int64) throws -> Questionnaire
  func completedCount(roundID: Int64) throws -> Int
  /// The completed responses still sealed, of one round or of all.
  func sealedCount(roundID: Int64?) throws -> Int
  /// What a round's figures depend on besides their settings: equal values mean equal figures.
  func profileDataVersion(roundIDs: [Int64]) throws -> [Int64]
  func population(roundID: Int64) throws -> [AreaPopulation]
  /// Adds every readable score of a round, with weight 1, to `aggregator` (categories of `breakdown`).
  func addScores(roundID: Int64, breakdown: String?, to aggregator: inout ProfileAggregator) throws
  /// Each part score row of a round, in the order stored (weighted sums depend on it).
  func forEachPartScore(roundID: Int64, breakdown: String?, _ body: (PartScoreRow) throws -> Void) throws
  /// Each readable completed response of a round, as weighting needs it, in the order stored.
  func forEachWeightingRow(roundID: Int64, _ body: (WeightingRow) throws -> Void) throws
  /// The packed answers of each completed response of a round.
  func forEachPackedAnswers(roundID: Int64, _ body: (String) throws -> Void) throws
  /// Publishable quotes for reports: the text or its redacted copy, never unreviewed or unpublishable ones.
  func publishableQuotes(roundID: Int64) throws -> [(areaCode: String?, dimensions: [WijkwebCore.Dimension], text: String)]
  /// Records an action (an export, a report) in the source's audit log.
  func logAction(_ action: String, detail: String, actor: String) throws
  /// The audit log, oldest first.
  func auditLog() throws -> [AuditEntry]
  /// The areas in which a round has scores.
  func areaCodesWithScores(roundID: Int64) throws -> Set<String>
}

extension Store: ProfileSource {
  public func areaCodesWithScores(roundID: Int64) throws -> Set<String> {
    var codes = Set<String>()
    try forEachPartScore(roundID: roundID) { row in
      if let code = row.areaCode { codes.insert(code) }
    }
    return codes
  }

  public func logAction(_ action: String, detail: String, actor: String) throws {
    try audit(action, detail: detail, actor: actor)
  }

  /// The scores one row at a time: SQLite runs in this process, so nothing travels.
  public func addScores(roundID: Int64, breakdown: String?, to aggregator: inout ProfileAggregator) throws {
    try forEachPartScore(roundID: roundID, breakdown: breakdown) { row in
      aggregator.add(areaCode: row.areaCode, partID: row.partID, scores: row.scores, category: row.category,
                     recordKey: CellKey.recordKey(responseID: row.responseID))
    }
  }
}
