import Foundation
import WijkwebCore

/// Loads responses into the central database with COPY, as the database owner: the bulk path for
/// `demo --db postgresql://...` (synthetic responses made on this machine), not for devices, which only
/// submit through `wijkweb.submit` with its checks. The server computes each response's record key.
public enum CentralLoad {
  /// Copies `responses` (with their part scores; readable, unsealed, without reflections) in one
  /// transaction; their rounds must be on the server. Returns how many responses were stored.
  @discardableResult
  public static func copy(_ responses: [BundleResponse], on connection: Connection) throws -> Int {
    guard !responses.isEmpty else { return 0 }
    let rounds = Dictionary(try connection.query("SELECT name, id FROM wijkweb.rounds").map { ($0[0] ?? "", $0[1] ?? "") },
                            uniquingKeysWith: { first, _ in first })
    if let missing = responses.first(where: { rounds[$0.round] == nil }) {
      throw CentralError("Round \"\(CentralError.printable(missing.round))\" is not on the central database; nothing was loaded.")
    }
    return try connection.transaction {
      let stored = try connection.copy("""
        COPY wijkweb.responses (id, round_id, questionnaire_id, questionnaire_version, questionnaire_hash, device_id, volunteer_code,
          language, area_code, started_at, completed_at, packed_answers, packed_demographics) FROM STDIN
        """, rows: responses.lazy.map { r in
        [r.id, rounds[r.round], r.questionnaireID, String(r.questionnaireVersion), r.questionnaireHash, r.deviceID, r.volunteerCode,
         r.language, r.areaCode, r.startedAt, r.completedAt, r.packedAnswers.isEmpty ? nil : r.packedAnswers,
         r.packedDemographics.isEmpty ? nil : r.packedDemographics]
      })
      try connection.copy("""
        COPY wijkweb.part_scores (response_id, part_id, round_id, area_code, \(CentralSchema.dimensions.joined(separator: ", "))) FROM STDIN
        """, rows: responses.lazy.flatMap { r in
        r.scores.sorted { $0.key < $1.key }.map { part, values in
          [r.id, part, rounds[r.round], r.areaCode] + (0 ..< 6).map { index in index < values.count ? values[index].map { "\($0)" } : nil }
        }
      })
      return stored
    }
  }
}
