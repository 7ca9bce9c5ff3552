import Foundation
import GRDB
import WijkwebCore

// MARK: Writing what the interview confirmed

extension Store {
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
                     arguments: [code, CalendarDay(now, timeZone: .current).iso])
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
        try Self.signCompletedResponse(responseID, in: db)
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
      try Self.signCompletedResponse(responseID, in: db)
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
}
