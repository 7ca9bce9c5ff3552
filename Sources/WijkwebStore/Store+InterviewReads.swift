import Foundation
import GRDB
import WijkwebCore

// MARK: Reading what the interview needs

extension Store {
  /// All areas, parents before children.
  public func areas() throws -> [Area] {
    try writer.read { db in
      try Row.fetchAll(db, sql: "SELECT code, level, name, parent_code, aliases FROM areas").compactMap { row in
        guard let level = AreaLevel(rawValue: row["level"]) else { return nil }
        let aliases: String = row["aliases"]
        return Area(code: row["code"], level: level, name: row["name"], parentCode: row["parent_code"],
                    aliases: aliases.split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
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
        startedAt: CalendarDay.displayTime(row["started_at"], timeZone: .current))
    }
  }
}
