import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebStore

/// The wijkagenda where a team keeps it: its own database file, or the central database (its login sees
/// and changes only its own gebieden). `agenda show|recognition|opgave add|ondergrens`, the report and the
/// dashboard read and write through this; every value passes `AgendaRules` on either side.
public protocol AgendaStore: RoundCatalog {
  /// Names of places and their aliases: never taken for a person's name by the personal-data check.
  func placeNames() throws -> Set<String>
  /// The ondergrenzen of one area, or of every area.
  func floors(areaCode: String?) throws -> [Floor]
  func setFloor(_ floor: Floor, actor: String, now: Date) throws
  /// The agenda of one area and round (empty when nothing was recorded).
  func agenda(areaCode: String, roundID: Int64) throws -> Agenda
  func setRecognition(areaCode: String, roundID: Int64, _ value: AgendaRecognition, actor: String, now: Date) throws
  /// Adds an opgave; returns its number.
  func addTask(areaCode: String, roundID: Int64, dimension: WijkwebCore.Dimension, text: String, actor: String, now: Date) throws -> Int64
  /// The areas with a recognition, opgave or action in a round.
  func agendaAreaCodes(roundID: Int64) throws -> Set<String>
}

extension Store: AgendaStore {
  public func agendaAreaCodes(roundID: Int64) throws -> Set<String> {
    let name = try rounds().first { $0.id == roundID }?.name
    return Set(try agendaRecords().filter { $0.roundName == name && !$0.roundName.isEmpty }.map(\.areaCode))
  }
}

extension CentralProfileSource: AgendaStore {
  public func placeNames() throws -> Set<String> {
    Set(try areas().flatMap { [$0.name] + $0.aliases })
  }

  public func floors(areaCode: String?) throws -> [Floor] {
    try CentralAgenda.floors(areaCode: areaCode, on: connection)
  }

  /// On the server the actor is the login role, whatever `actor` says.
  public func setFloor(_ floor: Floor, actor: String, now: Date) throws {
    try checkArea(floor.areaCode)
    let checked = try AgendaRules.floor(floor, allowedNames: try placeNames())
    try CentralAgenda.setFloor(checked, changedAt: CalendarDay.timestamp(now), on: connection)
  }

  public func agenda(areaCode: String, roundID: Int64) throws -> Agenda {
    try CentralAgenda.agenda(areaCode: areaCode, roundID: roundID, on: connection)
  }

  public func setRecognition(areaCode: String, roundID: Int64, _ value: AgendaRecognition, actor: String, now: Date) throws {
    try checkArea(areaCode)
    var checked = value
    checked.note = try AgendaRules.text(value.note, .note, allowedNames: try placeNames())
    try CentralAgenda.setRecognition(areaCode: areaCode, roundID: roundID, checked, changedAt: CalendarDay.timestamp(now), on: connection)
  }

  public func addTask(areaCode: String, roundID: Int64, dimension: WijkwebCore.Dimension, text: String, actor: String, now: Date) throws -> Int64 {
    try checkArea(areaCode)
    let checked = try AgendaRules.text(text, .opgave, allowedNames: try placeNames())
    return try CentralAgenda.addTask(areaCode: areaCode, roundID: roundID, dimension: dimension, text: checked,
                                     changedAt: CalendarDay.timestamp(now), on: connection)
  }

  public func agendaAreaCodes(roundID: Int64) throws -> Set<String> {
    try CentralAgenda.areaCodes(roundID: roundID, on: connection)
  }

  private func checkArea(_ code: String) throws {
    guard try areas().contains(where: { $0.code == code }) else { throw Store.unknownArea(code) }
  }
}
