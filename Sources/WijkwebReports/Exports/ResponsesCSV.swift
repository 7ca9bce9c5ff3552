import WijkwebFiles
/// The responses as CSV: UTF-8 without a byte order mark, a header row of variable names, one row per
/// response; numbers with a decimal point, "weet niet" as 99, no answer as an empty field; a text that
/// starts like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a `'` in front. The codebook
/// goes to a CSV file of its own (`CodebookCSV`).
public final class ResponsesCSV: ResponseSink {
  private let codebook: Codebook
  private let data: AtomicFile
  private let codebookFile: AtomicFile

  /// Writes the data into `data` and the codebook into `codebookFile`; the caller commits both after `finish`.
  public init(codebook: Codebook, data: AtomicFile, codebookFile: AtomicFile) {
    self.codebook = codebook
    self.data = data
    self.codebookFile = codebookFile
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
    try data.flush()
    try codebookFile.write(CodebookCSV.render(codebook))
    try codebookFile.flush()
  }

  /// The codebook beside a CSV export: `out.csv` gives `out-codebook.csv`, `out` gives `out-codebook.csv`.
  public static func codebookPath(for path: String) -> String {
    path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) + "-codebook.csv" : path + "-codebook.csv"
  }

  /// A text field: neutralised when it starts like a formula, quoted when needed (`CSVField`).
  public static func escape(_ field: String) -> String { CSVField.text(field) }
}
