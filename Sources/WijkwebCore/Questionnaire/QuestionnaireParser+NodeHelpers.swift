import Yams

// MARK: Node helpers

extension QuestionnaireParser {
  mutating func mapping(_ node: Node, what: String) -> Node.Mapping? {
    if let map = node.mapping { return map }
    problems.append(FileProblem(line: node.mark?.line, "\(what.capitalizedFirst) should be a mapping of keys and values."))
    return nil
  }

  mutating func sequence(_ node: Node, what: String) -> Node.Sequence? {
    if let list = node.sequence { return list }
    problems.append(FileProblem(line: node.mark?.line, "\(what.capitalizedFirst) should be a list (lines starting with '- ')."))
    return nil
  }

  mutating func scalarString(_ node: Node, what: String) -> String? {
    if let value = node.scalar?.string { return value }
    problems.append(FileProblem(line: node.mark?.line, "\(what.capitalizedFirst) should be a single value."))
    return nil
  }

  mutating func int(_ node: Node, what: String) -> Int? {
    if let value = node.int { return value }
    problems.append(FileProblem(line: node.mark?.line, "\(what) should be a whole number, not \"\(node.string ?? "")\"."))
    return nil
  }

  mutating func bool(_ node: Node, what: String) -> Bool? {
    if let value = node.bool { return value }
    problems.append(FileProblem(line: node.mark?.line, "\(what) should be true or false, not \"\(node.string ?? "")\"."))
    return nil
  }

  mutating func dimension(_ keyNode: Node) -> Dimension? {
    let key = keyNode.string ?? ""
    if let dimension = Dimension(rawValue: key) { return dimension }
    problems.append(FileProblem(line: keyNode.mark?.line,
      "\"\(key)\" is not a dimension key; use one of \(Dimension.allCases.map(\.key).joined(separator: ", "))."))
    return nil
  }

  /// A translated text: a mapping from language code to text with every language of the file present.
  mutating func text(_ node: Node, what: String) -> LocalizedText? {
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

  mutating func requiredText(_ map: Node.Mapping, _ key: String, in owner: String) -> LocalizedText? {
    guard let node = map[key] else {
      problems.append(FileProblem(line: map.mark?.line, "\(owner.capitalizedFirst) has no '\(key)'."))
      return nil
    }
    return text(node, what: "the \(key) of \(owner)")
  }

  mutating func requiredString(_ map: Node.Mapping, _ key: String, in owner: String) -> String? {
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

  mutating func requiredInt(_ map: Node.Mapping, _ key: String, in owner: String) -> Int? {
    guard let node = map[key] else {
      problems.append(FileProblem(line: map.mark?.line, "\(owner.capitalizedFirst) has no '\(key)'."))
      return nil
    }
    return int(node, what: "the \(key) of \(owner)")
  }

  /// An id that must be unique across the whole file.
  mutating func requiredID(_ map: Node.Mapping, in owner: String) -> String? {
    guard let id = requiredString(map, "id", in: owner) else { return nil }
    let line = line(of: map, key: "id")
    if let first = ids[id] {
      problems.append(FileProblem(line: line, "The id \"\(id)\" is used twice (first on line \(first)); ids must be unique."))
    } else {
      ids[id] = line ?? 0
    }
    return id
  }

  mutating func allowOnly(_ map: Node.Mapping, keys: Set<String>, in owner: String) {
    for (keyNode, _) in map {
      let key = keyNode.string ?? ""
      if !keys.contains(key) {
        problems.append(FileProblem(line: keyNode.mark?.line,
          "Unknown key '\(key)' in \(owner); allowed are \(keys.sorted().joined(separator: ", "))."))
      }
    }
  }

  func line(of map: Node.Mapping, key: String) -> Int? {
    for (keyNode, _) in map where keyNode.string == key { return keyNode.mark?.line }
    return map.mark?.line
  }
}
