import Yams

/// An interview language beyond the built-in Dutch and English, from a file `Languages/<code>.yaml`:
/// the interface texts (keys of `UIString`) and, per questionnaire id, its texts by path (see
/// `Questionnaire.visitTexts`). A language is offered to residents only when both are complete.
public struct LanguagePack: Sendable, Equatable {
  /// Writing direction. The terminal interview shows only left-to-right languages; right-to-left ones
  /// are offered in plain mode, whose logical-order lines a screen reader or braille display handles.
  public enum Direction: String, Sendable { case leftToRight = "ltr", rightToLeft = "rtl" }

  /// Whether a native speaker has checked the texts. A file without `status` is a concept: nothing is
  /// taken as checked unless the file says who checked it and when.
  public enum Status: String, Sendable { case concept, checked }

  public var language: Language
  /// The language's name in itself, e.g. "Türkçe".
  public var name: String
  public var direction: Direction
  public var status: Status
  /// For a concept: who wrote it and what a native speaker should check; for a checked file: who
  /// checked it and when (`checked_by`, `checked_on`).
  public var note: String
  public var strings: [UIString: String]
  public var questionnaires: [String: [String: String]]

  public init(language: Language, name: String, direction: Direction, strings: [UIString: String],
              questionnaires: [String: [String: String]] = [:], status: Status = .concept, note: String = "") {
    self.language = language
    self.name = name
    self.direction = direction
    self.status = status
    self.note = note
    self.strings = strings
    self.questionnaires = questionnaires
  }

  /// The interface texts still missing.
  public var missingStrings: [UIString] { UIString.allCases.filter { (strings[$0] ?? "").isEmpty } }

  /// The translations of a questionnaire's texts by path: its own section, and the section
  /// `module.ID` of each theme module it has switched on.
  public func translations(of questionnaire: Questionnaire) -> [String: String] {
    var result = questionnaires[questionnaire.id] ?? [:]
    for module in questionnaire.modules {
      result.merge(questionnaires["module." + module] ?? [:]) { own, _ in own }
    }
    return result
  }

  /// The texts of `questionnaire` still missing, by path.
  public func missingTexts(of questionnaire: Questionnaire) -> [String] {
    let translated = translations(of: questionnaire)
    return questionnaire.texts.map(\.path).filter { (translated[$0] ?? "").isEmpty }
  }

  /// Reads a language file; every problem with its line. `expected` is the code the file name gives.
  public static func parse(_ text: String, source: String, expected: Language? = nil) throws -> LanguagePack {
    var problems: [FileProblem] = []
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw FileProblems(source: source, problems: [QuestionnaireParser.problem(from: error)])
    }
    guard let top = root?.mapping else {
      throw FileProblems(source: source, problems: [FileProblem(line: 1, "The file must hold a mapping with language, name, direction and strings.")])
    }
    let known = ["language", "name", "direction", "status", "note", "checked_by", "checked_on", "strings", "questionnaires"]
    for (key, _) in top where !known.contains(key.string ?? "") {
      problems.append(FileProblem(line: key.mark?.line, "Unknown key '\(key.string ?? "")'; use \(known.joined(separator: ", "))."))
    }
    let code = top["language"]?.string ?? ""
    if code.isEmpty { problems.append(FileProblem(line: top.mark?.line, "The file has no 'language' code, e.g. 'language: tr'.")) }
    if let expected, !code.isEmpty, Language(code) != expected {
      problems.append(FileProblem(line: top["language"]?.mark?.line, "The language is '\(code)' but the file is named for '\(expected)'."))
    }
    let name = top["name"]?.string ?? ""
    if name.isEmpty { problems.append(FileProblem(line: top.mark?.line, "The file has no 'name' (the language's name in itself).")) }
    let direction = Direction(rawValue: top["direction"]?.string ?? "ltr")
    if direction == nil { problems.append(FileProblem(line: top["direction"]?.mark?.line, "'direction' must be ltr or rtl.")) }

    let status = Status(rawValue: top["status"]?.string ?? "concept")
    if status == nil { problems.append(FileProblem(line: top["status"]?.mark?.line, "'status' must be concept or checked.")) }
    var note = top["note"]?.string ?? ""
    if status == .checked {
      let checker = top["checked_by"]?.string ?? ""
      let day = top["checked_on"]?.string ?? ""
      if checker.isEmpty || !isDay(day) {
        problems.append(FileProblem(line: top["status"]?.mark?.line,
          "A checked language says who checked it and when: 'checked_by' (a name or organisation) and 'checked_on' (YYYY-MM-DD)."))
      }
      note = "checked by \(checker) on \(day)" + (note.isEmpty ? "" : "; " + note)
    }

    var strings: [UIString: String] = [:]
    if let node = top["strings"], node.scalar == nil || !(node.string ?? "").isEmpty {
      if let map = node.mapping {
        for (keyNode, value) in map {
          let key = keyNode.string ?? ""
          guard let string = UIString(rawValue: key) else {
            problems.append(FileProblem(line: keyNode.mark?.line, "'\(key)' is not a text of the program; `wijkweb languages --missing \(code)` lists the keys."))
            continue
          }
          guard let text = value.string else {
            problems.append(FileProblem(line: value.mark?.line, "The text of '\(key)' should be a single text."))
            continue
          }
          if hasControlCharacter(text) {
            problems.append(FileProblem(line: value.mark?.line, "The text of '\(key)' holds a control character (such as ESC or a line break); write it as one plain line."))
            continue
          }
          let wanted = placeholders(in: string.text(.dutch))
          if !text.isEmpty, placeholders(in: text) != wanted {
            problems.append(FileProblem(line: value.mark?.line,
              "The text of '\(key)' must hold the placeholders \(wanted.sorted().map { "{\($0)}" }.joined(separator: " ")) like the Dutch one."))
          }
          strings[string] = text
        }
      } else {
        problems.append(FileProblem(line: node.mark?.line, "'strings' should map each key to its text."))
      }
    }
    var questionnaires: [String: [String: String]] = [:]
    if let node = top["questionnaires"], let map = node.mapping {
      for (idNode, texts) in map {
        var translated: [String: String] = [:]
        for (pathNode, value) in texts.mapping ?? [:] {
          let text = value.string ?? ""
          if hasControlCharacter(text) {
            problems.append(FileProblem(line: value.mark?.line,
              "The text of '\(pathNode.string ?? "")' holds a control character (such as ESC or a line break); write it as one plain line."))
            continue
          }
          translated[pathNode.string ?? ""] = text
        }
        questionnaires[idNode.string ?? ""] = translated
      }
    }
    if !problems.isEmpty { throw FileProblems(source: source, problems: problems) }
    return LanguagePack(language: Language(code), name: name, direction: direction ?? .leftToRight, strings: strings,
                        questionnaires: questionnaires, status: status ?? .concept, note: note)
  }

  /// Whether `text` holds a control character: a language file's text reaches the terminal as it is.
  static func hasControlCharacter(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  /// A day written YYYY-MM-DD.
  static func isDay(_ text: String) -> Bool {
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    return fields.count == 3 && fields.map(\.count) == [4, 2, 2] && fields.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
  }

  /// The numbers of the `{n}` placeholders in a text.
  static func placeholders(in text: String) -> Set<Int> {
    var result: Set<Int> = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      if let number = Int(after[..<close]) { result.insert(number) }
      rest = after[after.index(after: close)...]
    }
    return result
  }
}
