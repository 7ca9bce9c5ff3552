import Foundation
import WijkwebCore

/// The sums a profile is made of, computed by PostgreSQL with GROUP BY so only aggregates travel: per
/// area (as stored on the responses), part and dimension, the number of scores, their sum and sum of
/// squares, and a histogram of whole points (0 to 10; 10 holds exactly 10). Runs with the caller's rights,
/// so a team gets its own gebieden only (row-level security), and cells of fewer responses than the
/// round's minimum group size are left out on the server.
public struct AggregateCell: Codable, Hashable, Sendable {
  public var area: String?
  public var part: String
  public var dimension: String
  public var responses: Int
  public var count: Int
  public var sum: Double
  public var sumOfSquares: Double
  public var histogram: [Int]

  enum CodingKeys: String, CodingKey {
    case area, part, dimension, responses, count, sum, histogram
    case sumOfSquares = "sum_of_squares"
  }
}

public enum CentralAggregates {
  public static func cells(round: String, on connection: Connection) throws -> [AggregateCell] {
    guard try !connection.query("SELECT 1 FROM wijkweb.rounds WHERE name = $1", [round]).isEmpty else {
      throw CentralError(LocalizedMessage(.centralNoRound, CentralError.printable(round)))
    }
    let dimensions = Dimension.allCases.map(\.key)
    let values = dimensions.map { "('\($0)', s.\($0))" }.joined(separator: ", ")
    let bins = (0...10).map { k in
      k == 10 ? "count(*) FILTER (WHERE d.score >= 10)" : "count(*) FILTER (WHERE d.score >= \(k) AND d.score < \(k + 1))"
    }.joined(separator: " || ',' || ")
    // One pass over the round's scores: every aggregate is a plain or filtered count or sum.
    let rows = try connection.query("""
      SELECT s.area_code, s.part_id, d.dimension, count(*), count(d.score), coalesce(sum(d.score), 0),
             coalesce(sum(d.score * d.score), 0), \(bins)
      FROM wijkweb.part_scores s
      JOIN wijkweb.rounds rd ON rd.id = s.round_id
      CROSS JOIN LATERAL (VALUES \(values)) AS d (dimension, score)
      WHERE rd.name = $1
      GROUP BY s.area_code, s.part_id, d.dimension
      HAVING count(*) >= min(rd.min_group_size)
      ORDER BY s.area_code NULLS FIRST, s.part_id, array_position(ARRAY[\(dimensions.map { "'\($0)'" }.joined(separator: ", "))], d.dimension)
      """, [round])
    return rows.map { row in
      AggregateCell(area: row[0], part: row[1] ?? "", dimension: row[2] ?? "", responses: Int(row[3] ?? "") ?? 0,
                    count: Int(row[4] ?? "") ?? 0, sum: Double(row[5] ?? "") ?? 0, sumOfSquares: Double(row[6] ?? "") ?? 0,
                    histogram: (row[7] ?? "").split(separator: ",").compactMap { Int($0) })
    }
  }
}
