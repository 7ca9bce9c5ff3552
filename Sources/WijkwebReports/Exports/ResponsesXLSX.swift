import WijkwebFiles
/// The responses as an .xlsx workbook: a data sheet (a header row of variable names, one row per
/// response; answers and scores as numbers, the completion day as a date) and a codebook sheet with the
/// columns of `CodebookCSV`.
public final class ResponsesXLSX: ResponseSink {
  private let codebook: Codebook
  private let workbook: XLSXWorkbook
  private let data: XLSXSheet
  private var row = 0

  /// Sheet names follow `language`: `gegevens`/`codeboek` in Dutch, `data`/`codebook` in English.
  /// Writes into `file` (the caller commits it after `finish`).
  public init(codebook: Codebook, file: AtomicFile, english: Bool = false) throws {
    self.codebook = codebook
    workbook = try XLSXWorkbook(file: file)
    data = try workbook.sheet(english ? "data" : "gegevens")
    let sheet = try workbook.sheet(english ? "codebook" : "codeboek")
    try sheet.header(CodebookCSV.columns)
    for (index, variable) in codebook.variables.enumerated() {
      for (column, field) in CodebookCSV.fields(variable).enumerated() where !field.isEmpty {
        try sheet.string(index + 1, column, field)
      }
    }
    for (index, note) in codebook.notes.enumerated() {
      for (column, field) in CodebookCSV.fields(note).enumerated() where !field.isEmpty {
        try sheet.string(codebook.variables.count + 1 + index, column, field)
      }
    }
  }

  public func begin(rowCount: Int) throws {
    guard rowCount < XLSXWorkbook.maximumRows else {
      throw ExportError(
        "\(rowCount) responses do not fit in one spreadsheet (at most \(XLSXWorkbook.maximumRows - 1) rows); use --format csv or sav.")
    }
    try data.header(codebook.variables.map(\.name))
  }

  public func write(_ values: [ExportValue]) throws {
    row += 1
    for column in 0 ..< values.count { try data.value(row, column, values[column]) }
  }

  public func finish() throws { try workbook.close() }
}
