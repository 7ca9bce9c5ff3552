extension PersonalDataCheck {
  /// Works on the text as an array of characters, with offsets mapped back to `String.Index`.
  struct Scanner {
    typealias Finding = PersonalDataCheck.Finding
    typealias Lexicon = PersonalDataCheck.Lexicon

    let text: String
    let characters: [Character]
    /// `indices[i]` is the index of `characters[i]`; the last entry is `text.endIndex`.
    let indices: [String.Index]
    let allowed: Set<String>
    let longestAllowed: Int

    init(text: String, allowedNames: Set<String>?) {
      self.text = text
      var characters: [Character] = []
      var indices: [String.Index] = []
      var index = text.startIndex
      while index < text.endIndex {
        characters.append(text[index])
        indices.append(index)
        index = text.index(after: index)
      }
      indices.append(text.endIndex)
      self.characters = characters
      self.indices = indices
      var allowed: Set<String> = []
      for name in (allowedNames ?? []).union(allowedNames == nil ? [] : Lexicon.wellKnownNonNames) {
        var words = Scanner.words(of: name)
        // "Helpman e.o." (en omstreken) is named as "Helpman" in speech.
        if words.count > 2, words.suffix(2) == ["e", "o"] { words.removeLast(2) }
        if !words.isEmpty { allowed.insert(words.joined(separator: " ")) }
      }
      self.allowed = allowed
      self.longestAllowed = allowed.map { $0.split(separator: " ").count }.max() ?? 0
    }

    /// A name or phrase as lower-case words, split as the text is (letters, with `-` or `'` inside).
    static func words(of phrase: String) -> [String] {
      Scanner(text: phrase.lowercased(), allowedNames: nil).tokenize().map(\.lower)
    }

    func finding(_ kind: Finding.Kind, _ start: Int, _ end: Int) -> Finding {
      let range = indices[start] ..< indices[end]
      return Finding(kind: kind, range: range, text: String(text[range]))
    }

    func run() -> [Finding] {
      guard !characters.isEmpty else { return [] }
      var found: [(kind: Finding.Kind, start: Int, end: Int)] = []
      found += emails()
      found += phones()
      found += postcodes()
      let tokens = tokenize()
      found += addresses(tokens)
      found += names(tokens)
      return resolve(found).map { finding($0.kind, $0.start, $0.end) }
    }

    /// Sorts, merges overlapping names, and drops names that overlap anything else; of two other
    /// overlapping findings the earlier (then longer) one stays.
    func resolve(_ found: [(kind: Finding.Kind, start: Int, end: Int)]) -> [(kind: Finding.Kind, start: Int, end: Int)] {
      let strong = found.filter { $0.kind != .name }.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
      var kept: [(kind: Finding.Kind, start: Int, end: Int)] = []
      for candidate in strong where !kept.contains(where: { $0.start < candidate.end && candidate.start < $0.end }) {
        kept.append(candidate)
      }
      var names: [(kind: Finding.Kind, start: Int, end: Int)] = []
      for name in found.filter({ $0.kind == .name }).sorted(by: { $0.start < $1.start }) {
        if kept.contains(where: { $0.start < name.end && name.start < $0.end }) { continue }
        if let last = names.last, last.end >= name.start {
          names[names.count - 1].end = max(last.end, name.end)
        } else {
          names.append(name)
        }
      }
      return (kept + names).sorted { $0.start < $1.start }
    }

    // MARK: Character classes

    func isDigit(_ offset: Int) -> Bool {
      offset >= 0 && offset < characters.count && characters[offset].isASCII && characters[offset].isNumber
    }

    func isLetter(_ offset: Int) -> Bool {
      offset >= 0 && offset < characters.count && characters[offset].isLetter
    }

    func isWordCharacter(_ offset: Int) -> Bool {
      offset >= 0 && offset < characters.count && (characters[offset].isLetter || characters[offset].isNumber)
    }

    func character(_ offset: Int) -> Character? {
      offset >= 0 && offset < characters.count ? characters[offset] : nil
    }
  }
}
