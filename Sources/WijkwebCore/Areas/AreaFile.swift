/// Reads an area file: CSV with the header `level,code,name,parent_code[,aliases][,kind]`, aliases separated
/// by `;`, kind one of `AreaKind` (stadswijk, dorp, kern, buurtschap, buitengebied, bedrijventerrein) or empty. Checks levels, duplicate codes, unknown parents, parents at the wrong level and cycles, and
/// reports every problem with its line.
public enum AreaFile {
  /// The largest area file read at all, in bytes (checked before parsing).
  public static let maximumFileBytes = 10_000_000
  /// The most areas one file may hold.
  public static let maximumAreas = 100_000
  /// The longest code, name or alias list, in characters.
  public static let maximumFieldLength = 500

  public static func parse(_ text: String, source: String, known: [Area] = []) throws -> [Area] {
    guard text.utf8.count <= maximumFileBytes else {
      throw FileProblems(source: source, problems: [FileProblem(line: nil,
        "The file is \(text.utf8.count) bytes; an area file may be at most \(maximumFileBytes) bytes.")])
    }
    let rows = CSV.parse(text)
    guard rows.count <= maximumAreas + 1 else {
      throw FileProblems(source: source, problems: [FileProblem(line: nil,
        "The file has \(rows.count - 1) areas; at most \(maximumAreas) are allowed.")])
    }
    var problems: [FileProblem] = []
    guard let header = rows.first else {
      throw FileProblems(source: source, problems: [FileProblem(line: 1, "The area file is empty; it needs the header level,code,name,parent_code,aliases.")])
    }
    let columns = header.fields.map { $0.trimmingWhitespace.lowercased() }
    func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
    guard let levelColumn = column("level"), let codeColumn = column("code"), let nameColumn = column("name"),
          let parentColumn = column("parent_code") else {
      throw FileProblems(source: source, problems: [FileProblem(line: header.line,
        "The header must name the columns level, code, name and parent_code (and optionally aliases); it has \(columns.joined(separator: ","))." )])
    }
    let aliasColumn = column("aliases")
    let kindColumn = column("kind")
    var areas: [Area] = []
    var lineOf: [String: Int] = [:]
    for row in rows.dropFirst() {
      func field(_ index: Int) -> String { index < row.fields.count ? row.fields[index].trimmingWhitespace : "" }
      let levelText = field(levelColumn).lowercased()
      let code = field(codeColumn)
      let name = field(nameColumn)
      let parent = field(parentColumn)
      guard let level = AreaLevel(rawValue: levelText) else {
        problems.append(FileProblem(line: row.line, "Unknown level \"\(levelText)\"; use gemeente, gebied, wijk or buurt."))
        continue
      }
      if code.isEmpty || name.isEmpty {
        problems.append(FileProblem(line: row.line, "Every area needs a code and a name."))
        continue
      }
      if row.fields.contains(where: { $0.count > maximumFieldLength }) {
        problems.append(FileProblem(line: row.line, "A field is longer than \(maximumFieldLength) characters."))
        continue
      }
      let kindText = kindColumn.map { field($0).lowercased() } ?? ""
      let kind = AreaKind(rawValue: kindText)
      if !kindText.isEmpty && kind == nil {
        problems.append(FileProblem(line: row.line,
          "Unknown kind \"\(TerminalText.visible(kindText))\"; use \(AreaKind.allCases.map(\.rawValue).joined(separator: ", ")) or leave it empty."))
        continue
      }
      if let first = lineOf[code] {
        problems.append(FileProblem(line: row.line, "The code \(code) is used twice (first on line \(first))."))
        continue
      }
      if level == .gemeente && !parent.isEmpty {
        problems.append(FileProblem(line: row.line, "A gemeente has no parent, but \(code) names \(parent)."))
      }
      if level != .gemeente && parent.isEmpty {
        problems.append(FileProblem(line: row.line, "The \(level.rawValue) \(code) needs a parent_code."))
      }
      lineOf[code] = row.line
      let aliases = aliasColumn.map { field($0).split(separator: ";").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty } } ?? []
      areas.append(Area(code: code, level: level, name: name, parentCode: parent.isEmpty ? nil : parent, aliases: aliases, kind: kind))
    }
    var byCode = Dictionary(known.map { ($0.code, $0) }, uniquingKeysWith: { _, new in new })
    for area in areas { byCode[area.code] = area }
    for area in areas {
      guard let parentCode = area.parentCode else { continue }
      guard let parent = byCode[parentCode] else {
        problems.append(FileProblem(line: lineOf[area.code], "The parent \(parentCode) of \(area.code) is not in the file or the database."))
        continue
      }
      if parent.level >= area.level {
        problems.append(FileProblem(line: lineOf[area.code],
          "\(area.code) is a \(area.level.rawValue) but its parent \(parentCode) is a \(parent.level.rawValue); a parent must be a larger area."))
      }
      // Parents are strictly larger, so a sound chain has at most four links; a longer one broke that
      // order somewhere, which is reported above for that area. The walk stops there, so a file of
      // thousands of areas in one long cycle is checked in linear time (it took seconds, found by fuzzing).
      var seen: Set<String> = [area.code]
      var current = parent
      while let next = current.parentCode, seen.count <= AreaLevel.allCases.count {
        if !seen.insert(current.code).inserted || next == area.code {
          problems.append(FileProblem(line: lineOf[area.code], "\(area.code) is its own ancestor (a cycle through \(current.code))."))
          break
        }
        guard let up = byCode[next] else { break }
        current = up
      }
    }
    if !problems.isEmpty { throw FileProblems(source: source, problems: problems) }
    return areas
  }
}
