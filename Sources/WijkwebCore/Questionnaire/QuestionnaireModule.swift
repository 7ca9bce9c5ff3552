import Yams

/// A theme module (mantelzorg, eenzaamheid, ...): choice questions a round can switch on beside its
/// questionnaire. A module file holds `module` (its id), `title` and `questions` in the form of the
/// questionnaire's `demographics` (Questionnaires/FORMAT.md). `compose` adds modules to a questionnaire's
/// source text, and the result is parsed (and so checked) like any questionnaire: the round stores and
/// bundles carry that one self-contained text.
public struct QuestionnaireModule: Sendable, Hashable {
  /// The largest module file read, in bytes.
  public static let maximumFileBytes = 200_000
  public var id: String
  /// The source text.
  public var text: String

  /// Reads a module file: a mapping with exactly `module`, `title` and `questions` (a list), the questions
  /// as a block that starts at the line `questions:`.
  public init(text: String, source: String) throws {
    func problem(_ line: Int?, _ message: String) -> FileProblems { FileProblems(source: source, problems: [FileProblem(line: line, message)]) }
    guard text.utf8.count <= Self.maximumFileBytes else {
      throw problem(nil, "The file is \(text.utf8.count) bytes; a module may be at most \(Self.maximumFileBytes) bytes.")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw FileProblems(source: source, problems: [QuestionnaireParser.problem(from: error)])
    }
    guard let top = root?.mapping else { throw problem(1, "A module file holds a mapping with module, title and questions.") }
    for (key, _) in top where !["module", "title", "questions"].contains(key.string ?? "") {
      throw problem(key.mark?.line, "Unknown key '\(TerminalText.visible(key.string ?? ""))' in a module; allowed are module, title, questions.")
    }
    guard let id = top["module"]?.string, !id.isEmpty, id.count <= 40,
          id.allSatisfy({ ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }) else {
      throw problem(nil, "The module needs an id under 'module' of 1 to 40 lower-case letters, digits and '-'.")
    }
    guard top["questions"]?.sequence != nil, text.split(separator: "\n", omittingEmptySubsequences: false).contains("questions:") else {
      throw problem(nil, "The module needs its questions as a list under a line 'questions:'.")
    }
    self.id = id
    self.text = text
  }

  /// The lines of the questions block (after `questions:` up to the next top-level key).
  var questionLines: [Substring] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    guard let start = lines.firstIndex(of: "questions:") else { return [] }
    var block: [Substring] = []
    for line in lines[(start + 1)...] {
      if let first = line.first, first != " ", first != "#" { break }
      block.append(line)
    }
    while block.last?.allSatisfy(\.isWhitespace) == true { block.removeLast() }
    return block
  }

  /// `base` (a questionnaire's source text) with `modules` added: a top-level `modules:` line naming
  /// them, and their questions after the `demographics:` list (or as one before `parts:`). Throws when
  /// the base already has modules or its blocks are not where this expects them; the caller parses the
  /// result, which checks ids, choices and languages.
  public static func compose(base: String, modules: [QuestionnaireModule]) throws -> String {
    guard !modules.isEmpty else { return base }
    var seen = Set<String>()
    for module in modules where !seen.insert(module.id).inserted {
      throw FileProblems(source: module.id, problems: [FileProblem(line: nil, "The module \(module.id) is switched on twice.")])
    }
    var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func problem(_ message: String) -> FileProblems { FileProblems(source: "questionnaire", problems: [FileProblem(line: nil, message)]) }
    if lines.contains(where: { $0.hasPrefix("modules:") }) { throw problem("The questionnaire already has theme modules; start from the questionnaire without them.") }
    let added = modules.flatMap { $0.questionLines.map(String.init) }
    if let start = lines.firstIndex(where: { $0.hasPrefix("demographics:") }) {
      guard lines[start].trimmingWhitespace == "demographics:" else {
        throw problem("The questionnaire's demographics must be a block list (a line 'demographics:' with the questions below) to add modules.")
      }
      var end = start + 1
      while end < lines.count, lines[end].first.map({ $0 == " " || $0 == "#" }) ?? true { end += 1 }
      while end > start + 1, lines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
      lines.insert(contentsOf: added, at: end)
      lines.insert("modules: [\(modules.map(\.id).joined(separator: ", "))]", at: start)
    } else {
      guard let parts = lines.firstIndex(where: { $0.hasPrefix("parts:") }) else { throw problem("The questionnaire has no 'parts:' line.") }
      lines.insert(contentsOf: ["modules: [\(modules.map(\.id).joined(separator: ", "))]", "demographics:"] + added, at: parts)
    }
    return lines.joined(separator: "\n")
  }
}
