import Yams

// MARK: Sections

extension QuestionnaireParser {
  mutating func readLanguages(_ top: Node.Mapping) {
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

  mutating func readScoring(_ top: Node.Mapping) -> ScoringRule? {
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

  mutating func readDimensions(_ top: Node.Mapping) -> [DimensionInfo] {
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

  mutating func readDemographics(_ top: Node.Mapping) -> [DemographicQuestion] {
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

  mutating func readParts(_ top: Node.Mapping, dimensionOrder: [Dimension]) -> [Part] {
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

  mutating func readItem(_ node: Node, dimension: Dimension, partScale: Scale?, in part: String) -> Item? {
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

  mutating func readScale(_ node: Node, base: Scale?, in owner: String) -> Scale? {
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

  mutating func readReflection(_ top: Node.Mapping, partIDs: Set<String>) -> [ReflectionPrompt] {
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

  mutating func readTopics(_ top: Node.Mapping) -> [Dimension: [LocalizedText]] {
    guard let node = top["topics"], let map = mapping(node, what: "topics") else { return [:] }
    var result: [Dimension: [LocalizedText]] = [:]
    for (keyNode, value) in map {
      guard let dimension = dimension(keyNode), let list = sequence(value, what: "the topics of \(dimension.key)") else { continue }
      result[dimension] = list.compactMap { text($0, what: "a topic") }
    }
    return result
  }
}
