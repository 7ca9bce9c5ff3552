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

  /// The problem as `file:line: message`, the form `questionnaire check` prints.
  public func located(in file: String) -> String {
    line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
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
