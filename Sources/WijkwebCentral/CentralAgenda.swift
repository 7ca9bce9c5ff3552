import Foundation
import WijkwebCore

/// The wijkagenda on the central database, with the login's rights (a team: its own gebieden only). The
/// values were checked by `AgendaRules` before they get here, as on a laptop; every change is in the
/// audit log in the same transaction (without its text).
public enum CentralAgenda {
  public static func floors(areaCode: String?, on connection: Connection) throws -> [Floor] {
    try connection.query("""
      SELECT area_code, dimension, value, agreed_by, agreed_on, changed_at FROM wijkweb.agenda_floors
      WHERE $1::text IS NULL OR area_code = $1 ORDER BY area_code
      """, [areaCode]).compactMap { row in
      guard let dimension = row[1].flatMap(WijkwebCore.Dimension.init(rawValue:)) else { return nil }
      return Floor(areaCode: row[0] ?? "", dimension: dimension, value: Double(row[2] ?? "") ?? 0, agreedBy: row[3] ?? "",
                   agreedOn: row[4] ?? "", changedAt: row[5] ?? "")
    }
  }

  public static func setFloor(_ floor: Floor, changedAt: String, on connection: Connection) throws {
    try connection.transaction {
      try connection.query("""
        INSERT INTO wijkweb.agenda_floors (area_code, dimension, value, agreed_by, agreed_on, changed_at)
        VALUES ($1, $2, $3::double precision, $4, $5, $6)
        ON CONFLICT (area_code, dimension) DO UPDATE SET value = excluded.value, agreed_by = excluded.agreed_by,
          agreed_on = excluded.agreed_on, changed_at = excluded.changed_at
        """, [floor.areaCode, floor.dimension.key, "\(floor.value)", floor.agreedBy, floor.agreedOn, changedAt])
      try CentralAdministration.audit(
        "agenda-ondergrens", "\(floor.areaCode): \(floor.dimension.key) \(String(format1: floor.value)) agreed \(floor.agreedOn)", on: connection)
    }
  }

  public static func setRecognition(areaCode: String, roundID: Int64, _ value: AgendaRecognition, changedAt: String,
                                    on connection: Connection) throws {
    try connection.transaction {
      try connection.query("""
        INSERT INTO wijkweb.agenda_recognitions (area_code, round_id, dimension, recognition, note, changed_at)
        VALUES ($1, $2::bigint, $3, $4, $5, $6)
        ON CONFLICT (area_code, round_id, dimension) DO UPDATE SET recognition = excluded.recognition, note = excluded.note,
          changed_at = excluded.changed_at
        """, [areaCode, String(roundID), value.dimension.key, value.recognition.rawValue, value.note, changedAt])
      try CentralAdministration.audit(
        "agenda-recognition", "\(areaCode) round \(roundID): \(value.dimension.key) \(value.recognition.rawValue)", on: connection)
    }
  }

  public static func addTask(areaCode: String, roundID: Int64, dimension: WijkwebCore.Dimension, text: String, changedAt: String,
                             on connection: Connection) throws -> Int64 {
    try connection.transaction {
      let id = Int64(try connection.query("""
        INSERT INTO wijkweb.agenda_tasks (area_code, round_id, dimension, text, created_at, changed_at)
        VALUES ($1, $2::bigint, $3, $4, $5, $5) RETURNING id
        """, [areaCode, String(roundID), dimension.key, text, changedAt]).first?.first.flatMap { $0 } ?? "") ?? 0
      try CentralAdministration.audit("agenda-opgave", "\(areaCode) round \(roundID): opgave \(id) added (\(dimension.key))", on: connection)
      return id
    }
  }

  /// The agenda of one area and round (empty when nothing was recorded or the login may not see it).
  public static func agenda(areaCode: String, roundID: Int64, on connection: Connection) throws -> Agenda {
    let roundName = try connection.query("SELECT name FROM wijkweb.rounds WHERE id = $1::bigint", [String(roundID)]).first?.first ?? nil
    var agenda = Agenda(areaCode: areaCode, roundName: roundName ?? "")
    let order = WijkwebCore.Dimension.allCases
    let parameters = [areaCode, String(roundID)]
    agenda.recognitions = try connection.query("""
      SELECT dimension, recognition, note, changed_at FROM wijkweb.agenda_recognitions WHERE area_code = $1 AND round_id = $2::bigint
      """, parameters).compactMap { row -> AgendaRecognition? in
      guard let dimension = row[0].flatMap(WijkwebCore.Dimension.init(rawValue:)), let value = row[1].flatMap(Recognition.init(rawValue:)) else { return nil }
      return AgendaRecognition(dimension: dimension, recognition: value, note: row[2] ?? "", changedAt: row[3] ?? "")
    }.sorted { order.firstIndex(of: $0.dimension) ?? 0 < order.firstIndex(of: $1.dimension) ?? 0 }
    agenda.tasks = try connection.query("""
      SELECT id, dimension, text, changed_at FROM wijkweb.agenda_tasks WHERE area_code = $1 AND round_id = $2::bigint ORDER BY id
      """, parameters).compactMap { row -> AgendaTask? in
      guard let dimension = row[1].flatMap(WijkwebCore.Dimension.init(rawValue:)) else { return nil }
      return AgendaTask(id: Int64(row[0] ?? "") ?? 0, dimension: dimension, text: row[2] ?? "", changedAt: row[3] ?? "")
    }
    agenda.actions = try connection.query("""
      SELECT id, dimension, what, who, due_on, status, note, changed_at FROM wijkweb.agenda_actions
      WHERE area_code = $1 AND round_id = $2::bigint ORDER BY id
      """, parameters).compactMap { row -> AgendaAction? in
      guard let dimension = row[1].flatMap(WijkwebCore.Dimension.init(rawValue:)), let status = row[5].flatMap(ActionStatus.init(rawValue:)) else { return nil }
      return AgendaAction(id: Int64(row[0] ?? "") ?? 0, dimension: dimension, what: row[2] ?? "", who: row[3] ?? "", due: row[4] ?? "",
                          status: status, note: row[6] ?? "", changedAt: row[7] ?? "")
    }
    return agenda
  }

  /// The areas with an agenda (recognition, opgave or action) in a round.
  public static func areaCodes(roundID: Int64, on connection: Connection) throws -> Set<String> {
    Set(try connection.query("""
      SELECT area_code FROM wijkweb.agenda_recognitions WHERE round_id = $1::bigint
      UNION SELECT area_code FROM wijkweb.agenda_tasks WHERE round_id = $1::bigint
      UNION SELECT area_code FROM wijkweb.agenda_actions WHERE round_id = $1::bigint
      """, [String(roundID)]).compactMap { $0[0] })
  }
}
