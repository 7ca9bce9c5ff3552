import Foundation
import GRDB
import WijkwebCore
import WijkwebCrypto

/// What importing a bundle did.
public struct BundleImportReport: Hashable, Sendable {
  /// Responses stored for the first time.
  public var new = 0
  /// Responses this database already held with the same content.
  public var alreadyPresent = 0
  /// Responses removed now because the bundle carries their withdrawal.
  public var withdrawn = 0
  /// Responses in the bundle that were withdrawn earlier and so were not brought back.
  public var skippedWithdrawn = 0
  /// Responses in the bundle whose round is past its retention period here, so they were not stored.
  public var skippedExpired = 0
  /// Withdrawals recorded for the first time.
  public var newWithdrawals = 0
  /// Withdrawals refused because their receipt code does not prove the response's receipt hash here (or
  /// they carry none, or the response is not held here to check it against): not applied, not forwarded.
  public var refusedWithdrawals: [BundleRefusal] = []
  /// Withdrawals of responses this database does not hold yet: kept aside (not passed on) and applied when
  /// the response arrives, if their code proves its receipt hash.
  public var pendingWithdrawals = 0
  /// Groups of responses (at least one of them from this bundle) that look like one interview under
  /// several ids: same device, round, start time and content (`Store.suspectedDuplicates`).
  public var suspectedDuplicates: [[String]] = []
  /// Responses whose id (or receipt code) this database holds with other content: left as they were.
  public var conflicts: [BundleConflict] = []
  /// Rounds the bundle brought that this database lacked.
  public var createdRounds: [String] = []
  /// Responses stored sealed (this laptop cannot read them; they travel onward as they are).
  public var sealed = 0
  /// Responses this database held sealed and that the bundle, opened with the team key, made readable.
  public var unsealed = 0
  /// Sealed responses of the bundle that did not open with the team key: stored (or kept) sealed.
  public var unopened: [BundleRefusal] = []
  /// Responses of the bundle a revoked device completed at or after its revocation: not stored.
  public var revoked: [String] = []
  /// Responses held here that a revocation list the bundle brought removed (completed by a revoked device
  /// at or after its revocation).
  public var removedByRevocation = 0

  public init() {}
}

/// A response of a bundle that was not stored because this database holds other content under its id.
public struct BundleConflict: Hashable, Sendable {
  public var responseID: String
  /// Why, in a few plain words.
  public var reason: String
}

extension Store {
  /// Stores a checked bundle in one transaction: all of it or, when anything fails, nothing.
  ///
  /// Questionnaires and rounds the database lacks are created; a round of the same name with another
  /// questionnaire refuses the bundle. Withdrawals delete the response wherever it is and keep it out
  /// afterwards; responses of a round past its retention period here are not stored either. A response already present with the same content is left alone; with other content it is
  /// a conflict, reported and not overwritten. New responses get their part scores the way a completed
  /// interview does (`insertPartScores`). The import is written to the audit log.
  public func importBundle(_ checked: BundleValidator.Checked, file: String, actor: String, now: Date = Date()) throws -> BundleImportReport {
    let contents = checked.contents
    // Bundles of Wijkweb before receipt hashes carry codes in the clear: hashed first, on every core.
    let legacy = contents.responses.compactMap { response in response.receiptCode.map { (id: response.id, code: $0) } }
    let legacyHashes = Dictionary(zip(legacy.map(\.id), try ReceiptHash.many(legacy.map(\.code))), uniquingKeysWith: { first, _ in first })
    do {
      return try writer.write { db in
        var report = BundleImportReport()
        report.unopened = checked.unopened
        // A newer revocation list of the team comes first: it decides which records below count.
        if let list = contents.revocations {
          report.removedByRevocation = try Self.adoptRevocations(list, actor: actor, now: now, in: db) ?? 0
        }
        let trust = try Self.trustState(in: db)
        try Self.keepCertificates(contents.certificates, in: db)
        func revoked(_ deviceID: String, at time: String) -> Bool {
          trust.revocations?.refuses(deviceID, signedAt: time) == true
        }
        for questionnaire in contents.questionnaires {
          try db.execute(sql: """
            INSERT OR IGNORE INTO questionnaires (content_hash, id, version, source, installed_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [questionnaire.contentHash, questionnaire.id, questionnaire.version, questionnaire.source, Self.timestamp(now)])
        }
        var roundIDs: [String: Int64] = [:]
        var expired = Set<String>()
        for round in contents.rounds {
          if let row = try Row.fetchOne(db, sql: "SELECT id, questionnaire_hash, seal_public_key FROM rounds WHERE name = ?", arguments: [round.name]) {
            guard row["questionnaire_hash"] == round.questionnaireHash else {
              throw StoreError("""
                round "\(round.name)" exists here with another questionnaire than in the bundle, so nothing was imported. \
                Rename one of the rounds, or ask the sender which questionnaire the round should use.
                """)
            }
            guard row["seal_public_key"] as String? == round.sealPublicKey else {
              throw StoreError("""
                round "\(round.name)" is \(row["seal_public_key"] as String? == nil ? "not sealed" : "sealed to another team key") here \
                and \(round.sealPublicKey == nil ? "not sealed" : "sealed") in the bundle, so nothing was imported. \
                Ask the gebiedsteam which key the round is sealed to.
                """)
            }
            roundIDs[round.name] = row["id"]
            // A round of this laptop alone that the team accepted: it takes the team's signature.
            _ = try Self.adoptRoundSignature(round, in: db)
          } else {
            try db.execute(sql: """
              INSERT INTO rounds (name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, created_at,
                seal_public_key, team_signature)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """, arguments: [round.name, round.questionnaireHash, round.areaSet, round.startsOn, round.endsOn, round.minGroupSize,
                               round.retentionDays, round.status, Self.timestamp(now), round.sealPublicKey, round.teamSignature])
            roundIDs[round.name] = db.lastInsertedRowID
            report.createdRounds.append(round.name)
          }
          // What `purge` deleted here must not come back from another laptop.
          if try Bool.fetchOne(db, sql: """
            SELECT date(ends_on, '+' || retention_days || ' days') < ? FROM rounds WHERE name = ?
            """, arguments: [Self.day(now), round.name]) == true {
            expired.insert(round.name)
          }
        }
        let knownAreas = Set(try String.fetchAll(db, sql: "SELECT code FROM areas"))
        if let missing = contents.responses.first(where: { $0.areaCode.map { !knownAreas.contains($0) } ?? false }),
           let code = missing.areaCode {
          throw StoreError("""
            response \(missing.id) lies in area \(code), which this database does not know, so nothing was imported. \
            Load that area list first (wijkweb areas import FILE), then import the bundle again.
            """)
        }
        for tombstone in contents.tombstones {
          if revoked(tombstone.deviceID, at: tombstone.withdrawnAt) {
            report.refusedWithdrawals.append(BundleRefusal(responseID: tombstone.responseID,
                                                           reason: "its device was revoked by the team before it was made"))
            continue
          }
          try importTombstone(tombstone, report: &report, in: db)
        }
        for response in contents.responses {
          if revoked(response.deviceID, at: response.completedAt) {
            report.revoked.append(response.id)
            continue
          }
          if expired.contains(response.round) {
            report.skippedExpired += 1
            continue
          }
          try importResponse(response, openedFrom: checked.openedFrom[response.id], legacyHash: legacyHashes[response.id], roundIDs: roundIDs,
                             report: &report, in: db)
        }
        report.suspectedDuplicates = try Self.suspectedDuplicates(among: Set(contents.responses.map(\.id)), in: db)
        try Self.audit("bundle-import", detail: """
          \(file) from device \(contents.deviceID) made \(contents.createdAt): \(report.new) new, \(report.alreadyPresent) already present, \
          \(report.withdrawn) withdrawn, \(report.refusedWithdrawals.count) withdrawals refused, \(report.pendingWithdrawals) waiting, \(report.conflicts.count) conflicts, \
          \(report.suspectedDuplicates.count) suspected duplicates, \(report.sealed) stored sealed, \(report.unsealed) unsealed, \
          \(report.revoked.count) of revoked devices refused, \(report.removedByRevocation) removed by revocation\
          \(report.unopened.isEmpty ? "" : ", \(report.unopened.count) did not open: " + report.unopened.map(\.responseID).joined(separator: ", "))
          """, actor: actor, at: now, in: db)
        return report
      }
    } catch let error as DatabaseError {
      throw StoreError("The database refused the bundle, so nothing was imported: \(error.message ?? "\(error.resultCode)").")
    }
  }

  private func importResponse(_ response: BundleResponse, openedFrom blob: String?, legacyHash: ReceiptHash?, roundIDs: [String: Int64],
                              report: inout BundleImportReport, in db: Database) throws {
    // Cached statements: a bundle of a whole round runs these a hundred thousand times.
    if try Bool.fetchOne(try db.cachedStatement(sql: "SELECT 1 FROM tombstones WHERE response_id = ?"), arguments: [response.id]) == true {
      report.skippedWithdrawn += 1
      return
    }
    if let row = try Row.fetchOne(try db.cachedStatement(sql: """
      SELECT r.key, \(Self.bundleResponseColumns) FROM responses r JOIN rounds rd ON rd.id = r.round_id WHERE r.id = ?
      """), arguments: [response.id]) {
      let reflections = try Row.fetchAll(try db.cachedStatement(sql: "SELECT prompt_id, text FROM reflections WHERE response_id = ?"),
                                        arguments: [response.id])
        .map { BundleReflection(promptID: $0["prompt_id"], text: $0["text"]) }
      let stored = Self.bundleResponse(row, scores: [:], reflections: reflections)
      if stored.isSealed && !response.isSealed {
        // Sealed here: only content opened with the team key from this very blob replaces it.
        if stored.sameContent(as: response), let blob, blob == stored.sealed, try writeUnsealed(response, from: blob, in: db) {
          report.unsealed += 1
        } else {
          report.conflicts.append(BundleConflict(
            responseID: response.id, reason: "this database holds it sealed; a readable copy not opened from its sealed content is refused"))
        }
      } else if stored.sameContent(as: response) {
        report.alreadyPresent += 1
        // Held without its origin's signature (taken with --accept-unsigned): the signed copy (checked by
        // `verifyTrust`) lends it its signature, for the same form of content only.
        if stored.isSealed == response.isSealed, RecordSignature.isSigned(response) {
          try db.cachedStatement(sql: """
            UPDATE responses SET record_signature = ?, record_signer = ? WHERE id = ? AND record_signature IS NULL
            """).execute(arguments: [response.signature, response.signedBy, response.id])
        }
      } else {
        report.conflicts.append(BundleConflict(responseID: response.id, reason: "this database holds other content under the same id"))
      }
      return
    }
    // A bundle of Wijkweb before receipt hashes: the code was hashed above and is kept nowhere.
    let receipt = legacyHash ?? Self.receiptHash(response)
    if let hash = receipt?.hash,
       let other = try String.fetchOne(try db.cachedStatement(sql: "SELECT id FROM responses WHERE receipt_hash = ?"), arguments: [Data(hash)]) {
      report.conflicts.append(BundleConflict(responseID: response.id, reason: "its receipt hash belongs to response \(other) here (a copy under another id)"))
      return
    }
    if let pending = try Row.fetchOne(try db.cachedStatement(sql: """
      SELECT withdrawn_at, device_id, receipt_code, record_signature FROM pending_withdrawals WHERE response_id = ?
      """), arguments: [response.id]) {
      // A withdrawal arrived before its response: applied now if its code proves the response's hash.
      try db.execute(sql: "DELETE FROM pending_withdrawals WHERE response_id = ?", arguments: [response.id])
      let code: String = pending["receipt_code"]
      if receipt?.matches(code) == true {
        try db.execute(sql: "INSERT INTO tombstones (response_id, withdrawn_at, device_id, receipt_code, record_signature) VALUES (?, ?, ?, ?, ?)",
                       arguments: [response.id, pending["withdrawn_at"] as String, pending["device_id"] as String, code,
                                   pending["record_signature"] as String?])
        report.skippedWithdrawn += 1
        report.newWithdrawals += 1
        return
      }
      report.refusedWithdrawals.append(BundleRefusal(responseID: response.id, reason: "its receipt code does not match the response"))
    }
    guard let roundID = roundIDs[response.round] else {
      throw StoreError("response \(response.id) names round \"\(response.round)\", which the bundle does not define; nothing was imported.")
    }
    try db.cachedStatement(sql: """
      INSERT INTO responses (id, round_id, questionnaire_id, questionnaire_version, questionnaire_hash, device_id, volunteer_code,
        language, area_code, status, started_at, completed_at, receipt_locator, receipt_salt, receipt_hash, packed_answers,
        packed_demographics, sealed, language_status, record_signature, record_signer)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """).execute(arguments: [response.id, roundID, response.questionnaireID, response.questionnaireVersion, response.questionnaireHash,
                       response.deviceID, response.volunteerCode, response.language, response.areaCode, response.startedAt,
                       response.completedAt, receipt?.locator, receipt.map { Data($0.salt) }, receipt.map { Data($0.hash) },
                       response.isSealed ? nil : response.packedAnswers,
                       response.isSealed ? nil : response.packedDemographics,
                       response.sealed.flatMap { Data(base64Encoded: $0) }, response.languageStatus, response.signature, response.signedBy])
    if response.isSealed { report.sealed += 1 }
    // Review decisions stay at the team: whatever the bundle claims, reflections arrive unreviewed.
    for reflection in response.reflections.map(\.unreviewed) {
      try db.cachedStatement(sql: """
        INSERT INTO reflections (response_id, prompt_id, text, review_status, redacted_text, dimensions, reviewed_at, reviewer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(arguments: [response.id, reflection.promptID, reflection.text, reflection.reviewStatus, reflection.redactedText,
                         reflection.dimensions, reflection.reviewedAt, reflection.reviewer])
    }
    // The rows a completed interview gets, through the same function. The scores are those the validator
    // computed again from the answers with the pinned questionnaire and found equal to the carried ones.
    try insertPartScores(responseID: response.id, scores: Self.dimensionScores(response.scores), in: db)
    report.new += 1
  }

  /// Applies one withdrawal of a bundle when its receipt code proves the receipt hash of the response held
  /// here; refuses it otherwise (counted and reported, not stored, so it never travels further).
  private func importTombstone(_ tombstone: BundleTombstone, report: inout BundleImportReport, in db: Database) throws {
    func refuse(_ reason: String) { report.refusedWithdrawals.append(BundleRefusal(responseID: tombstone.responseID, reason: reason)) }
    guard let code = tombstone.receiptCode.flatMap(ReceiptCode.normalize), code == tombstone.receiptCode else {
      return refuse("it carries no receipt code")
    }
    if let existing = try Row.fetchOne(db, sql: "SELECT withdrawn_at, device_id, receipt_code FROM tombstones WHERE response_id = ?",
                                       arguments: [tombstone.responseID]) {
      // Withdrawn here already: the same code is the same withdrawal, and the earliest one wins so every
      // laptop keeps the same whatever the order of bundles.
      guard let known = existing["receipt_code"] as String?, ConstantTime.equal(Array(known.utf8), Array(code.utf8)) else {
        return refuse("its receipt code is not the one that withdrew the response here")
      }
      if (tombstone.withdrawnAt, tombstone.deviceID) < (existing["withdrawn_at"] as String, existing["device_id"] as String) {
        try db.execute(sql: "UPDATE tombstones SET withdrawn_at = ?, device_id = ?, record_signature = ? WHERE response_id = ?",
                       arguments: [tombstone.withdrawnAt, tombstone.deviceID, tombstone.signature, tombstone.responseID])
      }
      return
    }
    guard let row = try Row.fetchOne(db, sql: """
      SELECT receipt_locator, receipt_salt, receipt_hash FROM responses WHERE id = ? AND status = 'completed'
      """, arguments: [tombstone.responseID]) else {
      // Not here yet: kept aside until the response arrives (whatever the order of bundles), not passed on.
      if let pending = try Row.fetchOne(db, sql: "SELECT withdrawn_at, device_id, receipt_code FROM pending_withdrawals WHERE response_id = ?",
                                        arguments: [tombstone.responseID]) {
        if pending["receipt_code"] as String == code,
           (tombstone.withdrawnAt, tombstone.deviceID) < (pending["withdrawn_at"] as String, pending["device_id"] as String) {
          try db.execute(sql: "UPDATE pending_withdrawals SET withdrawn_at = ?, device_id = ?, record_signature = ? WHERE response_id = ?",
                         arguments: [tombstone.withdrawnAt, tombstone.deviceID, tombstone.signature, tombstone.responseID])
        }
        return
      }
      guard try Int.fetchOne(db, sql: "SELECT count(*) FROM pending_withdrawals") ?? 0 < Self.maxPendingWithdrawals else {
        return refuse("this database does not hold the response and already keeps \(Self.maxPendingWithdrawals) withdrawals waiting")
      }
      try db.execute(sql: "INSERT INTO pending_withdrawals (response_id, withdrawn_at, device_id, receipt_code, record_signature) VALUES (?, ?, ?, ?, ?)",
                     arguments: [tombstone.responseID, tombstone.withdrawnAt, tombstone.deviceID, code, tombstone.signature])
      report.pendingWithdrawals += 1
      return
    }
    guard let receipt = Self.receiptHash(row), receipt.matches(code) else {
      return refuse("its receipt code does not match the response")
    }
    try db.execute(sql: "DELETE FROM responses WHERE id = ?", arguments: [tombstone.responseID])
    report.withdrawn += db.changesCount
    try db.execute(sql: "INSERT INTO tombstones (response_id, withdrawn_at, device_id, receipt_code, record_signature) VALUES (?, ?, ?, ?, ?)",
                   arguments: [tombstone.responseID, tombstone.withdrawnAt, tombstone.deviceID, code, tombstone.signature])
    report.newWithdrawals += 1
  }

  /// The most withdrawals a database keeps waiting for responses it does not hold.
  public static let maxPendingWithdrawals = 10_000

  /// The receipt hash a bundle response carries, if it carries one of the right form.
  static func receiptHash(_ response: BundleResponse) -> ReceiptHash? {
    guard let locator = response.receiptLocator, let salt = response.receiptSalt.flatMap({ Data(base64Encoded: $0) }),
          let hash = response.receiptHash.flatMap({ Data(base64Encoded: $0) }) else { return nil }
    return ReceiptHash(locator: locator, salt: [UInt8](salt), hash: [UInt8](hash))
  }
}
