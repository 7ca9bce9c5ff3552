import CXlsxWriter
#if canImport(Glibc)
import Glibc
#endif
import WijkwebFiles

/// An .xlsx file written through libxlsxwriter in constant-memory mode: every sheet is written row by
/// row to a temporary file and zipped at `close`, so a sheet of 100 000 rows needs no more memory than one.
/// Those temporary files (free text included) go to the export's own folder, not to /tmp, and the
/// workbook itself to the atomic writer's owner-only temporary file.
final class XLSXWorkbook {
  /// The most rows a sheet can hold (Excel's limit).
  static let maximumRows = 1_048_576

  private let workbook: UnsafeMutablePointer<lxw_workbook>
  private let path: String
  let bold: UnsafeMutablePointer<lxw_format>?
  let date: UnsafeMutablePointer<lxw_format>?
  private var closed = false
  private let temporaryFolder: UnsafeMutablePointer<CChar>?
  /// The atomic writer's temporary file the workbook is zipped into.
  private let temporaryPath: String
  /// Per sheet, the widest value written to each column, in characters (for the column widths).
  fileprivate var widths: [[Int]] = []
  private var sheets: [UnsafeMutablePointer<lxw_worksheet>] = []
  /// Column widths are capped so a long text does not make a column wider than a screen.
  static let maximumColumnWidth = 60

  init(file: AtomicFile) throws {
    path = file.path
    temporaryPath = file.temporaryPath
    temporaryFolder = strdup(file.folder)
    var options = lxw_workbook_options(
      constant_memory: UInt8(LXW_TRUE.rawValue), tmpdir: temporaryFolder, use_zip64: UInt8(LXW_TRUE.rawValue))
    guard let workbook = workbook_new_opt(file.temporaryPath, &options) else {
      free(temporaryFolder)
      throw ExportError("Cannot start the spreadsheet \(path). Check that the folder is writable and the disk has space.")
    }
    self.workbook = workbook
    bold = workbook_add_format(workbook)
    format_set_bold(bold)
    date = workbook_add_format(workbook)
    format_set_num_format(date, "yyyy-mm-dd")
  }

  deinit {
    // A workbook abandoned after an error still frees its memory and temporary files.
    if !closed {
      _ = workbook_close(workbook)
      // Abandoned: what was zipped is not wanted, whichever of the workbook and its file goes first.
      _ = unlink(temporaryPath)
    }
    free(temporaryFolder)
  }

  /// Adds a sheet (names are at most 31 characters in Excel).
  func sheet(_ name: String) throws -> XLSXSheet {
    guard let sheet = workbook_add_worksheet(workbook, name) else {
      throw ExportError("Cannot add the sheet \(name) to \(path).")
    }
    sheets.append(sheet)
    widths.append([])
    return XLSXSheet(sheet: sheet, index: sheets.count - 1, workbook: self)
  }

  /// Zips the sheets into the file, each column as wide as its widest value (a day needs 10 characters).
  func close() throws {
    for (sheet, columns) in zip(sheets, widths) {
      for (column, characters) in columns.enumerated() where characters > 0 {
        let width = Double(min(characters, Self.maximumColumnWidth)) + 2
        _ = worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil)
      }
    }
    closed = true
    let result = workbook_close(workbook)
    if result != LXW_NO_ERROR {
      throw ExportError("Writing the spreadsheet \(path) failed: \(String(cString: lxw_strerror(result))). Check that the disk has space.")
    }
  }

  /// Notes that a value of `characters` was written in `column` of `sheet`.
  fileprivate func measure(_ sheet: Int, _ column: Int, _ characters: Int) {
    if widths[sheet].count <= column { widths[sheet] += Array(repeating: 0, count: column + 1 - widths[sheet].count) }
    if characters > widths[sheet][column] { widths[sheet][column] = characters }
  }

  /// The widest value written in `column` of `sheet` so far, in characters.
  fileprivate func width(_ sheet: Int, _ column: Int) -> Int {
    column < widths[sheet].count ? widths[sheet][column] : 0
  }

  fileprivate func check(_ result: lxw_error, row: Int) throws {
    guard result != LXW_NO_ERROR else { return }
    throw ExportError("Writing row \(row + 1) of the spreadsheet \(path) failed: \(String(cString: lxw_strerror(result))).")
  }
}

/// One sheet of an `XLSXWorkbook`; rows must be written in order.
struct XLSXSheet {
  let sheet: UnsafeMutablePointer<lxw_worksheet>
  /// The sheet's place in the workbook (for its column widths).
  let index: Int
  let workbook: XLSXWorkbook

  func number(_ row: Int, _ column: Int, _ value: Double) throws {
    // As General shows it: a whole number plainly, else up to 10 significant characters. The width is
    // worked out without building a string per cell: digits are counted, and a fraction's text is only
    // made while the column is still narrower than any fraction can make it (11 characters).
    if value == value.rounded() && abs(value) < 1e15 {
      workbook.measure(index, column, Self.characters(Int(value)))
    } else if workbook.width(index, column) < 11 {
      workbook.measure(index, column, min(String(value).count, 11))
    }
    try workbook.check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), value, nil), row: row)
  }

  /// The characters of a whole number written plainly (a minus sign and its digits).
  static func characters(_ value: Int) -> Int {
    var count = value < 0 ? 2 : 1
    var rest = value.magnitude
    while rest >= 10 {
      rest /= 10
      count += 1
    }
    return count
  }

  func string(_ row: Int, _ column: Int, _ value: String, bold: Bool = false) throws {
    // Counting stops at the cap: a long text costs no more than a short one.
    var characters = 0
    for _ in value {
      characters += 1
      if characters > XLSXWorkbook.maximumColumnWidth { break }
    }
    workbook.measure(index, column, bold ? characters + 1 : characters)
    try workbook.check(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), value, bold ? workbook.bold : nil), row: row)
  }

  /// A `yyyy-MM-dd` day as a date cell; any other text as a string.
  func day(_ row: Int, _ column: Int, _ value: String) throws {
    let parts = value.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return try string(row, column, value) }
    workbook.measure(index, column, 10)
    var datetime = lxw_datetime(year: Int32(parts[0]), month: Int32(parts[1]), day: Int32(parts[2]), hour: 0, min: 0, sec: 0)
    try workbook.check(worksheet_write_datetime(sheet, lxw_row_t(row), lxw_col_t(column), &datetime, workbook.date), row: row)
  }

  /// Writes an export value: numbers as numbers, days as dates, texts as strings, nothing for no value.
  func value(_ row: Int, _ column: Int, _ value: ExportValue) throws {
    switch value {
    case .missing: return
    case .integer(let number): try self.number(row, column, Double(number))
    case .decimal(let number): if number.isFinite { try self.number(row, column, number) }
    case .text(let text): try string(row, column, text)
    case .day(let text): try day(row, column, text)
    }
  }

  /// A bold header row, frozen so it stays in view.
  func header(_ names: [String]) throws {
    for (column, name) in names.enumerated() { try string(0, column, name, bold: true) }
    worksheet_freeze_panes(sheet, 1, 0)
  }
}
