import WijkwebCentral
import WijkwebCore
import WijkwebStore

/// The central database as `export responses` reads it: the de-identified views only, so a researcher's
/// login can export and the file holds the server's response number instead of the response id, the
/// day instead of the time, and only text reviewed as publishable.
public final class CentralResearchSource: ResponseExportSource {
  public let connection: Connection

  public init(connection: Connection) {
    self.connection = connection
  }

  public func rounds() throws -> [RoundInfo] {
    try CentralResearchData.rounds(on: connection).map {
      RoundInfo(id: $0.id, name: $0.name, questionnaireID: $0.questionnaireID, questionnaireHash: $0.questionnaireHash,
                startsOn: $0.startsOn, status: $0.status, minGroupSize: $0.minGroupSize)
    }
  }

  public func areas() throws -> [Area] { try CentralResearchData.areas(on: connection) }

  public func questionnaire(ofRound roundID: Int64) throws -> Questionnaire {
    let (source, round) = try CentralResearchData.questionnaireSource(roundID: roundID, on: connection)
    return try QuestionnaireParser.parse(source, source: "the questionnaire of round \(round)")
  }

  public func sealedCount(roundID: Int64?) throws -> Int {
    try CentralResearchData.sealedCount(roundID: roundID, on: connection)
  }

  public func publishableTextWidths(roundID: Int64) throws -> [String: Int] {
    try CentralResearchData.publishableTextWidths(roundID: roundID, on: connection)
  }

  public func forEachExportRecord(roundID: Int64, partIDs: [String], includeText: Bool, begin: (Int) throws -> Void,
                                  _ body: (ResponseRecord) throws -> Void) throws {
    try CentralResearchData.forEachExportRecord(roundID: roundID, partIDs: partIDs, includeText: includeText, on: connection,
                                                begin: begin, body)
  }

  /// On the server the actor is the login role, whatever `actor` says.
  public func logAction(_ action: String, detail: String, actor: String) throws {
    try connection.query("INSERT INTO wijkweb.audit (action, detail) VALUES ($1, $2)", [action, detail])
  }
}
