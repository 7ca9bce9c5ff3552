import Foundation
import WijkwebCore

/// What the central database said about one submitted record.
public struct SubmitOutcome: Hashable, Sendable {
  public enum Kind: String, Sendable { case response, withdrawal }
  /// `withdrawn`: the server keeps a withdrawal of this response, so it will never keep the response.
  public enum Result: String, Sendable { case sent, already, withdrawn, refused }
  public var kind: Kind
  public var id: String
  public var result: Result
  public var reason: String?
}

/// Sending a laptop's records through `wijkweb.submit`, the only function a device may call.
public enum CentralSubmit {
  /// The central database's installation id: what a laptop keys its "confirmed sent" records by.
  public static func installation(_ connection: Connection) throws -> String {
    guard let id = try connection.query("SELECT wijkweb.installation()").first?.first ?? nil else {
      throw CentralError("The central database has no installation id; run `wijkweb central init` there first.")
    }
    return id
  }

  /// Submits one batch; the server keeps each record once by id, in one transaction for the batch.
  public static func submit(responses: [BundleResponse], withdrawals: [BundleTombstone], on connection: Connection) throws -> [SubmitOutcome] {
    let records = responses.map(Record.response) + withdrawals.map(Record.withdrawal)
    guard !records.isEmpty else { return [] }
    let json = String(decoding: try JSONEncoder().encode(records), as: UTF8.self)
    return try connection.query("SELECT kind, id, outcome, reason FROM wijkweb.submit($1::jsonb)", [json]).map { row in
      guard let kind = row[0].flatMap(SubmitOutcome.Kind.init(rawValue:)), let result = row[2].flatMap(SubmitOutcome.Result.init(rawValue:)) else {
        throw CentralError("The central database gave an answer Wijkweb does not know; update the program or the server's schema.")
      }
      return SubmitOutcome(kind: kind, id: row[1] ?? "", result: result, reason: row[3].map(CentralError.printable))
    }
  }

  enum Record: Encodable {
    case response(BundleResponse)
    case withdrawal(BundleTombstone)

    enum CodingKeys: String, CodingKey { case kind, record }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case .response(let response):
        try container.encode("response", forKey: .kind)
        try container.encode(response, forKey: .record)
      case .withdrawal(let tombstone):
        try container.encode("withdrawal", forKey: .kind)
        try container.encode(tombstone, forKey: .record)
      }
    }
  }
}

/// An admin copies a laptop's set-up to the central database: areas, questionnaires and rounds that are
/// not there yet (existing ones are left as they are).
public enum CentralPublish {
  public struct Counts: Equatable, Sendable {
    public var areas = 0, questionnaires = 0, rounds = 0
  }

  public static func publish(areas: [Area], questionnaires: [BundleQuestionnaire], rounds: [BundleRound], on connection: Connection) throws -> Counts {
    try connection.transaction {
      var counts = Counts()
      // Parents first: a child's parent must exist before it.
      var pending = areas, placed = Set(try connection.query("SELECT code FROM wijkweb.areas").compactMap { $0[0] })
      while !pending.isEmpty {
        let ready = pending.filter { $0.parentCode == nil || placed.contains($0.parentCode!) }
        guard !ready.isEmpty else { throw CentralError("Area \(pending[0].code) names a parent that does not exist; nothing was published.") }
        for area in ready {
          counts.areas += try inserted(connection.query("""
            INSERT INTO wijkweb.areas (code, level, name, parent_code, aliases) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (code) DO NOTHING RETURNING 1
            """, [area.code, area.level.rawValue, area.name, area.parentCode, area.aliases.joined(separator: ";")]))
          placed.insert(area.code)
        }
        pending.removeAll { area in ready.contains { $0.code == area.code } }
      }
      for questionnaire in questionnaires {
        counts.questionnaires += try inserted(connection.query("""
          INSERT INTO wijkweb.questionnaires (content_hash, id, version, source) VALUES ($1, $2, $3, $4)
          ON CONFLICT (content_hash) DO NOTHING RETURNING 1
          """, [questionnaire.contentHash, questionnaire.id, String(questionnaire.version), questionnaire.source]))
      }
      for round in rounds {
        counts.rounds += try inserted(connection.query("""
          INSERT INTO wijkweb.rounds (name, questionnaire_hash, area_set, starts_on, ends_on, min_group_size, retention_days, status, seal_public_key)
          VALUES ($1, $2, $3, $4::date, $5::date, $6::integer, $7::integer, $8, $9)
          ON CONFLICT (name) DO NOTHING RETURNING 1
          """, [round.name, round.questionnaireHash, round.areaSet, round.startsOn, round.endsOn, String(round.minGroupSize),
                String(round.retentionDays), round.status, round.sealPublicKey]))
      }
      try connection.query("INSERT INTO wijkweb.audit (action, detail) VALUES ('publish', $1)",
                           ["\(counts.areas) areas, \(counts.questionnaires) questionnaires, \(counts.rounds) rounds added"])
      return counts
    }
  }

  private static func inserted(_ rows: [[String?]]) -> Int { rows.count }
}
