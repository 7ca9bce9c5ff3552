import Foundation
import GRDB
import WijkwebCore

extension Store {
  /// Stores indicators in one transaction: a row of the same area, indicator and year replaces the stored
  /// one. Audited with the file's name and the count.
  public func importIndicators(_ indicators: [Indicator], source: String, actor: String, now: Date = Date()) throws {
    try writer.write { db in
      let stamp = Self.timestamp(now)
      for indicator in indicators {
        try db.execute(sql: """
          INSERT OR REPLACE INTO indicators (area_code, indicator_id, label_nl, label_en, value, unit, year, source, dimension,
            higher_is_better, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: [indicator.areaCode, indicator.id, indicator.label.text(.dutch), indicator.label.text(.english), indicator.value,
                           indicator.unit, indicator.year, indicator.source, indicator.dimension.key, indicator.higherIsBetter ? 1 : 0, stamp])
      }
      try Self.audit("indicators", detail: "\(indicators.count) indicator values from \(source)", actor: actor, at: now, in: db)
    }
  }

  /// Every stored indicator, by area, indicator and year.
  public func indicators() throws -> [Indicator] {
    try writer.read { db in
      try Row.fetchAll(db, sql: """
        SELECT area_code, indicator_id, label_nl, label_en, value, unit, year, source, dimension, higher_is_better
        FROM indicators ORDER BY area_code, indicator_id, year
        """).compactMap { row in
        guard let dimension = Dimension(rawValue: row["dimension"]) else { return nil }
        return Indicator(areaCode: row["area_code"], id: row["indicator_id"],
                         label: LocalizedText([.dutch: row["label_nl"], .english: row["label_en"]]), value: row["value"],
                         unit: row["unit"], year: row["year"], source: row["source"], dimension: dimension,
                         higherIsBetter: (row["higher_is_better"] as Int) == 1)
      }
    }
  }
}
