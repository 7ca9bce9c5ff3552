import Foundation
import GRDB
import WijkwebCore

extension Store {
  /// The public key a round's completed responses are sealed to, from the response's round; nil when the
  /// round is not sealed.
  func sealPublicKey(ofResponse responseID: String, in db: Database) throws -> [UInt8]? {
    guard let text = try String.fetchOne(db, sql: """
      SELECT r.seal_public_key FROM rounds r JOIN responses p ON p.round_id = r.id WHERE p.id = ?
      """, arguments: [responseID]) else { return nil }
    guard let data = Data(base64Encoded: text) else {
      throw StoreError("The round of this interview has a damaged public key, so the response was not saved sealed. Ask the coordinator to check the round.")
    }
    return [UInt8](data)
  }

  /// Completes a response of a sealed round: answers, demographics, scores and every reflection are sealed
  /// into one blob on the response row, and none of them stays readable (the per-statement rows and the
  /// reflection rows are deleted, overwritten with zeros by `secure_delete`).
  func completeSealed(responseID: String, receiptCode: String, scores: [DimensionScore], answers: String, demographics: String,
                      publicKey: [UInt8], at timestamp: String, in db: Database) throws {
    let reflections = try Row.fetchAll(db, sql: """
      SELECT prompt_id, text, review_status, redacted_text, dimensions, reviewed_at, reviewer FROM reflections
      WHERE response_id = ? ORDER BY prompt_id
      """, arguments: [responseID]).map { row in
      BundleReflection(promptID: row["prompt_id"], text: row["text"], reviewStatus: row["review_status"],
                       redactedText: row["redacted_text"], dimensions: row["dimensions"], reviewedAt: row["reviewed_at"],
                       reviewer: row["reviewer"])
    }
    var byPart: [String: [Double?]] = [:]
    for (partID, partScores) in Dictionary(grouping: scores, by: \.partID) {
      byPart[partID] = Dimension.allCases.map { dimension in partScores.first { $0.dimension == dimension }?.score ?? nil }
    }
    let content = SealedContent(packedAnswers: answers, packedDemographics: demographics, scores: byPart, reflections: reflections)
    let sealed: [UInt8]
    do {
      sealed = try TeamKey.seal(Array(try Self.sealedEncoder.encode(content)), to: publicKey)
    } catch let problem as KeyProblem {
      throw StoreError("The response could not be sealed (\(problem.message)); it stays in progress. Try again.")
    }
    let receipt = try ReceiptHash(code: ReceiptCode.normalize(receiptCode) ?? receiptCode)
    try db.execute(sql: """
      UPDATE responses SET status = 'completed', completed_at = ?, receipt_locator = ?, receipt_salt = ?, receipt_hash = ?,
        position = NULL, packed_answers = NULL, packed_demographics = NULL, sealed = ?
      WHERE id = ? AND status = 'in_progress'
      """, arguments: [timestamp, receipt.locator, Data(receipt.salt), Data(receipt.hash), Data(sealed), responseID])
    if db.changesCount != 1 { throw StoreError("This interview was already saved or discarded elsewhere.") }
    try db.execute(sql: "DELETE FROM answers WHERE response_id = ?", arguments: [responseID])
    try db.execute(sql: "DELETE FROM demographics WHERE response_id = ?", arguments: [responseID])
    try db.execute(sql: "DELETE FROM reflections WHERE response_id = ?", arguments: [responseID])
  }

  static var sealedEncoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }

  /// Makes a sealed response readable with its opened content, as a completed interview stores it: the
  /// packed answers, the reflections, and the part scores through `insertPartScores`. Only when the
  /// response is stored sealed as exactly `blob` (base64), the blob the content was opened from: a
  /// readable copy from anywhere else never replaces sealed content.
  @discardableResult
  func writeUnsealed(_ response: BundleResponse, from blob: String, in db: Database) throws -> Bool {
    guard let sealed = Data(base64Encoded: blob) else { return false }
    try db.cachedStatement(sql: """
      UPDATE responses SET packed_answers = ?, packed_demographics = ?, sealed = NULL, record_signature = ?, record_signer = ?
      WHERE id = ? AND sealed = ?
      """).execute(arguments: [response.packedAnswers, response.packedDemographics, response.signature, response.signedBy, response.id, sealed])
    guard db.changesCount == 1 else { return false }
    // Sealed at completion, so never reviewed: stored as entered whatever the content claims.
    for reflection in response.reflections.map(\.unreviewed) {
      try db.cachedStatement(sql: """
        INSERT OR REPLACE INTO reflections (response_id, prompt_id, text, review_status, redacted_text, dimensions, reviewed_at, reviewer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(arguments: [response.id, reflection.promptID, reflection.text, reflection.reviewStatus, reflection.redactedText,
                         reflection.dimensions, reflection.reviewedAt, reflection.reviewer])
    }
    try insertPartScores(responseID: response.id, scores: Self.dimensionScores(response.scores), in: db)
    return true
  }

  /// Bundle scores (six values per part) as the rows `insertPartScores` stores.
  static func dimensionScores(_ scores: [String: [Double?]]) -> [DimensionScore] {
    scores.sorted { $0.key < $1.key }.flatMap { part, values in
      zip(Dimension.allCases, values).map { DimensionScore(partID: part, dimension: $0, score: $1, answered: 0, total: 0) }
    }
  }

  /// The number of completed responses still sealed, of one round or of all.
  public func sealedCount(roundID: Int64? = nil) throws -> Int {
    try writer.read { db in
      try Int.fetchOne(db, sql: """
        SELECT count(*) FROM responses WHERE status = 'completed' AND sealed IS NOT NULL AND (? IS NULL OR round_id = ?)
        """, arguments: [roundID, roundID]) ?? 0
    }
  }

  /// The sealed responses of this database, as a bundle holds them, for `unseal`.
  public func sealedContents() throws -> BundleContents {
    var contents = try bundleContents()
    contents.responses = contents.responses.filter(\.isSealed)
    contents.tombstones = []
    return contents
  }

  /// Stores the opened content of responses that are sealed here, in one transaction; returns how many
  /// were made readable. Only responses opened with the team key from the very blob stored here are
  /// written (`Checked.openedFrom`); those that did not open are in `checked.unopened` and stay sealed.
  public func unseal(_ checked: BundleValidator.Checked, actor: String, now: Date = Date()) throws -> Int {
    let count = try writer.write { db in
      var count = 0
      for response in checked.contents.responses where !response.isSealed {
        guard let blob = checked.openedFrom[response.id] else { continue }
        if try writeUnsealed(response, from: blob, in: db) { count += 1 }
      }
      let skipped = checked.unopened.isEmpty ? "" : "; \(checked.unopened.count) did not open and stay sealed: "
        + checked.unopened.map(\.responseID).joined(separator: ", ")
      try Self.audit("unseal", detail: "\(count) sealed responses opened with the team key\(skipped)", actor: actor, at: now, in: db)
      return count
    }
    return count
  }
}

/// Opening the sealed responses of a bundle with the team key.
public enum SealedResponses {
  /// `contents` with every sealed response that opens with `key` made readable, so it validates and
  /// imports as an open one. A response that does not open stays sealed and is reported with its id in
  /// `unopened`; one bad blob never keeps the others closed.
  public static func open(_ contents: BundleContents, with key: TeamKey.Opened) -> OpenedBundle {
    var opened = OpenedBundle(contents: contents)
    let decoder = JSONDecoder()
    for index in opened.contents.responses.indices {
      let response = opened.contents.responses[index]
      guard let sealed = response.sealed else { continue }
      func refuse(_ reason: String) { opened.unopened.append(BundleRefusal(responseID: response.id, reason: reason)) }
      guard let data = Data(base64Encoded: sealed) else {
        refuse("its sealed content is not base64")
        continue
      }
      guard let plain = try? key.open([UInt8](data)) else {
        refuse("it does not open with this team key: it was sealed to another key, or damaged")
        continue
      }
      guard let content = try? decoder.decode(SealedContent.self, from: Data(plain)) else {
        refuse("it opens, but its content cannot be read; it was made by another version of Wijkweb or crafted")
        continue
      }
      // Its content changed here at the team: the team key signs it (a key file without signing key
      // leaves it without signature, so it travels only with --accept-unsigned).
      var unsealed = response.unsealed(with: content)
      unsealed.signature = nil
      unsealed.signedBy = nil
      if let signer = try? key.signer(), let signed = try? RecordSignature.sign(unsealed, by: signer, as: RecordSignature.byTeam) {
        unsealed = signed
      }
      opened.contents.responses[index] = unsealed
      opened.openedFrom[response.id] = sealed
    }
    return opened
  }
}
