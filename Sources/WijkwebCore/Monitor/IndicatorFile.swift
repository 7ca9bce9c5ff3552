/// Reads per-area indicators from CSV, as the wijkkompas, basismonitor, Monitor Sociale Kracht, GGD and CBS
/// tables can be saved: the columns `area_code, indicator_id, label_nl, label_en, value, unit, year, source,
/// dimension, higher_is_better` in any order. Every problem with its line: an unknown area code, a value
/// that is not a number, a year outside 1900-2100, an unknown dimension, a text with control characters
/// (such as ESC), a text too long, the same area, indicator and year twice.
public enum IndicatorFile {
  public static let maximumFileBytes = 10_000_000
  public static let maximumRows = 200_000
  public static let maximumTextLength = 200
  public static let columns = ["area_code", "indicator_id", "label_nl", "label_en", "value", "unit", "year", "source",
                               "dimension", "higher_is_better"]

  public static func parse(_ text: String, source: String, known: Set<String>) throws -> [Indicator] {
    func fail(_ line: Int?, _ message: String) -> FileProblems { FileProblems(source: source, problems: [FileProblem(line: line, message)]) }
    guard text.utf8.count <= maximumFileBytes else {
      throw fail(nil, "The file is \(text.utf8.count) bytes; an indicator file may be at most \(maximumFileBytes) bytes.")
    }
    let rows = CSV.parse(text)
    guard rows.count <= maximumRows + 1 else { throw fail(nil, "The file has \(rows.count - 1) rows; at most \(maximumRows) are allowed.") }
    guard let header = rows.first else { throw fail(1, "The file is empty; it needs the header \(columns.joined(separator: ",")).") }
    let names = header.fields.map { $0.trimmingWhitespace.lowercased() }
    let missing = columns.filter { !names.contains($0) }
    guard missing.isEmpty else {
      throw fail(header.line, "The header lacks \(missing.joined(separator: ", ")); it needs \(columns.joined(separator: ",")).")
    }
    let index = Dictionary(columns.map { name in (name, names.firstIndex(of: name) ?? 0) }, uniquingKeysWith: { first, _ in first })
    var problems: [FileProblem] = []
    var result: [Indicator] = []
    var seen: [String: Int] = [:]
    for row in rows.dropFirst() {
      func field(_ name: String) -> String {
        let position = index[name] ?? 0
        return position < row.fields.count ? row.fields[position].trimmingWhitespace : ""
      }
      func shown(_ value: String) -> String { TerminalText.visible(String(value.prefix(40))) }
      if row.fields.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { continue }
      if let bad = columns.first(where: { name in field(name).unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80 ... 0x9F).contains($0.value) } }) {
        problems.append(FileProblem(line: row.line, "\(bad) holds a control character (such as ESC); write it as one plain line."))
        continue
      }
      if let long = columns.first(where: { field($0).count > maximumTextLength }) {
        problems.append(FileProblem(line: row.line, "\(long) is longer than \(maximumTextLength) characters."))
        continue
      }
      let code = field("area_code")
      guard known.contains(code) else {
        problems.append(FileProblem(line: row.line, "Unknown area code \"\(shown(code))\"; load the area list first or correct the code."))
        continue
      }
      let id = field("indicator_id")
      guard !id.isEmpty, id.count <= 60, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
        problems.append(FileProblem(line: row.line, "indicator_id \"\(shown(id))\" must be 1 to 60 letters, digits, '-', '_' or '.'."))
        continue
      }
      let valueText = field("value").replacingAll(",", with: ".")
      guard let value = Double(valueText), value.isFinite, abs(value) < 1e12 else {
        problems.append(FileProblem(line: row.line, "value of \(id) is \"\(shown(field("value")))\", not a number."))
        continue
      }
      guard let year = Int(field("year")), (1900 ... 2100).contains(year) else {
        problems.append(FileProblem(line: row.line, "year of \(id) is \"\(shown(field("year")))\", not a year from 1900 to 2100."))
        continue
      }
      guard let dimension = Dimension(rawValue: field("dimension").lowercased()) else {
        problems.append(FileProblem(line: row.line,
          "dimension of \(id) is \"\(shown(field("dimension")))\"; use \(Dimension.allCases.map(\.key).joined(separator: ", "))."))
        continue
      }
      let better: Bool
      switch field("higher_is_better").lowercased() {
      case "1", "ja", "yes", "true": better = true
      case "0", "nee", "no", "false": better = false
      default:
        problems.append(FileProblem(line: row.line, "higher_is_better of \(id) is \"\(shown(field("higher_is_better")))\"; use 1 or 0 (ja or nee)."))
        continue
      }
      let labelNL = field("label_nl"), labelEN = field("label_en"), sourceName = field("source")
      guard !labelNL.isEmpty, !sourceName.isEmpty else {
        problems.append(FileProblem(line: row.line, "\(id) needs label_nl and source."))
        continue
      }
      let key = "\(code)|\(id)|\(year)"
      if let first = seen[key] {
        problems.append(FileProblem(line: row.line, "\(id) of \(code) for \(year) is given twice (first on line \(first))."))
        continue
      }
      seen[key] = row.line
      result.append(Indicator(areaCode: code, id: id, label: LocalizedText([.dutch: labelNL, .english: labelEN.isEmpty ? labelNL : labelEN]),
                              value: value, unit: field("unit"), year: year, source: sourceName, dimension: dimension, higherIsBetter: better))
    }
    if !problems.isEmpty { throw FileProblems(source: source, problems: problems) }
    return result
  }
}
