import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebStore

/// The central database's set-up, changed by an admin login through the same commands as a laptop's.
extension CentralProfileSource: RoundAdministration {
  public func roundDetail(named name: String) throws -> RoundDetail? {
    guard let info = try rounds().first(where: { $0.name == name }),
          let detail = try CentralAdministration.roundDetail(named: name, on: connection) else { return nil }
    return RoundDetail(info: info, questionnaireVersion: detail.questionnaireVersion, areaSet: detail.areaSet, endsOn: detail.endsOn,
                       retentionDays: detail.retentionDays, completed: detail.completed, inProgress: 0, sealed: detail.sealed,
                       isSealedRound: detail.isSealedRound)
  }

  /// On the server the actor is the login role, whatever `actor` says.
  public func closeRound(named name: String, actor: String) throws -> Bool {
    try CentralAdministration.closeRound(named: name, on: connection)
  }

  public func importAreas(_ areas: [Area]) throws {
    try CentralAdministration.importAreas(areas, on: connection)
  }

  public func setPopulation(roundID: Int64, roundName: String, _ populations: [AreaPopulation], source: String, actor: String) throws {
    try CentralAdministration.setPopulation(roundID: roundID, roundName: roundName, populations, source: source, on: connection)
  }

  /// The central database keeps rounds without a team signature (its rounds reach laptops through
  /// `round export` on the team's machine): the command refuses `--key` there before it gets here.
  public func createRound(_ round: NewRound, source: String, teamSigner: (any MessageSigner)?) throws {
    if let refusal = Store.roundNameRefusal(round.name) { throw refusal }
    guard try CentralAdministration.createRound(
      name: round.name, questionnaire: round.questionnaire, source: source, areaSet: round.areaSet, startsOn: round.startsOn,
      endsOn: round.endsOn, minGroupSize: round.minGroupSize, retentionDays: round.retentionDays,
      sealPublicKey: round.sealPublicKey.map { Data($0).base64EncodedString() }, on: connection)
    else { throw StoreError(LocalizedMessage(.errRoundExists, round.name)) }
  }
}
