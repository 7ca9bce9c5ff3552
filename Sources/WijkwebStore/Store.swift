import Foundation
import GRDB
import WijkwebCore

/// The local database: one SQLite file in WAL mode, opened once per process.
///
/// Every write the interview asks for goes through `apply(_:)` in one transaction, committed before the
/// program draws the next screen, so a killed process loses nothing that was confirmed.
public struct Store: Sendable {
  let writer: any DatabaseWriter
  public let path: String?

  /// Opens the database at `path` and brings its schema up to date. With `create` (interviews, demo,
  /// set-up commands) a missing database is made owner-only; without it (commands that only read or act on
  /// what is there) a missing one is refused in one sentence naming the path, and nothing is created.
  /// Whatever this call created is removed again when the database is then refused.
  public init(path: String, create: Bool = true) throws {
    guard !path.isEmpty else {
      throw StoreError("The database path is empty; give a file with --db PATH (or leave --db out for the default).")
    }
    if !create { try DatabaseLocation.requireExisting(path: path) }
    let created = try DatabaseLocation.prepare(path: path)
    let pool: DatabasePool
    do {
      pool = try Self.openPool(path: path)
      try Self.migrate(pool, path: path)
    } catch {
      created.remove()
      throw error
    }
    self.init(migrated: pool, path: path)
  }

  private static func openPool(path: String) throws -> DatabasePool {
    // Refused before SQLite opens it: opening in WAL mode already writes to the file.
    if !DatabaseLocation.looksLikeSQLite(path: path) {
      throw StoreError("The file \(path) is not a Wijkweb database or is damaged. Restore a backup, or choose another file with --db PATH.", kind: .damaged)
    }
    try DatabaseLocation.checkOwnerOnly(path: path)
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in try Self.prepare(db) }
    do {
      return try DatabasePool(path: path, configuration: configuration)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
      throw StoreError("The file \(path) is not a Wijkweb database or is damaged. Restore a backup, or choose another file with --db PATH.")
    } catch let error as DatabaseError {
      // SQLite says only "disk I/O error" when there is no room for the -wal and -shm files.
      if DatabaseLocation.diskIsFull(path: path) {
        throw StoreError("The disk holding the database \(path) is full, so it cannot be opened for writing; what was stored before is kept. Free some space and try again.", kind: .diskFull)
      }
      throw StoreError("Cannot open the database \(path): \(error.message ?? "\(error.resultCode)"). Check that the file is readable and writable.")
    }
  }

  /// An in-memory database, for tests.
  public static func inMemory() throws -> Store {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in try Self.prepare(db) }
    return try Store(writer: DatabaseQueue(configuration: configuration), path: nil)
  }

  /// Every connection overwrites deleted content with zeros, so the readable answers and reflections of a
  /// sealed response do not linger in free pages after it is sealed.
  static func prepare(_ db: Database) throws {
    try db.execute(sql: "PRAGMA secure_delete = ON")
  }

  init(writer: any DatabaseWriter, path: String?) throws {
    try Self.migrate(writer, path: path)
    self.init(migrated: writer, path: path)
  }

  private init(migrated writer: any DatabaseWriter, path: String?) {
    self.writer = writer
    self.path = path
  }

  /// Brings the schema up to date; refuses a database of a newer version.
  private static func migrate(_ writer: any DatabaseWriter, path: String?) throws {
    let migrator = Schema.migrator()
    do {
      let known = Set(migrator.migrations)
      let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
      if !applied.isSubset(of: known) {
        throw StoreError("This database was written by a newer version of Wijkweb (schema \(applied.subtracting(known).sorted().joined(separator: ", "))). Update the program; the database was left untouched.")
      }
      try migrator.migrate(writer)
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
      throw StoreError("The file \(path ?? "in memory") is not a Wijkweb database or is damaged. Restore a backup, or choose another file with --db PATH.")
    } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
      throw StoreError("The database \(path ?? "") is read-only, so nothing could be saved. Make it writable (chmod u+w) or choose another file with --db PATH.")
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
      throw StoreError("The database \(path ?? "") is locked by another program. Close the other Wijkweb and try again.")
    }
  }

  /// This laptop's stable device id, made when the database was created.
  public func deviceID() throws -> String {
    try writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device_id'") ?? "" }
  }

  // MARK: Reading what the interview needs

  /// All areas, parents before children.
  public func areas() throws -> [Area] {
    try writer.read { db in
      try Row.fetchAll(db, sql: "SELECT code, level, name, parent_code, aliases, kind FROM areas").compactMap { row in
        guard let level = AreaLevel(rawValue: row["level"]) else { return nil }
        let aliases: String = row["aliases"]
        let kind: String? = row["kind"]
        return Area(code: row["code"], level: level, name: row["name"], parentCode: row["parent_code"],
                    aliases: aliases.split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                    kind: kind.flatMap(AreaKind.init(rawValue:)))
      }
      .sorted { ($0.level, $0.code) < ($1.level, $1.code) }
    }
  }

  /// The open rounds with their questionnaires, newest first.
  public func openRounds() throws -> [RoundChoice] {
    let rows = try writer.read { db in
      try Row.fetchAll(db, sql: """
        SELECT r.id, r.name, q.source, q.id AS qid FROM rounds r JOIN questionnaires q ON q.content_hash = r.questionnaire_hash
        WHERE r.status = 'open' ORDER BY r.starts_on DESC, r.id DESC
        """)
    }
    // Rounds usually share a questionnaire: parse each stored file once (parsing is most of the start-up time).
    var parsed: [String: Questionnaire] = [:]
    return try rows.map { row in
      let source: String = row["source"]
      let questionnaireID: String = row["qid"]
      let questionnaire = try parsed[source] ?? QuestionnaireParser.parse(source, source: "\(questionnaireID) (stored in the database)")
      parsed[source] = questionnaire
      return RoundChoice(id: row["id"], name: row["name"], questionnaire: questionnaire)
    }
  }

  /// The volunteer code entered today on this laptop, if any.
  public func rememberedVolunteerCode(today: String) throws -> String? {
    try writer.read { db in
      let date = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'volunteer_date'")
      guard date == today else { return nil }
      return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'volunteer_code'")
    }
  }

  /// The most recently started interview on this laptop that was never completed, if any.
  public func interruptedInterview() throws -> SavedInterview? {
    try writer.read { db in
      guard let row = try Row.fetchOne(db, sql: """
        SELECT id, round_id, volunteer_code, language, area_code, position, started_at FROM responses
        WHERE status = 'in_progress' ORDER BY started_at DESC LIMIT 1
        """) else { return nil }
      let id: String = row["id"]
      var answers: [String: AnswerValue] = [:]
      for answer in try Row.fetchAll(db, sql: "SELECT item_id, value FROM answers WHERE response_id = ?", arguments: [id]) {
        let value: Int? = answer["value"]
        answers[answer["item_id"]] = value.map(AnswerValue.score) ?? .skipped
      }
      var demographics: [String: String?] = [:]
      for answer in try Row.fetchAll(db, sql: "SELECT question_id, choice_id FROM demographics WHERE response_id = ?", arguments: [id]) {
        let choice: String? = answer["choice_id"]
        demographics[answer["question_id"]] = .some(choice)
      }
      var reflections: [String: String] = [:]
      for text in try Row.fetchAll(db, sql: "SELECT prompt_id, text FROM reflections WHERE response_id = ?", arguments: [id]) {
        reflections[text["prompt_id"]] = text["text"]
      }
      return SavedInterview(
        responseID: id, roundID: row["round_id"], volunteerCode: row["volunteer_code"],
        language: Language(row["language"] as String), areaCode: row["area_code"], demographics: demographics,
        answers: answers, reflections: reflections, position: row["position"] ?? "area",
        startedAt: Self.displayTime(row["started_at"]))
    }
  }

  // MARK: Writing what the interview confirmed

  /// Applies the effects of one key press in a single transaction.
  public func apply(_ effects: [InterviewEffect], now: Date = Date()) throws {
    guard !effects.isEmpty else { return }
    let timestamp = Self.timestamp(now)
    let sealedOne: Bool
    do {
      sealedOne = try writer.write { db in
        var sealed = false
        for effect in effects { sealed = try apply(effect, at: timestamp, now: now, in: db) || sealed }
        return sealed
      }
    } catch let error as DatabaseError {
      throw Self.plain(error, path: path)
    }
    if sealedOne { checkpointQuietly() }
  }

  /// Copies the write-ahead log into the database file and empties it, so the pages that held a sealed
  /// response's readable content before it was sealed are gone from the log as well. Best effort, waiting
  /// half a second at most: when another program (a dashboard, say) holds the log, the interview goes on
  /// and the next sealed completion, or the last connection closing, empties it.
  func checkpointQuietly() {
    guard path != nil else { return }
    _ = try? writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA busy_timeout = 500")
      defer { try? db.execute(sql: "PRAGMA busy_timeout = 10000") }
      try db.checkpoint(.truncate)
    }
  }

  /// Applies one effect; true when it sealed a completed response.
  private func apply(_ effect: InterviewEffect, at timestamp: String, now: Date, in db: Database) throws -> Bool {
    switch effect {
    case .rememberVolunteer(let code):
      try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('volunteer_code', ?), ('volunteer_date', ?)",
                     arguments: [code, Self.day(now)])
    case .begin(let responseID, let roundID, let volunteerCode, let language):
      try db.execute(sql: """
        INSERT INTO responses (id, round_id, questionnaire_id, questionnaire_version, questionnaire_hash, device_id,
          volunteer_code, language, language_status, status, position, started_at)
        SELECT ?, r.id, q.id, q.version, q.content_hash, (SELECT value FROM meta WHERE key = 'device_id'), ?, ?, ?,
          'in_progress', 'area', ?
        FROM rounds r JOIN questionnaires q ON q.content_hash = r.questionnaire_hash WHERE r.id = ?
        """, arguments: [responseID, volunteerCode, language.rawValue, LanguagePacks.recordedStatus(of: language), timestamp, roundID])
      if db.changesCount != 1 { throw StoreError("The round of this interview no longer exists.") }
    case .setArea(let responseID, let code):
      try db.execute(sql: "UPDATE responses SET area_code = ? WHERE id = ?", arguments: [code, responseID])
    case .setDemographic(let responseID, let questionID, let choiceID):
      try db.execute(sql: "INSERT OR REPLACE INTO demographics (response_id, question_id, choice_id) VALUES (?, ?, ?)",
                     arguments: [responseID, questionID, choiceID])
    case .setAnswer(let responseID, let itemID, let value):
      try db.execute(sql: "INSERT OR REPLACE INTO answers (response_id, item_id, value, answered_at) VALUES (?, ?, ?, ?)",
                     arguments: [responseID, itemID, value.score, timestamp])
    case .setReflection(let responseID, let promptID, let text):
      if text.isEmpty {
        try db.execute(sql: "DELETE FROM reflections WHERE response_id = ? AND prompt_id = ?", arguments: [responseID, promptID])
      } else {
        // A dialogue answer ("dialogue.<part>.<dimension>.<n>") is tagged with its dimension for the review.
        let dimension = BundleReflection.entryDimensions(promptID: promptID)
        try db.execute(sql: "INSERT OR REPLACE INTO reflections (response_id, prompt_id, text, dimensions) VALUES (?, ?, ?, ?)",
                       arguments: [responseID, promptID, text, dimension])
      }
    case .flagPersonalData(let responseID, let promptID):
      try db.execute(sql: "UPDATE reflections SET personal_data = 1 WHERE response_id = ? AND prompt_id = ?", arguments: [responseID, promptID])
    case .setLanguage(let responseID, let language):
      try db.execute(sql: "UPDATE responses SET language = ?, language_status = ? WHERE id = ?",
                     arguments: [language.rawValue, LanguagePacks.recordedStatus(of: language), responseID])
    case .setPosition(let responseID, let position):
      try db.execute(sql: "UPDATE responses SET position = ? WHERE id = ? AND status = 'in_progress'", arguments: [position, responseID])
    case .complete(let responseID, let receiptCode, let scores, let answers, let demographics):
      if let publicKey = try sealPublicKey(ofResponse: responseID, in: db) {
        try completeSealed(responseID: responseID, receiptCode: receiptCode, scores: scores, answers: answers,
                           demographics: demographics, publicKey: publicKey, at: timestamp, in: db)
        return true
      }
      let receipt = try ReceiptHash(code: ReceiptCode.normalize(receiptCode) ?? receiptCode)
      try db.execute(sql: """
        UPDATE responses SET status = 'completed', completed_at = ?, receipt_locator = ?, receipt_salt = ?, receipt_hash = ?,
          position = NULL, packed_answers = ?, packed_demographics = ?
        WHERE id = ? AND status = 'in_progress'
        """, arguments: [timestamp, receipt.locator, Data(receipt.salt), Data(receipt.hash), answers, demographics, responseID])
      if db.changesCount != 1 { throw StoreError("This interview was already saved or discarded elsewhere.") }
      try db.execute(sql: "DELETE FROM answers WHERE response_id = ?", arguments: [responseID])
      try db.execute(sql: "DELETE FROM demographics WHERE response_id = ?", arguments: [responseID])
      try insertPartScores(responseID: responseID, scores: scores, in: db)
    case .discard(let responseID):
      try db.execute(sql: "DELETE FROM responses WHERE id = ? AND status = 'in_progress'", arguments: [responseID])
    case .takeHome, .lookUpEarlierWeb:
      break  // Nothing to store: the resident's own printout, a read (see `InterviewStep`).
    }
    return false
  }

  /// Stores the six dimension scores of each part in one row, with the response's round and area.
  func insertPartScores(responseID: String, scores: [DimensionScore], in db: Database) throws {
    for (partID, partScores) in Dictionary(grouping: scores, by: \.partID) {
      let byDimension = Dictionary(partScores.map { ($0.dimension, $0.score) }, uniquingKeysWith: { first, _ in first })
      let values: [DatabaseValueConvertible?] = [responseID, partID] + Dimension.allCases.map { byDimension[$0] ?? nil }
      try db.cachedStatement(sql: """
        INSERT OR REPLACE INTO part_scores (response_key, part_id, round_id, area_code, \(Self.scoreColumns))
        SELECT key, ?, round_id, area_code, ?, ?, ?, ?, ?, ? FROM responses WHERE id = ?
        """).execute(arguments: StatementArguments(values.dropFirst() + [responseID]))
    }
  }

  /// The six score columns of `part_scores`, in `Dimension.allCases` order.
  static let scoreColumns = Dimension.allCases.map(\.key).joined(separator: ", ")

  static func plain(_ error: DatabaseError, path: String?) -> StoreError {
    let file = path ?? "the database"
    switch error.resultCode {
    case .SQLITE_FULL:
      return StoreError("The disk is full, so the answer was not saved. Free some space; nothing stored earlier was lost.", kind: .diskFull)
    case .SQLITE_READONLY:
      return StoreError("\(file) is read-only, so the answer was not saved. Make it writable (chmod u+w).", kind: .readOnly)
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return StoreError("\(file) is busy in another program, so the answer was not saved. Try again in a moment.", kind: .busy)
    case .SQLITE_IOERR:
      return StoreError("Writing \(file) failed (\(error.message ?? "I/O error")); the answer was not saved. Check the disk.")
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return StoreError("\(file) is damaged. Stop, and restore a backup.", kind: .damaged)
    default:
      return StoreError("The database refused the change: \(error.message ?? "\(error.resultCode)").")
    }
  }

  // MARK: Time

  /// UTC to the second, e.g. 2026-11-23T11:55:00Z. (A format style, not an ISO8601DateFormatter: making
  /// one of those took about 0.2 ms, a fifth of the time between a key press and the next screen.)
  static func timestamp(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle())
  }

  /// The local calendar day, e.g. 2026-11-23.
  public static func day(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: date)
  }

  static func displayTime(_ stored: String) -> String {
    let parser = ISO8601DateFormatter()
    guard let date = parser.date(from: stored) else { return stored }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "dd-MM-yyyy HH:mm"
    return formatter.string(from: date)
  }
}
