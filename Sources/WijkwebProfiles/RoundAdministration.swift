import Foundation
import WijkwebCore
import WijkwebStore

/// A round as `round create` asks for it, whichever database keeps it.
public struct NewRound: Sendable {
  public var name: String
  public var questionnaire: Questionnaire
  public var areaSet: String
  public var startsOn: String
  public var endsOn: String
  public var minGroupSize: Int
  public var retentionDays: Int
  public var sealPublicKey: [UInt8]?

  public init(name: String, questionnaire: Questionnaire, areaSet: String, startsOn: String, endsOn: String, minGroupSize: Int,
              retentionDays: Int, sealPublicKey: [UInt8]?) {
    (self.name, self.questionnaire, self.areaSet, self.startsOn, self.endsOn) = (name, questionnaire, areaSet, startsOn, endsOn)
    (self.minGroupSize, self.retentionDays, self.sealPublicKey) = (minGroupSize, retentionDays, sealPublicKey)
  }
}

/// What `round create|close|show|population` and `areas import` read and change: a laptop's store or the
/// central database (with an admin's login; PostgreSQL refuses any other role). The commands keep their
/// one logic (parsing files, checks, messages) and only these calls differ.
public protocol RoundAdministration: ProfileSource {
  /// A round with its counts, by name; nil when there is none.
  func roundDetail(named name: String) throws -> RoundDetail?
  /// Closes the round named `name`; false when there is no such round.
  func closeRound(named name: String, actor: String) throws -> Bool
  /// Adds or updates areas (by code), parents first, in one transaction.
  func importAreas(_ areas: [Area]) throws
  /// Replaces a round's population margins, with an audit entry.
  func setPopulation(roundID: Int64, roundName: String, _ populations: [AreaPopulation], source: String, actor: String) throws
  /// Stores a questionnaire's source once per content hash and creates an open round for it. `teamSigner`
  /// signs the round where rounds are signed (a laptop); nil: the store's own rule (a laptop's local team).
  func createRound(_ round: NewRound, source: String, teamSigner: (any MessageSigner)?) throws
}

extension Store: RoundAdministration {
  public func createRound(_ round: NewRound, source: String, teamSigner: (any MessageSigner)?) throws {
    try installQuestionnaire(source: source, questionnaire: round.questionnaire)
    try createRound(name: round.name, questionnaire: round.questionnaire, areaSet: round.areaSet, startsOn: round.startsOn,
                    endsOn: round.endsOn, minGroupSize: round.minGroupSize, retentionDays: round.retentionDays,
                    sealPublicKey: round.sealPublicKey, teamSigner: teamSigner)
  }
}
