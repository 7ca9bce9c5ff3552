import Foundation
import GRDB
import WijkwebCore

/// The wijkagenda: what the gebiedsteam recorded after a wijkdialoog (recognition, opgaven, actions per
/// area and round) and the ondergrens per area and dimension. Every value passes `AgendaRules` here,
/// whichever way it came in (command, screen, imported file), with the area list's place names allowed;
/// every change is dated and written to the audit log in the same transaction (without its text).
extension Store {
  /// Names of places and their aliases: never taken for a person's name by the personal-data check.
  public func placeNames() throws -> Set<String> {
    Set(try areas().flatMap { [$0.name] + $0.aliases })
  }

  /// The agenda of one area and round (empty when nothing was recorded).
  public func agenda(areaCode: String, roundID: Int64) throws -> Agenda {
    try writer.read { db in try Self.agenda(areaCode: areaCode, roundID: roundID, in: db) }
  }

  static func agenda(areaCode: String, roundID: Int64, in db: Database) throws -> Agenda {
    let roundName = try String.fetchOne(db, sql: "SELECT name FROM rounds WHERE id = ?", arguments: [roundID]) ?? ""
    var agenda = Agenda(areaCode: areaCode, roundName: roundName)
    let order = WijkwebCore.Dimension.allCases
    agenda.recognitions = try Row.fetchAll(db, sql: """
      SELECT dimension, recognition, note, changed_at FROM agenda_recognitions WHERE area_code = ? AND round_id = ?
      """, arguments: [areaCode, roundID]).compactMap(recognition).sorted { order.firstIndex(of: $0.dimension) ?? 0 < order.firstIndex(of: $1.dimension) ?? 0 }
    agenda.tasks = try Row.fetchAll(db, sql: """
      SELECT id, dimension, text, changed_at FROM agenda_tasks WHERE area_code = ? AND round_id = ? ORDER BY id
      """, arguments: [areaCode, roundID]).compactMap(task)
    agenda.actions = try Row.fetchAll(db, sql: """
      SELECT id, dimension, what, who, due_on, status, note, changed_at FROM agenda_actions WHERE area_code = ? AND round_id = ? ORDER BY id
      """, arguments: [areaCode, roundID]).compactMap(action)
    return agenda
  }

  static func recognition(_ row: Row) -> AgendaRecognition? {
    guard let dimension = WijkwebCore.Dimension(rawValue: row["dimension"]), let value = Recognition(rawValue: row["recognition"]) else { return nil }
    return AgendaRecognition(dimension: dimension, recognition: value, note: row["note"], changedAt: row["changed_at"])
  }

  static func task(_ row: Row) -> AgendaTask? {
    guard let dimension = WijkwebCore.Dimension(rawValue: row["dimension"]) else { return nil }
    return AgendaTask(id: row["id"], dimension: dimension, text: row["text"], changedAt: row["changed_at"])
  }

  static func action(_ row: Row) -> AgendaAction? {
    guard let dimension = WijkwebCore.Dimension(rawValue: row["dimension"]), let status = ActionStatus(rawValue: row["status"]) else { return nil }
    return AgendaAction(id: row["id"], dimension: dimension, what: row["what"], who: row["who"], due: row["due_on"], status: status,
                        note: row["note"], changedAt: row["changed_at"])
  }

  static func floor(_ row: Row) -> Floor? {
    guard let dimension = WijkwebCore.Dimension(rawValue: row["dimension"]) else { return nil }
    return Floor(areaCode: row["area_code"], dimension: dimension, value: row["value"], agreedBy: row["agreed_by"],
                 agreedOn: row["agreed_on"], changedAt: row["changed_at"])
  }

  /// Every line of every agenda and every ondergrens, by area, round and kind: the council's overview.
  public func agendaRecords() throws -> [AgendaRecord] {
    try writer.read { db in
      var records: [AgendaRecord] = []
      let pairs = try Row.fetchAll(db, sql: """
        SELECT DISTINCT a.area_code, a.round_id, r.name, r.starts_on FROM (
          SELECT area_code, round_id FROM agenda_recognitions UNION SELECT area_code, round_id FROM agenda_tasks
          UNION SELECT area_code, round_id FROM agenda_actions) a JOIN rounds r ON r.id = a.round_id
        ORDER BY a.area_code, r.starts_on, r.id
        """)
      var floorsByArea = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM agenda_floors ORDER BY area_code").compactMap(Self.floor),
                                    by: \.areaCode)
      let order = WijkwebCore.Dimension.allCases
      func floorRecords(_ area: String) -> [AgendaRecord] {
        let floors = (floorsByArea.removeValue(forKey: area) ?? []).sorted { order.firstIndex(of: $0.dimension) ?? 0 < order.firstIndex(of: $1.dimension) ?? 0 }
        return floors.map { .floor($0) }
      }
      for pair in pairs {
        let area: String = pair["area_code"]
        let roundName: String = pair["name"]
        if records.last?.areaCode != area { records += floorRecords(area) }
        let agenda = try Self.agenda(areaCode: area, roundID: pair["round_id"], in: db)
        records += agenda.recognitions.map { .recognition(areaCode: area, roundName: roundName, $0) }
        records += agenda.tasks.map { .task(areaCode: area, roundName: roundName, $0) }
        records += agenda.actions.map { .action(areaCode: area, roundName: roundName, $0) }
      }
      for area in floorsByArea.keys.sorted() { records += floorRecords(area) }
      return records
    }
  }

  /// The ondergrenzen of one area, or of every area.
  public func floors(areaCode: String? = nil) throws -> [Floor] {
    try writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM agenda_floors WHERE ? IS NULL OR area_code = ? ORDER BY area_code",
                       arguments: [areaCode, areaCode]).compactMap(Self.floor)
    }
  }

  /// Records whether residents recognised the profile of one dimension (replacing an earlier answer).
  public func setRecognition(areaCode: String, roundID: Int64, _ value: AgendaRecognition, actor: String, now: Date = Date()) throws {
    let names = try placeNames()
    try writer.write { db in try Self.setRecognition(areaCode: areaCode, roundID: roundID, value, names: names, actor: actor, now: now, in: db) }
  }

  static func setRecognition(areaCode: String, roundID: Int64, _ value: AgendaRecognition, names: Set<String>, actor: String, now: Date,
                             in db: Database) throws {
    try checkArea(areaCode, in: db)
    let note = try AgendaRules.text(value.note, .note, allowedNames: names)
    try db.execute(sql: """
      INSERT INTO agenda_recognitions (area_code, round_id, dimension, recognition, note, changed_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (area_code, round_id, dimension) DO UPDATE SET recognition = excluded.recognition, note = excluded.note,
        changed_at = excluded.changed_at
      """, arguments: [areaCode, roundID, value.dimension.key, value.recognition.rawValue, note, timestamp(now)])
    try audit("agenda-recognition", detail: "\(areaCode) round \(roundID): \(value.dimension.key) \(value.recognition.rawValue)",
              actor: actor, at: now, in: db)
  }

  /// Adds an opgave; returns its number.
  @discardableResult
  public func addTask(areaCode: String, roundID: Int64, dimension: WijkwebCore.Dimension, text: String, actor: String, now: Date = Date()) throws -> Int64 {
    let names = try placeNames()
    return try writer.write { db in
      try Self.addTask(areaCode: areaCode, roundID: roundID, dimension: dimension, text: text, names: names, actor: actor, now: now, in: db)
    }
  }

  static func addTask(areaCode: String, roundID: Int64, dimension: WijkwebCore.Dimension, text: String, names: Set<String>, actor: String, now: Date,
                      in db: Database) throws -> Int64 {
    try checkArea(areaCode, in: db)
    let checked = try AgendaRules.text(text, .opgave, allowedNames: names)
    try db.execute(sql: """
      INSERT INTO agenda_tasks (area_code, round_id, dimension, text, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?)
      """, arguments: [areaCode, roundID, dimension.key, checked, timestamp(now), timestamp(now)])
    let id = db.lastInsertedRowID
    try audit("agenda-opgave", detail: "\(areaCode) round \(roundID): opgave \(id) added (\(dimension.key))", actor: actor, at: now, in: db)
    return id
  }

  /// Changes an opgave's text or dimension.
  public func updateTask(_ task: AgendaTask, actor: String, now: Date = Date()) throws {
    let names = try placeNames()
    try writer.write { db in
      guard let id = task.id, try Bool.fetchOne(db, sql: "SELECT 1 FROM agenda_tasks WHERE id = ?", arguments: [id]) == true else {
        throw AgendaProblem(.unknown, field: nil, "There is no opgave \(task.id.map(String.init) ?? "without a number"); `wijkweb agenda show` lists them with their numbers.")
      }
      let checked = try AgendaRules.text(task.text, .opgave, allowedNames: names)
      try db.execute(sql: "UPDATE agenda_tasks SET text = ?, dimension = ?, changed_at = ? WHERE id = ?",
                     arguments: [checked, task.dimension.key, Self.timestamp(now), id])
      try Self.audit("agenda-opgave", detail: "opgave \(id) changed (\(task.dimension.key))", actor: actor, at: now, in: db)
    }
  }

  /// Adds an action; returns its number.
  @discardableResult
  public func addAction(areaCode: String, roundID: Int64, _ action: AgendaAction, actor: String, now: Date = Date()) throws -> Int64 {
    let names = try placeNames()
    return try writer.write { db in
      try Self.addAction(areaCode: areaCode, roundID: roundID, action, names: names, actor: actor, now: now, in: db)
    }
  }

  static func addAction(areaCode: String, roundID: Int64, _ action: AgendaAction, names: Set<String>, actor: String, now: Date,
                        in db: Database) throws -> Int64 {
    try checkArea(areaCode, in: db)
    let checked = try AgendaRules.action(action, allowedNames: names)
    try db.execute(sql: """
      INSERT INTO agenda_actions (area_code, round_id, dimension, what, who, due_on, status, note, created_at, changed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """, arguments: [areaCode, roundID, checked.dimension.key, checked.what, checked.who, checked.due, checked.status.rawValue,
                       checked.note, timestamp(now), timestamp(now)])
    let id = db.lastInsertedRowID
    try audit("agenda-actie", detail: "\(areaCode) round \(roundID): action \(id) added (\(checked.dimension.key), \(checked.status.rawValue), due \(checked.due))",
              actor: actor, at: now, in: db)
    return id
  }

  /// One action with its area and round, by its number.
  public func action(id: Int64) throws -> (areaCode: String, roundID: Int64, action: AgendaAction)? {
    try writer.read { db in
      guard let row = try Row.fetchOne(db, sql: """
        SELECT id, area_code, round_id, dimension, what, who, due_on, status, note, changed_at FROM agenda_actions WHERE id = ?
        """, arguments: [id]), let action = Self.action(row) else { return nil }
      return (row["area_code"], row["round_id"], action)
    }
  }

  /// One opgave with its area and round, by its number.
  public func task(id: Int64) throws -> (areaCode: String, roundID: Int64, task: AgendaTask)? {
    try writer.read { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT id, area_code, round_id, dimension, text, changed_at FROM agenda_tasks WHERE id = ?",
                                       arguments: [id]), let task = Self.task(row) else { return nil }
      return (row["area_code"], row["round_id"], task)
    }
  }

  /// Saves a changed action (status, due day, texts); the audit log says what changed.
  public func updateAction(_ action: AgendaAction, actor: String, now: Date = Date()) throws {
    let names = try placeNames()
    try writer.write { db in try Self.updateAction(action, names: names, actor: actor, now: now, in: db) }
  }

  static func updateAction(_ action: AgendaAction, names: Set<String>, actor: String, now: Date, in db: Database) throws {
    guard let id = action.id, let row = try Row.fetchOne(db, sql: """
      SELECT id, dimension, what, who, due_on, status, note, changed_at FROM agenda_actions WHERE id = ?
      """, arguments: [id]), let old = Self.action(row) else {
      throw AgendaProblem(.unknown, field: nil, "There is no action \(action.id.map(String.init) ?? "without a number"); `wijkweb agenda show` lists them with their numbers.")
    }
    let checked = try AgendaRules.action(action, allowedNames: names)
    var changes: [String] = []
    if old.status != checked.status { changes.append("status \(old.status.rawValue) -> \(checked.status.rawValue)") }
    if old.due != checked.due { changes.append("due \(old.due) -> \(checked.due)") }
    if old.dimension != checked.dimension { changes.append("dimension \(checked.dimension.key)") }
    if old.what != checked.what || old.who != checked.who || old.note != checked.note { changes.append("text") }
    guard !changes.isEmpty else { return }
    try db.execute(sql: """
      UPDATE agenda_actions SET dimension = ?, what = ?, who = ?, due_on = ?, status = ?, note = ?, changed_at = ? WHERE id = ?
      """, arguments: [checked.dimension.key, checked.what, checked.who, checked.due, checked.status.rawValue, checked.note, timestamp(now), id])
    try audit("agenda-actie", detail: "action \(id): " + changes.joined(separator: ", "), actor: actor, at: now, in: db)
  }

  /// Sets (or replaces) the ondergrens of an area and dimension.
  public func setFloor(_ floor: Floor, actor: String, now: Date = Date()) throws {
    let names = try placeNames()
    try writer.write { db in try Self.setFloor(floor, names: names, actor: actor, now: now, in: db) }
  }

  static func setFloor(_ floor: Floor, names: Set<String>, actor: String, now: Date, in db: Database) throws {
    try checkArea(floor.areaCode, in: db)
    let checked = try AgendaRules.floor(floor, allowedNames: names)
    try db.execute(sql: """
      INSERT INTO agenda_floors (area_code, dimension, value, agreed_by, agreed_on, changed_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (area_code, dimension) DO UPDATE SET value = excluded.value, agreed_by = excluded.agreed_by,
        agreed_on = excluded.agreed_on, changed_at = excluded.changed_at
      """, arguments: [checked.areaCode, checked.dimension.key, checked.value, checked.agreedBy, checked.agreedOn, timestamp(now)])
    try audit("agenda-ondergrens", detail: "\(checked.areaCode): \(checked.dimension.key) \(String(format1: checked.value)) agreed \(checked.agreedOn)",
              actor: actor, at: now, in: db)
  }

  /// What an agenda import did.
  public struct AgendaImportCounts: Equatable, Sendable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
  }

  /// Stores an agenda read from a file, all or nothing: recognitions and ondergrenzen replace earlier
  /// ones, an opgave is added unless the same text is there for that area, round and dimension, and an
  /// action with the same area, round, dimension, what and who is updated (status, due day, note) rather
  /// than added twice; so importing the same file again changes nothing.
  public func importAgenda(_ records: [AgendaRecord], source: String, actor: String, now: Date = Date()) throws -> AgendaImportCounts {
    let names = try placeNames()
    return try writer.write { db in
      var counts = AgendaImportCounts()
      for record in records {
        switch record {
        case .floor(let floor):
          if let old = try Row.fetchOne(db, sql: "SELECT * FROM agenda_floors WHERE area_code = ? AND dimension = ?",
                                        arguments: [floor.areaCode, floor.dimension.key]).flatMap(Self.floor) {
            if old.value == floor.value && old.agreedBy == floor.agreedBy && old.agreedOn == floor.agreedOn { counts.unchanged += 1; continue }
            counts.updated += 1
          } else {
            counts.added += 1
          }
          try Self.setFloor(floor, names: names, actor: actor, now: now, in: db)
        case .recognition(let area, let roundName, let value):
          let round = try Self.roundID(roundName, in: db)
          let old = try Row.fetchOne(db, sql: """
            SELECT dimension, recognition, note, changed_at FROM agenda_recognitions WHERE area_code = ? AND round_id = ? AND dimension = ?
            """, arguments: [area, round, value.dimension.key]).flatMap(Self.recognition)
          if let old, old.recognition == value.recognition, old.note == value.note { counts.unchanged += 1; continue }
          if old == nil { counts.added += 1 } else { counts.updated += 1 }
          try Self.setRecognition(areaCode: area, roundID: round, value, names: names, actor: actor, now: now, in: db)
        case .task(let area, let roundName, let task):
          let round = try Self.roundID(roundName, in: db)
          if try Bool.fetchOne(db, sql: "SELECT 1 FROM agenda_tasks WHERE area_code = ? AND round_id = ? AND dimension = ? AND text = ?",
                               arguments: [area, round, task.dimension.key, task.text]) == true {
            counts.unchanged += 1
            continue
          }
          _ = try Self.addTask(areaCode: area, roundID: round, dimension: task.dimension, text: task.text, names: names, actor: actor, now: now, in: db)
          counts.added += 1
        case .action(let area, let roundName, var action):
          let round = try Self.roundID(roundName, in: db)
          if let row = try Row.fetchOne(db, sql: """
            SELECT id, dimension, what, who, due_on, status, note, changed_at FROM agenda_actions
            WHERE area_code = ? AND round_id = ? AND dimension = ? AND what = ? AND who = ? ORDER BY id LIMIT 1
            """, arguments: [area, round, action.dimension.key, action.what, action.who]), let old = Self.action(row) {
            if old.due == action.due && old.status == action.status && old.note == action.note { counts.unchanged += 1; continue }
            action.id = old.id
            try Self.updateAction(action, names: names, actor: actor, now: now, in: db)
            counts.updated += 1
          } else {
            action.id = nil
            _ = try Self.addAction(areaCode: area, roundID: round, action, names: names, actor: actor, now: now, in: db)
            counts.added += 1
          }
        }
      }
      try Self.audit("agenda-import", detail: "\(source): \(counts.added) added, \(counts.updated) updated, \(counts.unchanged) unchanged",
                     actor: actor, at: now, in: db)
      return counts
    }
  }

  static func roundID(_ name: String, in db: Database) throws -> Int64 {
    guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM rounds WHERE name = ?", arguments: [name]) else {
      throw AgendaProblem(.unknown, field: nil, "There is no round \"\(TerminalText.visible(name))\"; `wijkweb round list` shows them.")
    }
    return id
  }

  static func checkArea(_ code: String, in db: Database) throws {
    guard try Bool.fetchOne(db, sql: "SELECT 1 FROM areas WHERE code = ?", arguments: [code]) == true else {
      throw AgendaProblem(.unknown, field: nil, "There is no area \(TerminalText.visible(code)); `wijkweb areas list` shows the codes.")
    }
  }
}
