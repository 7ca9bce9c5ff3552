import WijkwebCore
import WijkwebFiles

/// The wijkagenda across areas and rounds for the council's overview: one line per recognition, opgave,
/// action and ondergrens under the columns of `AgendaRecord.columns`, as CSV (every text through the
/// formula guard), XLSX (the value as a number, days as dates) or JSON. The CSV reads back with
/// `wijkweb agenda import`.
public enum AgendaExport {
  public enum Format: String, CaseIterable, Sendable { case csv, xlsx, json }

  /// The columns written as numbers (XLSX, JSON) rather than text.
  static let numeric: Set<String> = ["value"]
  /// The columns written as days in XLSX.
  static let days: Set<String> = ["due", "agreed_on"]

  /// Writes `records` to `file` (not committed); `areaNames` maps codes to names for the `area_name` column.
  public static func write(_ records: [AgendaRecord], areaNames: [String: String], format: Format, to file: AtomicFile) throws {
    switch format {
    case .csv: try file.write(csv(records, areaNames: areaNames))
    case .json: try file.write(json(records, areaNames: areaNames))
    case .xlsx: try xlsx(records, areaNames: areaNames, to: file)
    }
  }

  public static func csv(_ records: [AgendaRecord], areaNames: [String: String]) -> String {
    var out = AgendaRecord.columns.joined(separator: ",") + "\r\n"
    for record in records {
      let fields = record.fields(areaName: areaNames[record.areaCode] ?? "")
      out += zip(AgendaRecord.columns, fields).map { name, value in numeric.contains(name) ? value : CSVField.text(value) }
        .joined(separator: ",") + "\r\n"
    }
    return out
  }

  public static func json(_ records: [AgendaRecord], areaNames: [String: String]) -> String {
    var out = "{\n  \"agenda\": ["
    for (index, record) in records.enumerated() {
      let fields = record.fields(areaName: areaNames[record.areaCode] ?? "")
      let pairs = zip(AgendaRecord.columns, fields).map { name, value -> String in
        let rendered = value.isEmpty && name != "kind" && name != "area_code" ? "null"
          : numeric.contains(name) ? value : ProfileJSON.quote(value)
        return ProfileJSON.quote(name) + ": " + rendered
      }
      out += (index == 0 ? "\n" : ",\n") + "    {" + pairs.joined(separator: ", ") + "}"
    }
    return out + (records.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
  }

  static func xlsx(_ records: [AgendaRecord], areaNames: [String: String], to file: AtomicFile) throws {
    let workbook = try XLSXWorkbook(file: file)
    let sheet = try workbook.sheet("wijkagenda")
    try sheet.header(AgendaRecord.columns)
    for (index, record) in records.enumerated() {
      for (column, (name, value)) in zip(AgendaRecord.columns, record.fields(areaName: areaNames[record.areaCode] ?? "")).enumerated()
      where !value.isEmpty {
        if numeric.contains(name), let number = Double(value) {
          try sheet.number(index + 1, column, number)
        } else if days.contains(name) {
          try sheet.day(index + 1, column, value)
        } else {
          try sheet.string(index + 1, column, value)
        }
      }
    }
    try workbook.close()
  }
}
