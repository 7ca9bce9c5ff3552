import WijkwebCore

/// Cronbach's alpha per part and dimension as a table, CSV or JSON.
public enum ReliabilityOutput {
  public static func render(_ rows: [Reliability.Row], round: String, format: String) -> String {
    func alpha(_ value: Double?) -> String { value.map { NumberFormat.machine($0, decimals: 3) } ?? "" }
    switch format {
    case "csv":
      return (["round,part,dimension,items,complete_n,cronbach_alpha"] + rows.map { row in
        [round, row.partID, row.dimension.key, String(row.items), String(row.completeCount), alpha(row.alpha)]
          .map(ProfileCSV.escape).joined(separator: ",")
      }).joined(separator: "\n") + "\n"
    case "json":
      let entries = rows.map { row in
        "    {\"part\": \(ProfileJSON.quote(row.partID)), \"dimension\": \(ProfileJSON.quote(row.dimension.key)), "
          + "\"items\": \(row.items), \"complete_n\": \(row.completeCount), \"cronbach_alpha\": \(row.alpha.map { alpha($0) } ?? "null")}"
      }
      return "{\n  \"round\": \(ProfileJSON.quote(round)),\n  \"reliability\": [\n" + entries.joined(separator: ",\n") + "\n  ]\n}\n"
    default:
      var lines = ["Cronbach's alpha, round \(round) (complete answers only; one statement: no alpha)",
                   "part".rightPadded(16) + "dimension".rightPadded(26) + "items".leftPadded(6) + "n".leftPadded(9) + "alpha".leftPadded(8)]
      for row in rows {
        lines.append(row.partID.rightPadded(16) + row.dimension.key.rightPadded(26) + String(row.items).leftPadded(6)
          + String(row.completeCount).leftPadded(9) + (row.alpha.map { NumberFormat.machine($0, decimals: 3) } ?? "-").leftPadded(8))
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }
}
