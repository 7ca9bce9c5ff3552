import Foundation
import GRDB
import WijkwebCore
import WijkwebCrypto

extension Store {
  /// The content machines of one team share, as sorted text lines: two databases that merged the same
  /// bundles, in any order, give the same lines (no row keys, local round ids, install times or row order).
  ///
  /// Shared content, one line kind each (what bundles carry, or what follows from it):
  /// - `revocations`: the team's signed revocation list;
  /// - `certificate`: the team's certificates of the devices that signed a record held here
  ///   (`device_certificates`, and this machine's own certificate when it signed one);
  /// - `questionnaire`: content hash, id, version and the SHA-256 of the source;
  /// - `round`: the signed definition (name, questionnaire, areas, dates, minimum group, retention, seal
  ///   key) and the team's signature;
  /// - `response`: every completed response, readable or sealed (the blob itself), with its receipt
  ///   locator, salt and hash and its record signature and signer;
  /// - `scores`: the part scores of each response, by response id and round name;
  /// - `reflection`: text and review (status, redacted copy, dimension tags, reviewer, date), which
  ///   travels in team-signed review sections (`ReviewSection`);
  /// - `tombstone`: withdrawals proven with the receipt code (the ones that travel), with their signature.
  ///
  /// Machine-local, left out: `meta` (device id), `device_identity` (own keys), `team_identity` (the team
  /// this machine was enrolled into, the same on every machine of a team, and what the lines are checked
  /// against), `audit`, this machine's set-up (areas, population, agenda, `remove_after_sync`), a round's
  /// open/closed status (each machine's own switch, not signed), `created_at`/`installed_at`, interviews in
  /// progress with their `answers` and `demographics` rows, a reflection's `personal_data` flag (set by the
  /// check on the entering laptop), `pending_withdrawals` and withdrawals without receipt code (they never
  /// travel), `central_sent` and `removed_after_sync` (this laptop's sync with a central database), and
  /// rounds the team did not sign (made alone, or by a former local team).
  /// Content the team opened with its key (`unseal`, `bundle import --key`) is readable on the machines
  /// holding the key and sealed elsewhere: those responses differ between the two kinds of machine.
  public func canonicalDump() throws -> [String] {
    try writer.read { db in
      var lines: [String] = []
      func add(_ kind: String, _ sql: String) throws {
        for row in try Row.fetchAll(db, sql: sql) { lines.append(kind + "|" + Self.fields(row)) }
      }
      try add("revocations", "SELECT version, list FROM revocation_list")
      // Responses and withdrawals with the record signature they travel with: the one held, or for one this
      // device holds unsigned (demo data made here, or completed before record signatures) the one its
      // export makes now (Ed25519 is deterministic, so the receivers store exactly that).
      let deviceID = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device_id'") ?? ""
      let signer = try Self.deviceSigner(in: db)
      var origins = Set<String>()
      for row in try Row.fetchAll(db, sql: """
        SELECT \(Self.bundleResponseColumns), r.record_signature, r.record_signer
        FROM responses r JOIN rounds rd ON rd.id = r.round_id WHERE r.status = 'completed'
        """) {
        var response = Self.bundleResponse(row, scores: [:], reflections: [])
        if row["record_signature"] as String? == nil {
          response.reflections = try Row.fetchAll(db, sql: "SELECT prompt_id, text FROM reflections WHERE response_id = ?",
                                                  arguments: [response.id]).map { BundleReflection(promptID: $0["prompt_id"], text: $0["text"]) }
        }
        response = try Self.withRecordSignature(response, row, holder: deviceID, signer: signer)
        if let origin = RecordSignature.signingDevice(response) { origins.insert(origin) }
        lines.append("response|" + Self.fields(Array(row.databaseValues.dropLast(2))) + "|" + [response.signature ?? "∅", response.signedBy ?? "∅"].joined(separator: "|"))
      }
      for row in try Row.fetchAll(db, sql: """
        SELECT response_id, withdrawn_at, device_id, receipt_code, record_signature FROM tombstones WHERE receipt_code IS NOT NULL
        """) {
        var tombstone = BundleTombstone(responseID: row["response_id"], withdrawnAt: row["withdrawn_at"], deviceID: row["device_id"],
                                        receiptCode: row["receipt_code"], signature: row["record_signature"])
        if tombstone.signature == nil && tombstone.deviceID == deviceID { tombstone = try RecordSignature.sign(tombstone, by: signer) }
        if tombstone.signature != nil { origins.insert(tombstone.deviceID) }
        lines.append("tombstone|" + [tombstone.responseID, tombstone.withdrawnAt, tombstone.deviceID, tombstone.receiptCode ?? "∅",
                                     tombstone.signature ?? "∅"].map(Self.escaped).joined(separator: "|"))
      }
      var certificates = Set(try Row.fetchAll(db, sql: "SELECT device_id, certificate FROM device_certificates").map {
        [$0["device_id"] as String, $0["certificate"] as String]
      })
      if let own = try Row.fetchOne(db, sql: """
        SELECT m.value AS device_id, d.certificate FROM device_identity d, meta m WHERE m.key = 'device_id' AND d.certificate IS NOT NULL
        """) {
        certificates.insert([own["device_id"] as String, own["certificate"] as String])
      }
      lines += certificates.filter { origins.contains($0[0]) }.map { "certificate|" + $0.map(Self.escaped).joined(separator: "|") }
      for row in try Row.fetchAll(db, sql: "SELECT content_hash, id, version, source FROM questionnaires") {
        lines.append("questionnaire|\(row["content_hash"] as String)|\(row["id"] as String)|\(row["version"] as Int)|"
                     + SHA256.hex(of: Array((row["source"] as String).utf8)))
      }
      // Only rounds the team signed are the team's: a round made alone (or by a former local team) that the
      // team has not accepted is this machine's own.
      let team = try Self.trustState(in: db).team
      for row in try Row.fetchAll(db, sql: """
        SELECT name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key, team_signature
        FROM rounds
        """) where (try? RoundSignature.verify(Self.bundleRound(row), team: team, with: Ed25519Verifier())) != nil {
        lines.append("round|" + [row["name"], row["questionnaire_hash"], row["area_set"], row["starts_on"], row["ends_on"],
                                 String(row["min_group_size"] as Int), String(row["retention_days"] as Int),
                                 row["seal_public_key"] ?? "∅", row["team_signature"] ?? "∅"].map(Self.escaped).joined(separator: "|"))
      }
      try add("scores", """
        SELECT r.id, s.part_id, s.area_code, rd.name, \(Dimension.allCases.map { "s.\($0.key)" }.joined(separator: ", "))
        FROM part_scores s JOIN responses r ON r.key = s.response_key JOIN rounds rd ON rd.id = s.round_id
        """)
      try add("reflection", """
        SELECT f.response_id, f.prompt_id, f.text, f.review_status, f.redacted_text, f.dimensions, f.reviewed_at, f.reviewer
        FROM reflections f JOIN responses r ON r.id = f.response_id WHERE r.status = 'completed'
        """)
      return lines.sorted()
    }
  }

  /// A row's values joined by `|`, NULL as `∅`, blobs in base64, and `\\`, `|` and line breaks escaped,
  /// so each record is one line that splits back into its fields.
  static func fields(_ row: Row) -> String { fields(Array(row.databaseValues)) }

  static func fields(_ values: [DatabaseValue]) -> String {
    values.map { value in
      switch value.storage {
      case .null: return "∅"
      case .blob(let data): return data.base64EncodedString()
      case .string(let text): return escaped(text)
      default: return value.description
      }
    }.joined(separator: "|")
  }

  /// `text` with `\\`, `|` and line breaks escaped.
  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
      .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
  }
}
