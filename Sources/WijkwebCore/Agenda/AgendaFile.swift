/// Reads an agenda prepared elsewhere: CSV with the columns of `AgendaRecord.columns` (as `wijkweb agenda
/// export --format csv` writes them; `area_name` and `changed_at` are ignored, the database dates every
/// change itself). Every problem is reported with its line and nothing is used unless the whole file is
/// right. A text that starts with `'` followed by `=`, `+`, `-` or `@` loses the quote the export put in
/// front (the CSV formula guard), so an export reads back as it was.
public enum AgendaFile {
  /// The largest agenda file read at all, in bytes.
  public static let maximumFileBytes = 2_000_000
  /// The most lines one file may hold.
  public static let maximumRecords = 20_000

  /// - Parameters:
  ///   - areaCodes: the areas of the database; any other code is a problem.
  ///   - roundNames: the rounds of the database.
  ///   - allowedNames: place names the personal-data check does not take for people.
  public static func parse(_ text: String, source: String, areaCodes: Set<String>, roundNames: Set<String>,
                           allowedNames: Set<String> = []) throws(FileProblems) -> [AgendaRecord] {
    func fail(_ line: Int?, _ message: String) -> FileProblems {
      FileProblems(source: source, problems: [FileProblem(line: line, message)])
    }
    guard text.utf8.count <= maximumFileBytes else {
      throw fail(nil, "The file is \(text.utf8.count) bytes; an agenda file may be at most \(maximumFileBytes) bytes.")
    }
    let rows = CSV.parse(text)
    guard let header = rows.first else { throw fail(1, "The agenda file is empty; it needs the header \(AgendaRecord.columns.joined(separator: ",")).") }
    guard rows.count <= maximumRecords + 1 else { throw fail(nil, "The file has \(rows.count - 1) lines; at most \(maximumRecords) are allowed.") }
    let names = header.fields.map { $0.trimmingWhitespace.lowercased() }
    let required = AgendaRecord.columns.filter { $0 != "area_name" && $0 != "changed_at" }
    let missing = required.filter { !names.contains($0) }
    guard missing.isEmpty else {
      throw fail(header.line, "The header lacks the column(s) \(missing.joined(separator: ", ")); it must name \(AgendaRecord.columns.joined(separator: ",")).")
    }
    var problems: [FileProblem] = []
    var records: [AgendaRecord] = []
    for row in rows.dropFirst() {
      func field(_ name: String) -> String {
        guard let index = names.firstIndex(of: name), index < row.fields.count else { return "" }
        return Self.unguarded(row.fields[index])
      }
      do throws(AgendaProblem) {
        records.append(try record(field, areaCodes: areaCodes, roundNames: roundNames, allowedNames: allowedNames))
      } catch {
        problems.append(FileProblem(line: row.line, error.message))
      }
      if problems.count >= 100 { break }
    }
    guard problems.isEmpty else { throw FileProblems(source: source, problems: problems) }
    return records
  }

  static func record(_ field: (String) -> String, areaCodes: Set<String>, roundNames: Set<String>,
                     allowedNames: Set<String>) throws(AgendaProblem) -> AgendaRecord {
    let area = field("area_code").trimmingWhitespace
    guard areaCodes.contains(area) else {
      throw AgendaProblem(.unknown, field: nil, "There is no area \"\(TerminalText.visible(String(area.prefix(40))))\" in this database; `wijkweb areas list` shows the codes.")
    }
    let kind = field("kind").trimmingWhitespace.lowercased()
    let dimension = try AgendaRules.dimension(field("dimension"))
    if kind == "ondergrens" {
      let floor = Floor(areaCode: area, dimension: dimension, value: try AgendaRules.floorValue(field("value")),
                        agreedBy: field("agreed_by"), agreedOn: field("agreed_on"))
      return .floor(try AgendaRules.floor(floor, allowedNames: allowedNames))
    }
    let round = field("round").trimmingWhitespace
    guard roundNames.contains(round) else {
      throw AgendaProblem(.unknown, field: nil, "There is no round \"\(TerminalText.visible(String(round.prefix(60))))\" in this database; `wijkweb round list` shows them.")
    }
    switch kind {
    case "herkenning":
      let value = AgendaRecognition(dimension: dimension, recognition: try AgendaRules.recognition(field("recognition")),
                                    note: try AgendaRules.text(field("note"), .note, allowedNames: allowedNames))
      return .recognition(areaCode: area, roundName: round, value)
    case "opgave":
      let task = AgendaTask(dimension: dimension, text: try AgendaRules.text(field("text"), .opgave, allowedNames: allowedNames))
      return .task(areaCode: area, roundName: round, task)
    case "actie":
      let action = AgendaAction(dimension: dimension, what: field("text"), who: field("who"), due: field("due"),
                                status: try AgendaRules.status(field("status")), note: field("note"))
      return .action(areaCode: area, roundName: round, try AgendaRules.action(action, allowedNames: allowedNames))
    default:
      throw AgendaProblem(.badChoice, field: nil, "\"\(TerminalText.visible(String(kind.prefix(40))))\" is no kind of agenda line; use herkenning, opgave, actie or ondergrens.")
    }
  }

  /// A field without the quote the CSV formula guard put in front of `=`, `+`, `-`, `@`.
  static func unguarded(_ field: String) -> String {
    guard field.hasPrefix("'"), let second = field.dropFirst().first, "=+-@".contains(second) else { return field }
    return String(field.dropFirst())
  }
}
