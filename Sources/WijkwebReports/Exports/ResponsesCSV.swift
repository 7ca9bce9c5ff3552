/// The responses as CSV: UTF-8 without a byte order mark, a header row of variable names, one row per
/// response; numbers with a decimal point, "weet niet" as 99, no answer as an empty field. The codebook
/// goes to a CSV file of its own (`CodebookCSV`).
public final class ResponsesCSV: ResponseSink {
  private let codebook: Codebook
  private let data: OutputFile
  private let codebookPath: String

  /// Writes the data to `dataPath` and the codebook to `codebookPath` (both temporary files).
  public init(codebook: Codebook, dataPath: String, codebookPath: String) throws {
    self.codebook = codebook
    self.codebookPath = codebookPath
    data = try OutputFile(path: dataPath)
  }

  public func begin(rowCount: Int) throws {
    try data.write(codebook.variables.map { Self.escape($0.name) }.joined(separator: ",") + "\n")
  }

  public func write(_ values: [ExportValue]) throws {
    var line = ""
    var index = 0
    while index < values.count {
      if index > 0 { line += "," }
      switch values[index] {
      case .text(let text): line += Self.escape(text)
      case let value: line += value.plain
      }
      index += 1
    }
    line += "\n"
    try data.write(line)
  }

  public func finish() throws {
    try data.close()
    let file = try OutputFile(path: codebookPath)
    try file.write(CodebookCSV.render(codebook))
    try file.close()
  }

  /// The codebook beside a CSV export: `out.csv` gives `out-codebook.csv`, `out` gives `out-codebook.csv`.
  public static func codebookPath(for path: String) -> String {
    path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) + "-codebook.csv" : path + "-codebook.csv"
  }

  /// Quotes a field when it holds a comma, quote or line break (RFC 4180).
  public static func escape(_ field: String) -> String {
    // Bytes, not characters: the check runs for every text cell of every row.
    guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
      return field
    }
    var out = "\""
    for character in field {
      if character == "\"" { out += "\"\"" } else { out.append(character) }
    }
    return out + "\""
  }
}
