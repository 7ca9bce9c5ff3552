import Yams
import WijkwebCrypto

/// Reads a questionnaire from YAML text and checks it, collecting every problem with its line number.
///
/// The parser walks Yams' node tree rather than decoding, so it can say where each problem is and keep
/// going after the first one: a coordinator editing the file sees all mistakes at once.
public struct QuestionnaireParser {
  private var problems: [FileProblem] = []
  private var ids: [String: Int] = [:]
  private var languages: [Language] = [.dutch]

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
                          "demographics", "parts", "reflection", "topics", "modules"], in: "the top level")

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

    let modules = readModules(top)

    guard let id, let version, let title, let consent, let scoring else { return nil }
    var questionnaire = Questionnaire(
      id: id, version: version, languages: languages, title: title, basedOn: basedOn, consent: consent,
      scoring: scoring, dimensions: dimensions, demographics: demographics, parts: parts,
      reflection: reflection, topics: topics)
    questionnaire.modules = modules
    return questionnaire
  }

  /// The theme modules a composed questionnaire names (`QuestionnaireModule.compose`).
  private mutating func readModules(_ top: Node.Mapping) -> [String] {
    guard let node = top["modules"], let list = sequence(node, what: "modules") else { return [] }
    var result: [String] = []
    for entry in list {
      guard let id = scalarString(entry, what: "a module id") else { continue }
      if id.isEmpty || id.count > 40 || !id.allSatisfy({ ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }) {
        problems.append(FileProblem(line: entry.mark?.line, "\"\(TerminalText.visible(id))\" is not a module id; use lower-case letters, digits and '-'."))
      } else if result.contains(id) {
        problems.append(FileProblem(line: entry.mark?.line, "The module \"\(id)\" is listed twice."))
      } else {
        result.append(id)
      }
    }
    return result
  }

  // MARK: Sections

  private mutating func readLanguages(_ top: Node.Mapping) {
    guard let node = top["languages"] else {
      problems.append(FileProblem(line: top.mark?.line, "The top level has no 'languages'; add e.g. 'languages: [nl, en]'."))
      return
    }
    guard let list = sequence(node, what: "languages") else { return }
    var found: [Language] = []
    for entry in list {
      guard let code = scalarString(entry, what: "a language code") else { continue }
      let valid = (2 ... 3).contains(code.count) && code.allSatisfy { $0.isLowercase && $0.isASCII }
      if !valid {
        problems.append(FileProblem(line: entry.mark?.line, "\"\(code)\" is not a language code; use two or three lower-case letters such as nl or en."))
      } else if found.contains(Language(code)) {
        problems.append(FileProblem(line: entry.mark?.line, "The language \"\(code)\" is listed twice."))
      } else {
        found.append(Language(code))
      }
    }
    if !found.contains(.dutch) {
      problems.append(FileProblem(line: node.mark?.line, "The languages must include nl (Dutch)."))
      found.insert(.dutch, at: 0)
    }
    languages = found
  }

  private mutating func readScoring(_ top: Node.Mapping) -> ScoringRule? {
    guard let node = top["scoring"] else {
      problems.append(FileProblem(line: top.mark?.line, "The top level has no 'scoring'; add 'scoring: {min_answered_share: 0.5}'."))
      return nil
    }
    guard let map = mapping(node, what: "scoring") else { return nil }
    allowOnly(map, keys: ["min_answered_share"], in: "scoring")
    guard let valueNode = map["min_answered_share"] else {
      problems.append(FileProblem(line: node.mark?.line, "scoring has no 'min_answered_share' (a number from 0 to 1)."))
      return nil
    }
    guard let share = valueNode.float, share > 0, share <= 1 else {
      problems.append(FileProblem(line: valueNode.mark?.line,
        "min_answered_share must be a number above 0 and at most 1, not \"\(valueNode.string ?? "")\"."))
      return nil
    }
    return ScoringRule(minAnsweredShare: share)
  }

  private mutating func readDimensions(_ top: Node.Mapping) -> [DimensionInfo] {
    guard let node = top["dimensions"] else {
      problems.append(FileProblem(line: top.mark?.line, "The top level has no 'dimensions'; name all six dimensions."))
      return []
    }
    guard let map = mapping(node, what: "dimensions") else { return [] }
    var result: [DimensionInfo] = []
    for (keyNode, value) in map {
      guard let dimension = dimension(keyNode) else { continue }
      if result.contains(where: { $0.dimension == dimension }) {
        problems.append(FileProblem(line: keyNode.mark?.line, "The dimension \(dimension.key) is named twice."))
        continue
      }
      if let name = text(value, what: "the name of \(dimension.key)") {
        result.append(DimensionInfo(dimension: dimension, name: name))
      }
    }
    let missing = Dimension.allCases.filter { d in !result.contains { $0.dimension == d } }
    if !missing.isEmpty {
      problems.append(FileProblem(line: node.mark?.line,
        "dimensions lacks \(missing.map(\.key).joined(separator: ", ")); all six dimensions are required."))
    }
    return result
  }

  private mutating func readDemographics(_ top: Node.Mapping) -> [DemographicQuestion] {
    guard let node = top["demographics"], let list = sequence(node, what: "demographics") else { return [] }
    var result: [DemographicQuestion] = []
    for entry in list {
      guard let map = mapping(entry, what: "a demographic question") else { continue }
      allowOnly(map, keys: ["id", "question", "choices", "prefer_not_to_say"], in: "a demographic question")
      let id = requiredID(map, in: "a demographic question")
      let question = requiredText(map, "question", in: "demographic question \(id ?? "")")
      let preferNot = map["prefer_not_to_say"].map { bool($0, what: "prefer_not_to_say") ?? false } ?? false
      var choices: [Choice] = []
      if let choicesNode = map["choices"], let choiceList = sequence(choicesNode, what: "choices") {
        for choiceNode in choiceList {
          guard let choiceMap = mapping(choiceNode, what: "a choice") else { continue }
          allowOnly(choiceMap, keys: ["id", "label"], in: "a choice")
          let choiceID = requiredString(choiceMap, "id", in: "a choice")
          if let choiceID, choices.contains(where: { $0.id == choiceID }) {
            problems.append(FileProblem(line: choiceNode.mark?.line, "The choice id \"\(choiceID)\" appears twice in question \(id ?? "")."))
          }
          if let choiceID, let label = requiredText(choiceMap, "label", in: "choice \(choiceID)") {
            choices.append(Choice(id: choiceID, label: label))
          }
        }
        if choiceList.isEmpty {
          problems.append(FileProblem(line: choicesNode.mark?.line, "Demographic question \(id ?? "") has no choices."))
        }
      } else if map["choices"] == nil {
        problems.append(FileProblem(line: entry.mark?.line, "Demographic question \(id ?? "") has no 'choices'."))
      }
      if let id, let question {
        result.append(DemographicQuestion(id: id, question: question, choices: choices, preferNotToSay: preferNot))
      }
    }
    return result
  }

  private mutating func readParts(_ top: Node.Mapping, dimensionOrder: [Dimension]) -> [Part] {
    guard let node = top["parts"] else {
      problems.append(FileProblem(line: top.mark?.line, "The top level has no 'parts'; a questionnaire needs at least one part."))
      return []
    }
    guard let list = sequence(node, what: "parts") else { return [] }
    if list.isEmpty {
      problems.append(FileProblem(line: node.mark?.line, "'parts' is empty; a questionnaire needs at least one part."))
    }
    var result: [Part] = []
    for entry in list {
      guard let map = mapping(entry, what: "a part") else { continue }
      allowOnly(map, keys: ["id", "title", "intro", "scale", "items"], in: "a part")
      let id = requiredID(map, in: "a part")
      let label = "part \(id ?? "?")"
      let title = requiredText(map, "title", in: label)
      let intro = map["intro"].flatMap { text($0, what: "the intro of \(label)") }
      let scale = map["scale"].flatMap { readScale($0, base: nil, in: label) }
      if map["scale"] == nil {
        problems.append(FileProblem(line: entry.mark?.line, "\(label) has no 'scale' (min, max, low, high, dont_know)."))
      }
      var items: [Item] = []
      if let itemsNode = map["items"], let itemsMap = mapping(itemsNode, what: "the items of \(label)") {
        var byDimension: [Dimension: [Item]] = [:]
        for (keyNode, value) in itemsMap {
          guard let dimension = dimension(keyNode) else { continue }
          guard let itemList = sequence(value, what: "the items of \(dimension.key)") else { continue }
          if itemList.isEmpty {
            problems.append(FileProblem(line: value.mark?.line, "\(label) has an empty list for \(dimension.key)."))
          }
          for itemNode in itemList {
            if let item = readItem(itemNode, dimension: dimension, partScale: scale, in: label) {
              byDimension[dimension, default: []].append(item)
            }
          }
        }
        for dimension in Dimension.allCases where byDimension[dimension] == nil {
          problems.append(FileProblem(line: itemsNode.mark?.line, "\(label) has no statements for \(dimension.key); every part needs at least one per dimension."))
        }
        let order = dimensionOrder.isEmpty ? Dimension.allCases : dimensionOrder
        items = order.flatMap { byDimension[$0] ?? [] }
      } else if map["items"] == nil {
        problems.append(FileProblem(line: entry.mark?.line, "\(label) has no 'items'; a part is empty without statements."))
      }
      if let id, let title {
        result.append(Part(id: id, title: title, intro: intro, items: items))
      }
    }
    let statements = result.reduce(0) { $0 + $1.items.count }
    if statements > Self.maximumStatements {
      problems.append(FileProblem(line: node.mark?.line,
        "The questionnaire has \(statements) statements; at most \(Self.maximumStatements) are allowed."))
    }
    return result
  }

  private mutating func readItem(_ node: Node, dimension: Dimension, partScale: Scale?, in part: String) -> Item? {
    guard let map = mapping(node, what: "a statement") else { return nil }
    allowOnly(map, keys: ["id", "aspect", "text", "low", "high", "dont_know", "scale"], in: "a statement")
    let id = requiredID(map, in: "a statement of \(part)")
    let text = requiredText(map, "text", in: "statement \(id ?? "?")")
    let aspect = map["aspect"].flatMap { self.text($0, what: "the aspect of \(id ?? "?")") }
    var scale = partScale
    if let scaleNode = map["scale"] {
      scale = readScale(scaleNode, base: partScale, in: "statement \(id ?? "?")")
    }
    if var adjusted = scale {
      if let low = map["low"] { adjusted.low = self.text(low, what: "low") ?? adjusted.low }
      if let high = map["high"] { adjusted.high = self.text(high, what: "high") ?? adjusted.high }
      if let dontKnow = map["dont_know"] { adjusted.dontKnow = bool(dontKnow, what: "dont_know") ?? adjusted.dontKnow }
      scale = adjusted
    }
    guard let id, let text, let scale else { return nil }
    return Item(id: id, dimension: dimension, aspect: aspect, text: text, scale: scale)
  }

  private mutating func readScale(_ node: Node, base: Scale?, in owner: String) -> Scale? {
    guard let map = mapping(node, what: "the scale of \(owner)") else { return nil }
    allowOnly(map, keys: ["min", "max", "low", "high", "dont_know"], in: "a scale")
    let low = map["low"].flatMap { text($0, what: "low") } ?? base?.low
    let high = map["high"].flatMap { text($0, what: "high") } ?? base?.high
    let minimum = map["min"].flatMap { int($0, what: "min") } ?? base?.min ?? 0
    let maximum = map["max"].flatMap { int($0, what: "max") } ?? base?.max ?? 10
    let dontKnow = map["dont_know"].flatMap { bool($0, what: "dont_know") } ?? base?.dontKnow ?? false
    if minimum >= maximum || minimum < 0 || maximum > 10 {
      problems.append(FileProblem(line: node.mark?.line,
        "The scale of \(owner) runs from \(minimum) to \(maximum); it must be whole numbers from 0 to 10 with min below max, e.g. 0 to 10."))
    }
    if low == nil { problems.append(FileProblem(line: node.mark?.line, "The scale of \(owner) has no 'low' label.")) }
    if high == nil { problems.append(FileProblem(line: node.mark?.line, "The scale of \(owner) has no 'high' label.")) }
    guard let low, let high else { return nil }
    return Scale(min: minimum, max: maximum, low: low, high: high, dontKnow: dontKnow)
  }

  private mutating func readReflection(_ top: Node.Mapping, partIDs: Set<String>) -> [ReflectionPrompt] {
    guard let node = top["reflection"], let list = sequence(node, what: "reflection") else { return [] }
    var result: [ReflectionPrompt] = []
    for entry in list {
      guard let map = mapping(entry, what: "a reflection prompt") else { continue }
      allowOnly(map, keys: ["id", "part", "prompt"], in: "a reflection prompt")
      let id = requiredID(map, in: "a reflection prompt")
      let part = requiredString(map, "part", in: "reflection prompt \(id ?? "?")")
      if let part, !partIDs.isEmpty, !partIDs.contains(part) {
        problems.append(FileProblem(line: line(of: map, key: "part"),
          "Reflection prompt \(id ?? "?") names part \"\(part)\", which does not exist; use one of \(partIDs.sorted().joined(separator: ", "))."))
      }
      let prompt = requiredText(map, "prompt", in: "reflection prompt \(id ?? "?")")
      if let id, let part, let prompt { result.append(ReflectionPrompt(id: id, partID: part, prompt: prompt)) }
    }
    return result
  }

  private mutating func readTopics(_ top: Node.Mapping) -> [Dimension: [LocalizedText]] {
    guard let node = top["topics"], let map = mapping(node, what: "topics") else { return [:] }
    var result: [Dimension: [LocalizedText]] = [:]
    for (keyNode, value) in map {
      guard let dimension = dimension(keyNode), let list = sequence(value, what: "the topics of \(dimension.key)") else { continue }
      result[dimension] = list.compactMap { text($0, what: "a topic") }
    }
    return result
  }

  // MARK: Node helpers

  private mutating func mapping(_ node: Node, what: String) -> Node.Mapping? {
    if let map = node.mapping { return map }
    problems.append(FileProblem(line: node.mark?.line, "\(what.capitalizedFirst) should be a mapping of keys and values."))
    return nil
  }

  private mutating func sequence(_ node: Node, what: String) -> Node.Sequence? {
    if let list = node.sequence { return list }
    problems.append(FileProblem(line: node.mark?.line, "\(what.capitalizedFirst) should be a list (lines starting with '- ')."))
    return nil
  }

  private mutating func scalarString(_ node: Node, what: String) -> String? {
    if let value = node.scalar?.string { return value }
    problems.append(FileProblem(line: node.mark?.line, "\(what.capitalizedFirst) should be a single value."))
    return nil
  }

  private mutating func int(_ node: Node, what: String) -> Int? {
    if let value = node.int { return value }
    problems.append(FileProblem(line: node.mark?.line, "\(what) should be a whole number, not \"\(node.string ?? "")\"."))
    return nil
  }

  private mutating func bool(_ node: Node, what: String) -> Bool? {
    if let value = node.bool { return value }
    problems.append(FileProblem(line: node.mark?.line, "\(what) should be true or false, not \"\(node.string ?? "")\"."))
    return nil
  }

  private mutating func dimension(_ keyNode: Node) -> Dimension? {
    let key = keyNode.string ?? ""
    if let dimension = Dimension(rawValue: key) { return dimension }
    problems.append(FileProblem(line: keyNode.mark?.line,
      "\"\(key)\" is not a dimension key; use one of \(Dimension.allCases.map(\.key).joined(separator: ", "))."))
    return nil
  }

  /// A translated text: a mapping from language code to text with every language of the file present.
  private mutating func text(_ node: Node, what: String) -> LocalizedText? {
    guard let map = node.mapping else {
      problems.append(FileProblem(line: node.mark?.line,
        "\(what.capitalizedFirst) should give a text per language, e.g. {nl: ..., en: ...}."))
      return nil
    }
    var texts: [Language: String] = [:]
    for (keyNode, value) in map {
      let code = Language(keyNode.string ?? "")
      guard let string = value.scalar?.string else {
        problems.append(FileProblem(line: value.mark?.line, "The \(code) text of \(what) should be a single text."))
        continue
      }
      if !languages.contains(code) {
        problems.append(FileProblem(line: keyNode.mark?.line,
          "\(what.capitalizedFirst) has a text in \"\(code)\", which is not listed under 'languages'."))
      }
      let trimmed = string.trimmingWhitespace
      if trimmed.isEmpty {
        problems.append(FileProblem(line: value.mark?.line, "The \(code) text of \(what) is empty."))
      } else if trimmed.utf8.count > Self.maximumTextLength, trimmed.count > Self.maximumTextLength {
        problems.append(FileProblem(line: value.mark?.line,
          "The \(code) text of \(what) has \(trimmed.count) characters; at most \(Self.maximumTextLength) are allowed."))
      }
      texts[code] = trimmed
    }
    for language in languages where texts[language] == nil {
      problems.append(FileProblem(line: node.mark?.line, "\(what.capitalizedFirst) has no \(language) translation."))
    }
    return LocalizedText(texts)
  }

  private mutating func requiredText(_ map: Node.Mapping, _ key: String, in owner: String) -> LocalizedText? {
    guard let node = map[key] else {
      problems.append(FileProblem(line: map.mark?.line, "\(owner.capitalizedFirst) has no '\(key)'."))
      return nil
    }
    return text(node, what: "the \(key) of \(owner)")
  }

  private mutating func requiredString(_ map: Node.Mapping, _ key: String, in owner: String) -> String? {
    guard let node = map[key] else {
      problems.append(FileProblem(line: map.mark?.line, "\(owner.capitalizedFirst) has no '\(key)'."))
      return nil
    }
    guard let value = scalarString(node, what: "the \(key) of \(owner)") else { return nil }
    if value.trimmingWhitespace.isEmpty {
      problems.append(FileProblem(line: node.mark?.line, "The \(key) of \(owner) is empty."))
      return nil
    }
    return value
  }

  private mutating func requiredInt(_ map: Node.Mapping, _ key: String, in owner: String) -> Int? {
    guard let node = map[key] else {
      problems.append(FileProblem(line: map.mark?.line, "\(owner.capitalizedFirst) has no '\(key)'."))
      return nil
    }
    return int(node, what: "the \(key) of \(owner)")
  }

  /// An id that must be unique across the whole file.
  private mutating func requiredID(_ map: Node.Mapping, in owner: String) -> String? {
    guard let id = requiredString(map, "id", in: owner) else { return nil }
    let line = line(of: map, key: "id")
    if let first = ids[id] {
      problems.append(FileProblem(line: line, "The id \"\(id)\" is used twice (first on line \(first)); ids must be unique."))
    } else {
      ids[id] = line ?? 0
    }
    return id
  }

  private mutating func allowOnly(_ map: Node.Mapping, keys: Set<String>, in owner: String) {
    for (keyNode, _) in map {
      let key = keyNode.string ?? ""
      if !keys.contains(key) {
        problems.append(FileProblem(line: keyNode.mark?.line,
          "Unknown key '\(key)' in \(owner); allowed are \(keys.sorted().joined(separator: ", "))."))
      }
    }
  }

  private func line(of map: Node.Mapping, key: String) -> Int? {
    for (keyNode, _) in map where keyNode.string == key { return keyNode.mark?.line }
    return map.mark?.line
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

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
  var trimmingWhitespace: String {
    var result = Substring(self)
    while let first = result.first, first.isWhitespace { result.removeFirst() }
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return String(result)
  }
}
