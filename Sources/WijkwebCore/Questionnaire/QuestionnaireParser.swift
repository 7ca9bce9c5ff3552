import Yams
import WijkwebCrypto

/// Reads a questionnaire from YAML text and checks it, collecting every problem with its line number.
///
/// The parser walks Yams' node tree rather than decoding, so it can say where each problem is and keep
/// going after the first one: a coordinator editing the file sees all mistakes at once.
public struct QuestionnaireParser {
  var problems: [FileProblem] = []
  var ids: [String: Int] = [:]
  var languages: [Language] = [.dutch]

  /// Parses `text`; `source` names the file in messages. Throws `FileProblems` listing
  /// every problem when the file cannot be used.
  /// The largest questionnaire file read at all, in bytes (checked before parsing).
  public static let maximumFileBytes = 1_000_000
  /// The most statements a questionnaire may have (all parts together).
  public static let maximumStatements = 500
  /// The longest text (a statement, question, label, intro), in characters.
  public static let maximumTextLength = 2_000

  public static func parse(_ text: String, source: String) throws -> Questionnaire {
    guard text.utf8.count <= maximumFileBytes else {
      throw FileProblems(source: source, problems: [FileProblem(line: nil,
        "The file is \(text.utf8.count) bytes; a questionnaire may be at most \(maximumFileBytes) bytes.")])
    }
    var parser = QuestionnaireParser()
    let result = parser.read(text)
    if let questionnaire = result, parser.problems.isEmpty {
      var hashed = questionnaire
      hashed.contentHash = SHA256.hex(of: Array(text.utf8))
      return hashed
    }
    // libyaml places an error at the end of a file cut short one or two lines past its last line (found by
    // fuzzing); point to the last line instead of one that does not exist.
    let lastLine = text.reduce(1) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) }
    let problems = parser.problems.map { problem in
      var problem = problem
      if let line = problem.line, line > lastLine { problem.line = lastLine }
      return problem
    }
    throw FileProblems(source: source, problems: problems)
  }

  private mutating func read(_ yaml: String) -> Questionnaire? {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      problems.append(Self.problem(from: error))
      return nil
    } catch {
      problems.append(FileProblem(line: nil, "The file is not valid YAML: \(error)."))
      return nil
    }
    guard let root, let top = mapping(root, what: "the questionnaire") else {
      problems.append(FileProblem(line: 1, "The file is empty; it must hold a questionnaire (see Questionnaires/FORMAT.md)."))
      return nil
    }
    allowOnly(top, keys: ["id", "version", "languages", "title", "based_on", "consent", "scoring", "dimensions",
                          "demographics", "parts", "reflection", "topics"], in: "the top level")

    let id = requiredString(top, "id", in: "the top level")
    if let id, !id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) || id.isEmpty {
      problems.append(FileProblem(line: line(of: top, key: "id"),
        "The id \"\(id)\" may only hold lower-case letters, digits and '-'."))
    }
    let version = requiredInt(top, "version", in: "the top level")
    if let version, version < 1 {
      problems.append(FileProblem(line: line(of: top, key: "version"), "The version must be a whole number of 1 or more."))
    }
    readLanguages(top)
    let title = requiredText(top, "title", in: "the top level")
    let basedOn = top["based_on"].flatMap { text($0, what: "based_on") }
    let consent = requiredText(top, "consent", in: "the top level")
    let scoring = readScoring(top)
    let dimensions = readDimensions(top)
    let demographics = readDemographics(top)
    let parts = readParts(top, dimensionOrder: dimensions.map(\.dimension))
    let reflection = readReflection(top, partIDs: Set(parts.map(\.id)))
    let topics = readTopics(top)

    guard let id, let version, let title, let consent, let scoring else { return nil }
    return Questionnaire(
      id: id, version: version, languages: languages, title: title, basedOn: basedOn, consent: consent,
      scoring: scoring, dimensions: dimensions, demographics: demographics, parts: parts,
      reflection: reflection, topics: topics)
  }

  static func problem(from error: YamlError) -> FileProblem {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
      return FileProblem(line: mark.line, "The file is not valid YAML here: \(problem). Check indentation and quotes.")
    default:
      return FileProblem(line: nil, "The file is not valid YAML: \(error).")
    }
  }
}
