import WijkwebCore
import CReadStat
import WijkwebFiles

/// The responses as an SPSS .sav file through ReadStat: variable labels (in the chosen language), value
/// labels, 99 declared user-missing on every statement, the completion day as an SPSS date (SDATE10).
/// Rows go straight to the file as they come (row-compressed), so memory stays bounded.
public final class ResponsesSAV: ResponseSink {
  /// SPSS limits: variable labels 256 bytes, value labels 120 bytes.
  static let labelBytes = 255
  static let valueLabelBytes = 120

  private let codebook: Codebook
  private let file: AtomicFile
  private let english: Bool
  private let path: String
  private var writer: UnsafeMutablePointer<readstat_writer_t>?
  private var variables: [UnsafeMutablePointer<readstat_variable_t>] = []
  private var row = 0

  /// Writes into `file` (the caller commits it after `finish`).
  public init(codebook: Codebook, file: AtomicFile, english: Bool = false) {
    self.codebook = codebook
    self.path = file.path
    self.english = english
    self.file = file
  }

  deinit { if let writer { readstat_writer_free(writer) } }

  public func begin(rowCount: Int) throws {
    guard let writer = readstat_writer_init() else { throw ExportError("Cannot start the SPSS file \(path): out of memory.") }
    self.writer = writer
    try check(readstat_set_data_writer(writer) { data, length, context in
      guard let context else { return -1 }
      let file = Unmanaged<AtomicFile>.fromOpaque(context).takeUnretainedValue()
      return file.writeRemembering(UnsafeRawBufferPointer(start: data, count: length)) ? length : -1
    })
    try check(readstat_writer_set_compression(writer, READSTAT_COMPRESS_ROWS))
    try check(readstat_writer_set_file_label(writer, Self.truncated("Wijkweb: " + codebook.round, bytes: 64)))
    // The codebook's notes as SPSS document lines (DISPLAY DOCUMENTS), 80 bytes at most each.
    for note in codebook.notes {
      for line in Self.documentLines(note.key + ": " + (english ? note.text.en : note.text.nl)) { readstat_add_note(writer, line) }
    }
    for (index, variable) in codebook.variables.enumerated() {
      let numeric = variable.type == .integer || variable.type == .decimal || variable.type == .date
      guard let added = readstat_add_variable(
        writer, variable.name, numeric ? READSTAT_TYPE_DOUBLE : READSTAT_TYPE_STRING, numeric ? 0 : max(1, variable.width))
      else { throw ExportError("Cannot add the variable \(variable.name) to the SPSS file.") }
      readstat_variable_set_label(added, Self.truncated(english ? variable.label.en : variable.label.nl, bytes: Self.labelBytes))
      let categorical = variable.kind == .area || variable.kind == .demographic
      readstat_variable_set_measure(added, numeric && !categorical ? READSTAT_MEASURE_SCALE : READSTAT_MEASURE_NOMINAL)
      readstat_variable_set_alignment(added, numeric ? READSTAT_ALIGNMENT_RIGHT : READSTAT_ALIGNMENT_LEFT)
      if variable.type == .integer { readstat_variable_set_format(added, variable.kind == .area ? "F12.0" : "F3.0") }
      if variable.type == .decimal { readstat_variable_set_format(added, "F8.2") }
      if variable.type == .date { readstat_variable_set_format(added, "SDATE10") }
      if !variable.valueLabels.isEmpty, numeric || variable.width <= 8 {
        // SPSS keeps value labels of string variables only for strings of at most 8 bytes.
        guard let labels = readstat_add_label_set(writer, numeric ? READSTAT_TYPE_DOUBLE : READSTAT_TYPE_STRING, "labels\(index)")
        else { throw ExportError("Cannot add the value labels of \(variable.name) to the SPSS file.") }
        for value in variable.valueLabels {
          let label = Self.truncated(english ? value.label.en : value.label.nl, bytes: Self.valueLabelBytes)
          if numeric {
            guard let code = Double(value.code) else { continue }
            readstat_label_double_value(labels, code, label)
          } else {
            readstat_label_string_value(labels, value.code, label)
          }
        }
        readstat_variable_set_label_set(added, labels)
      }
      for missing in variable.missingValues where numeric {
        try check(readstat_variable_add_missing_double_value(added, Double(missing)))
      }
      variables.append(added)
    }
    try check(readstat_begin_writing_sav(writer, Unmanaged.passUnretained(file).toOpaque(), rowCount))
  }

  public func write(_ values: [ExportValue]) throws {
    guard let writer else { throw ExportError("The SPSS file was not started.") }
    row += 1
    try check(readstat_begin_row(writer))
    // Index loops: `enumerated()` costs a generic metadata look-up per cell in debug builds.
    var index = 0
    let count = min(values.count, variables.count)
    while index < count {
      let variable = variables[index]
      let value = values[index]
      index += 1
      switch value {
      case .missing: try check(readstat_insert_missing_value(writer, variable))
      case .integer(let number): try check(readstat_insert_double_value(writer, variable, Double(number)))
      case .decimal(let number):
        let result = number.isFinite
          ? readstat_insert_double_value(writer, variable, number) : readstat_insert_missing_value(writer, variable)
        try check(result)
      case .text(let text): try check(readstat_insert_string_value(writer, variable, text))
      case .day(let day):
        if let seconds = Self.spssSeconds(day) {
          try check(readstat_insert_double_value(writer, variable, seconds))
        } else {
          try check(readstat_insert_missing_value(writer, variable))
        }
      }
    }
    try check(readstat_end_row(writer))
  }

  public func finish() throws {
    guard let writer else { throw ExportError("The SPSS file was not started.") }
    try check(readstat_end_writing(writer))
    if let failure = file.failure { throw failure }
    try file.flush()
  }

  private func check(_ result: readstat_error_t) throws {
    guard result != READSTAT_OK else { return }
    if let failure = file.failure { throw failure }
    let reason = String(cString: readstat_error_message(result))
    throw ExportError("Writing the SPSS file \(path) failed\(row > 0 ? " at response \(row)" : ""): \(reason).")
  }

  /// `text` in lines of at most `bytes` UTF-8 bytes, broken at spaces where there is one.
  static func documentLines(_ text: String, bytes: Int = 80) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      var word = String(word)
      while word.utf8.count > bytes {
        if !line.isEmpty { lines.append(line); line = "" }
        let head = truncated(word, bytes: bytes)
        lines.append(head)
        word = String(word.dropFirst(head.count))
      }
      if line.isEmpty {
        line = word
      } else if line.utf8.count + 1 + word.utf8.count <= bytes {
        line += " " + word
      } else {
        lines.append(line)
        line = word
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// A `yyyy-MM-dd` day as SPSS stores dates: seconds since 14 October 1582.
  static func spssSeconds(_ day: String) -> Double? {
    let parts = day.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1 ... 12).contains(parts[1]), (1 ... 31).contains(parts[2]) else { return nil }
    let days = CalendarDay.daysFromCivil(year: parts[0], month: parts[1], day: parts[2])
      - CalendarDay.daysFromCivil(year: 1582, month: 10, day: 14)
    return Double(days) * 86400
  }

  /// `text` cut to at most `bytes` UTF-8 bytes, never inside a character.
  static func truncated(_ text: String, bytes: Int) -> String {
    guard text.utf8.count > bytes else { return text }
    var out = ""
    var used = 0
    for character in text {
      let size = character.utf8.count
      if used + size > bytes { break }
      out.append(character)
      used += size
    }
    return out
  }
}
