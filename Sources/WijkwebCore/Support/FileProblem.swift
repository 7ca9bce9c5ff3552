/// One thing wrong with a data file (questionnaire, area list), with the line it is on.
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// 1-based line in the file, when known.
  public var line: Int?
  /// A plain sentence saying what is wrong and what to do.
  public var message: String

  public init(line: Int?, _ message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { line.map { "line \($0): \(message)" } ?? message }

  /// The problem as `file:line: message`, the form `questionnaire check` prints: one line, with control
  /// characters shown escaped (a file can hold raw escape sequences) and at most one line of the file quoted.
  public func located(in file: String) -> String {
    let text = Self.printable(message)
    let where_ = Self.printable(file)
    return line.map { "\(where_):\($0): \(text)" } ?? "\(where_): \(text)"
  }

  /// The longest message printed, in characters.
  public static let maximumPrintedLength = 300

  /// `text` safe to print on a terminal: cut at its first line break and at `maximumPrintedLength`
  /// characters (with " …"), control characters and text-direction overrides written as `\u{1B}`.
  public static func printable(_ text: String) -> String {
    var out = ""
    var count = 0
    var cut = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\r" { cut = true; break }
      if count >= maximumPrintedLength { cut = true; break }
      let value = scalar.value
      if value < 0x20 || (0x7F ... 0x9F).contains(value) || (0x202A ... 0x202E).contains(value) || (0x2066 ... 0x2069).contains(value) {
        out += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
      count += 1
    }
    return cut ? out + " …" : out
  }
}

/// Every problem found in a data file; thrown when the file cannot be used.
public struct FileProblems: Error, Sendable, CustomStringConvertible {
  public var source: String
  public var problems: [FileProblem]

  public init(source: String, problems: [FileProblem]) {
    self.source = source
    self.problems = problems
  }

  public var description: String {
    problems.map { $0.located(in: source) }.joined(separator: "\n")
  }
}
