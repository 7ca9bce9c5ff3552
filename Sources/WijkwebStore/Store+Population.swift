import Foundation
import GRDB
import WijkwebCore

/// One completed response as weighting needs it: its row key, area and packed demographics.
public struct WeightingRow: Sendable {
  public var responseKey: Int64
  public var areaCode: String?
  public var packedDemographics: String

  public init(responseKey: Int64, areaCode: String?, packedDemographics: String) {
    self.responseKey = responseKey
    self.areaCode = areaCode
    self.packedDemographics = packedDemographics
  }
}

extension Store {
  /// Replaces the population margins of a round (all areas at once), with an audit entry.
  public func setPopulation(roundID: Int64, roundName: String, _ populations: [AreaPopulation], source: String, actor: String) throws {
    try writer.write { db in
      try db.execute(sql: "DELETE FROM population WHERE round_id = ?", arguments: [roundID])
      let insert = try db.makeStatement(sql: """
        INSERT INTO population (round_id, area_code, men, women, age_15_24, age_25_44, age_45_64, age_65_plus)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
      for area in populations {
        try insert.execute(arguments: [roundID, area.areaCode, area.sex[0], area.sex[1], area.age[0], area.age[1], area.age[2], area.age[3]])
      }
      try Self.audit("population", detail: "\(roundName): \(populations.count) areas from \(source)", actor: actor, at: Date(), in: db)
    }
  }

  /// The population margins of a round (empty: the round cannot be weighted).
  public func population(roundID: Int64) throws -> [AreaPopulation] {
    try writer.read { db in
      try Row.fetchAll(db, sql: """
        SELECT area_code, men, women, age_15_24, age_25_44, age_45_64, age_65_plus FROM population WHERE round_id = ? ORDER BY area_code
        """, arguments: [roundID]).map { row in
        AreaPopulation(areaCode: row["area_code"], sex: [row["men"], row["women"]],
                       age: [row["age_15_24"], row["age_25_44"], row["age_45_64"], row["age_65_plus"]])
      }
    }
  }

  /// Calls `body` for each completed response of a round with what weighting needs, in one pass.
  public func forEachWeightingRow(roundID: Int64, _ body: (WeightingRow) throws -> Void) throws {
    try writer.read { db in
      let cursor = try Row.fetchCursor(db, sql: """
        SELECT key, area_code, packed_demographics FROM responses WHERE round_id = ? AND status = 'completed' AND sealed IS NULL
        """, arguments: [roundID])
      while let row = try cursor.next() {
        try body(WeightingRow(responseKey: row[0], areaCode: row[1], packedDemographics: row[2] ?? ""))
      }
    }
  }
}
