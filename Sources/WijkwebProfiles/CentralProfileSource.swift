import WijkwebCentral
import WijkwebCore
import WijkwebStore

/// The central PostgreSQL database as a profile's source, read with the connection's role (a team sees
/// its own gebieden only). Unweighted scores arrive grouped by the server (`CentralProfileData`): the
/// counts, record-key sums and histogram bins per cell; only weighting and the disclosure check read rows.
public final class CentralProfileSource: ProfileSource {
  public let connection: Connection

  public init(connection: Connection) {
    self.connection = connection
  }

  public func rounds() throws -> [RoundInfo] {
    try CentralProfileData.rounds(on: connection).map {
      RoundInfo(id: $0.id, name: $0.name, questionnaireID: $0.questionnaireID, questionnaireHash: $0.questionnaireHash,
                startsOn: $0.startsOn, status: $0.status, minGroupSize: $0.minGroupSize)
    }
  }

  public func areas() throws -> [Area] { try CentralProfileData.areas(on: connection) }

  public func questionnaire(ofRound roundID: Int64) throws -> Questionnaire {
    let (source, round) = try CentralProfileData.questionnaireSource(roundID: roundID, on: connection)
    return try QuestionnaireParser.parse(source, source: "the questionnaire of round \(round)")
  }

  public func completedCount(roundID: Int64) throws -> Int {
    try CentralProfileData.responseCount(roundID: roundID, sealedOnly: false, on: connection)
  }

  public func sealedCount(roundID: Int64?) throws -> Int {
    try CentralProfileData.responseCount(roundID: roundID, sealedOnly: true, on: connection)
  }

  public func profileDataVersion(roundIDs: [Int64]) throws -> [Int64] {
    try CentralProfileData.dataVersion(roundIDs: roundIDs, on: connection)
  }

  public func population(roundID: Int64) throws -> [AreaPopulation] {
    try CentralProfileData.population(roundID: roundID, on: connection)
  }

  public func addScores(roundID: Int64, breakdown: String?, to aggregator: inout ProfileAggregator) throws {
    let (bins, respondents) = try CentralProfileData.scoreGroups(roundID: roundID, breakdown: breakdown, on: connection)
    for bin in bins {
      aggregator.add(areaCode: bin.areaCode, partID: bin.partID, category: bin.category, dimension: bin.dimension,
                     binIndex: bin.binIndex, count: bin.count, recordKeySum: bin.recordKeySum)
    }
    for group in respondents {
      aggregator.addRespondents(areaCode: group.areaCode, partID: group.partID, category: group.category, count: group.count,
                                recordKeySum: group.recordKeySum)
    }
  }

  public func forEachPartScore(roundID: Int64, breakdown: String?, _ body: (PartScoreRow) throws -> Void) throws {
    try CentralProfileData.forEachScoreRow(roundID: roundID, breakdown: breakdown, on: connection) { row in
      try body(PartScoreRow(responseKey: row.responseKey, responseID: row.responseID, areaCode: row.areaCode, partID: row.partID,
                            scores: row.scores, category: row.category))
    }
  }

  public func forEachWeightingRow(roundID: Int64, _ body: (WeightingRow) throws -> Void) throws {
    try CentralProfileData.forEachWeightingRow(roundID: roundID, on: connection) { key, area, packed in
      try body(WeightingRow(responseKey: key, areaCode: area, packedDemographics: packed))
    }
  }

  public func forEachPackedAnswers(roundID: Int64, _ body: (String) throws -> Void) throws {
    try CentralProfileData.forEachPackedAnswers(roundID: roundID, on: connection, body)
  }

  public func publishableQuotes(roundID: Int64) throws -> [(areaCode: String?, dimensions: [WijkwebCore.Dimension], text: String)] {
    try CentralProfileData.publishableQuotes(roundID: roundID, on: connection).map { quote in
      (quote.areaCode, quote.dimensions.split(separator: ",").compactMap { WijkwebCore.Dimension(rawValue: String($0)) }, quote.text)
    }
  }

  /// On the server the actor is the login role (PostgreSQL's session_user), whatever `actor` says.
  public func logAction(_ action: String, detail: String, actor: String) throws {
    try connection.query("INSERT INTO wijkweb.audit (action, detail) VALUES ($1, $2)", [action, detail])
  }

  public func areaCodesWithScores(roundID: Int64) throws -> Set<String> {
    Set(try connection.query("SELECT DISTINCT area_code FROM wijkweb.part_scores WHERE round_id = $1::bigint AND area_code IS NOT NULL",
                             [String(roundID)]).compactMap { $0[0] })
  }

  public func auditLog() throws -> [AuditEntry] {
    try CentralProfileData.auditLog(on: connection).map {
      AuditEntry(at: $0.at, deviceID: "central", actor: $0.actor, action: $0.action, detail: $0.detail)
    }
  }
}
