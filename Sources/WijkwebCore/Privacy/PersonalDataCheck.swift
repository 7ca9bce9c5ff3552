/// Finds what looks like personal data in a resident's free text, so the volunteer can be warned before
/// it is stored; the reviewer decides. It only warns: the rules are simple and meant to catch the usual
/// cases (an e-mail address, a phone number, an address, a name) with few false alarms.
///
/// The rules, in order:
/// - **email**: `local@domain.tld` — letters, digits and `._%+-` before the `@`, a domain with at least
///   one dot and a top-level part of two or more letters after it.
/// - **phone**: a Dutch number written with spaces, `-`, `.`, `/` or brackets between the digits and not
///   glued to other letters or digits: ten digits starting with `0` (`06-12345678`, `0612345678`,
///   `050-1234567`, `020 123 4567`, `0591-123456`), nine digits after `+31` or `0031`, optionally with a
///   `(0)` (`+31 6 12345678`, `+31 (0)20 1234567`), or a service number `0800`/`0900`/`0906`/`0909`
///   with four to seven more digits. Dates (`06-12-2023`) and times (`06.00-08.00`) have too few digits.
/// - **postcodeWithNumber**: a postcode (four digits not starting with 0, then two capitals, with or
///   without a space; two lower-case letters only without a space, as in `9712ab`) followed by a house
///   number (`9712 AB 12`, `9712AB 12a`, `9712 AB, 12-3`).
/// - **postcode**: such a postcode without a house number after it.
/// - **address**: a street and a house number: a word ending in a street suffix (`straat`, `laan`,
///   `plein`, `weg`, `dijk`, `kade`, `gracht`, `singel`, `steeg`, `dreef`, `hof`, `pad`, `park`, `markt`,
///   ...) followed by a number of one to four digits with an optional letter (`Hoofdstraat 12`,
///   `Grote Markt 1a`, `oosterstraat 3`). Short or ambiguous suffixes (`weg`, `hof`, `pad`, `park`,
///   `markt`, `ring`, `baan`, `wal`, `erf`) count only in a capitalised word; a number followed by a unit
///   (`Stadspark 3 keer`, `onderweg 2 uur`) is no house number.
/// - **name**: (a) a relation or title followed by a capitalised word: `mijn buurvrouw Ans`, `zoon Pieter`,
///   `meneer de Vries`, `dhr. Jansen`, `my neighbour Tom`; the finding is the name itself; (b) two or more
///   capitalised words in a row, with particles (`van`, `de`, `der`, `ter`, ...) allowed between them:
///   `Jan Jansen`, `Anna van der Berg`. A word counts as capitalised when it starts with a capital and
///   has a lower-case letter (so `GGD` does not). Never part of a name: common sentence openers and
///   function words (`In`, `De`, `Gisteren`, `Mijn`, `Maandag`, ...; so a run at the start of a sentence
///   loses such a first word), relation words and titles themselves, the words of `allowedNames`
///   (compared without case, whole words; multi-word names too — pass the place names of `Areas/*.csv`
///   here; a trailing `e.o.` is ignored) and a few well-known organisations (`Albert Heijn`, `Rode Kruis`,
///   `Positieve Gezondheid`, ...). A run that ends in a street word (`Grote Markt`) is a place, not a name.
///   A single capitalised word (`Jan`, `Beijum`) is not flagged: too many places look like that.
///
/// Findings are sorted by position and do not overlap: a name inside an address or e-mail is left out.
public enum PersonalDataCheck {
  /// One piece of text that looks like personal data.
  public struct Finding: Hashable, Sendable {
    /// What the text looks like.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
      case email
      case phone
      case postcodeWithNumber
      case postcode
      case address
      case name
    }

    public var kind: Kind
    /// Where in the checked text it is.
    public var range: Range<String.Index>
    /// The matched text itself.
    public var text: String

    public init(kind: Kind, range: Range<String.Index>, text: String) {
      self.kind = kind
      self.range = range
      self.text = text
    }
  }

  /// The findings in `text`, sorted by position and not overlapping. `allowedNames` are words or
  /// phrases that are never names (place names, organisations), compared without regard to case.
  public static func findings(in text: String, allowedNames: Set<String> = []) -> [Finding] {
    let scanner = Scanner(text: text, allowedNames: allowedNames)
    return scanner.run()
  }

  /// Whether `text` holds anything that looks like personal data.
  public static func containsPersonalData(_ text: String, allowedNames: Set<String> = []) -> Bool {
    !findings(in: text, allowedNames: allowedNames).isEmpty
  }
}

// MARK: - The scanner

extension PersonalDataCheck {
  /// Works on the text as an array of characters, with offsets mapped back to `String.Index`.
  private struct Scanner {
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

    // MARK: E-mail

    static func isLocalPart(_ character: Character) -> Bool {
      (character.isLetter || character.isNumber) || "._%+-".contains(character)
    }

    static func isDomainPart(_ character: Character) -> Bool {
      character.isLetter || character.isNumber || character == "-" || character == "."
    }

    func emails() -> [(kind: Finding.Kind, start: Int, end: Int)] {
      var result: [(kind: Finding.Kind, start: Int, end: Int)] = []
      var searchFrom = 0
      for at in characters.indices where characters[at] == "@" && at >= searchFrom {
        var start = at
        while start > 0, Self.isLocalPart(characters[start - 1]) { start -= 1 }
        while start < at, characters[start] == "." { start += 1 }
        var end = at + 1
        while end < characters.count, Self.isDomainPart(characters[end]) { end += 1 }
        while end > at + 1, characters[end - 1] == "." || characters[end - 1] == "-" { end -= 1 }
        guard start < at, end > at + 1 else { continue }
        let domain = characters[(at + 1) ..< end]
        guard let lastDot = domain.lastIndex(of: "."), lastDot > at + 1 else { continue }
        let topLevel = domain[(lastDot + 1)...]
        guard topLevel.count >= 2, topLevel.allSatisfy(\.isLetter) else { continue }
        result.append((.email, start, end))
        searchFrom = end
      }
      return result
    }

    // MARK: Phone numbers

    static let phoneSeparators: Set<Character> = [" ", "-", ".", "/", "(", ")", "\u{00A0}"]

    func phones() -> [(kind: Finding.Kind, start: Int, end: Int)] {
      var result: [(kind: Finding.Kind, start: Int, end: Int)] = []
      var offset = 0
      while offset < characters.count {
        if let end = phone(at: offset) {
          result.append((.phone, offset, end))
          offset = end
        } else {
          offset += 1
        }
      }
      return result
    }

    /// The end of a phone number starting at `start`, if one does.
    func phone(at start: Int) -> Int? {
      let first = characters[start]
      guard first == "+" || first == "0" || first == "(" else { return nil }
      if start > 0, let before = character(start - 1), before.isLetter || before.isNumber || before == "+" || before == "@" {
        return nil
      }
      if start > 1, let before = character(start - 1), before == "." || before == ",", isDigit(start - 2) { return nil }
      var digits = ""
      var offset = start
      var international = false
      if first == "+" {
        international = true
        offset += 1
      }
      var separatorsInARow = 0
      var best: Int?
      while offset < characters.count, digits.count <= 13 {
        let character = characters[offset]
        if character.isASCII, character.isNumber {
          digits.append(character)
          separatorsInARow = 0
          offset += 1
          if !isDigit(offset), Self.isPhoneNumber(digits, plus: international) {
            best = offset
            break
          }
        } else if Self.phoneSeparators.contains(character), separatorsInARow < 3 {
          separatorsInARow += 1
          offset += 1
        } else {
          break
        }
      }
      guard let end = best else { return nil }
      // Not glued to letters after it (an id such as 0612345678abc is no phone number).
      if isLetter(end) { return nil }
      return end
    }

    static func isPhoneNumber(_ digits: String, plus: Bool) -> Bool {
      var national: Substring
      if plus {
        guard digits.hasPrefix("31") else { return false }
        national = digits.dropFirst(2)
      } else if digits.hasPrefix("0031") {
        national = digits.dropFirst(4)
      } else {
        guard digits.hasPrefix("0") else { return false }
        for service in ["0800", "0900", "0906", "0909"] where digits.hasPrefix(service) {
          return (8 ... 11).contains(digits.count)
        }
        return digits.count == 10 && digits.dropFirst().first != "0"
      }
      if national.first == "0" { national = national.dropFirst() }
      return national.count == 9 && national.first != "0"
    }

    // MARK: Postcodes

    func postcodes() -> [(kind: Finding.Kind, start: Int, end: Int)] {
      var result: [(kind: Finding.Kind, start: Int, end: Int)] = []
      var offset = 0
      while offset + 6 <= characters.count {
        guard let (end, withNumber) = postcode(at: offset) else {
          offset += 1
          continue
        }
        result.append((withNumber ? .postcodeWithNumber : .postcode, offset, end))
        offset = end
      }
      return result
    }

    func postcode(at start: Int) -> (Int, Bool)? {
      guard (start ..< start + 4).allSatisfy(isDigit), characters[start] != "0", !isWordCharacter(start - 1) else { return nil }
      var offset = start + 4
      let spaced = character(offset) == " "
      if spaced { offset += 1 }
      guard let a = character(offset), let b = character(offset + 1), a.isASCII, b.isASCII, a.isLetter, b.isLetter else { return nil }
      let upper = a.isUppercase && b.isUppercase
      let lower = a.isLowercase && b.isLowercase
      guard upper || (lower && !spaced) else { return nil }
      let letters = String([a, b]).uppercased()
      guard !["SA", "SD", "SS"].contains(letters) else { return nil }
      offset += 2
      guard !isWordCharacter(offset) else { return nil }
      let postcodeEnd = offset
      // A house number: after a space or ", ", one to five digits, an optional letter or -suffix.
      var numberStart = offset
      if character(numberStart) == "," { numberStart += 1 }
      guard character(numberStart) == " " else { return (postcodeEnd, false) }
      numberStart += 1
      guard let numberEnd = houseNumber(at: numberStart) else { return (postcodeEnd, false) }
      return (numberEnd, true)
    }

    /// The end of a house number at `start` (`12`, `12a`, `12-3`, `12 bis` is `12`), if there is one.
    func houseNumber(at start: Int, maxDigits: Int = 5) -> Int? {
      var offset = start
      while isDigit(offset), offset - start < maxDigits { offset += 1 }
      guard offset > start, characters[start] != "0", !isDigit(offset) else { return nil }
      if let letter = character(offset), letter.isLetter, !isLetter(offset + 1) {
        offset += 1
      } else if character(offset) == "-", isWordCharacter(offset + 1) {
        var suffixEnd = offset + 1
        while isWordCharacter(suffixEnd), suffixEnd - offset <= 4 { suffixEnd += 1 }
        if !isWordCharacter(suffixEnd) { offset = suffixEnd }
      }
      guard !isWordCharacter(offset) else { return nil }
      // "12%" or "12,5" is an amount, not a house number.
      if let next = character(offset), next == "%" || ((next == "," || next == ".") && isDigit(offset + 1)) { return nil }
      return offset
    }

    // MARK: Words

    /// A word: letters, with `'` or `-` inside it (`Wijert-Zuid`, `'t`).
    struct Token {
      var start: Int
      var end: Int
      var text: String
      var lower: String
      /// Only whitespace (no newline) lies between the previous word and this one.
      var joinedToPrevious: Bool
      /// The word begins a sentence: first in the text, or after `.`, `!`, `?`, `:`, `;` or a newline.
      var startsSentence: Bool
      /// The previous word ended with a "." right before the gap (an abbreviation like "dhr.").
      var afterPeriod: Bool

      var isCapitalised: Bool {
        guard let first = text.first, first.isUppercase, text.count >= 2 else { return false }
        return text.dropFirst().contains { $0.isLowercase }
      }
    }

    func tokenize() -> [Token] {
      var tokens: [Token] = []
      var offset = 0
      var gap = ""
      var sawStart = true
      while offset < characters.count {
        let character = characters[offset]
        if character.isLetter || (character == "'" && isLetter(offset + 1) && !isLetter(offset - 1)) {
          let start = offset
          offset += 1
          while offset < characters.count {
            let next = characters[offset]
            if next.isLetter || ((next == "-" || next == "'" || next == "’") && isLetter(offset + 1)) {
              offset += 1
            } else {
              break
            }
          }
          let word = String(characters[start ..< offset])
          let joined = !tokens.isEmpty && !gap.isEmpty && gap.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
          let sentence = sawStart || gap.contains { ".!?:;\n\r•".contains($0) }
          tokens.append(Token(start: start, end: offset, text: word, lower: word.lowercased(), joinedToPrevious: joined,
                              startsSentence: sentence, afterPeriod: gap.first == "."))
          gap = ""
          sawStart = false
        } else {
          // Quotes and brackets at a sentence start keep it a sentence start.
          if !"\"'“”‘’([".contains(character) { gap.append(character) }
          if character.isNumber { sawStart = false }
          offset += 1
        }
      }
      return tokens
    }

    /// For each token, whether it lies inside an allowed name (a place or organisation).
    func allowedMask(_ tokens: [Token]) -> [Bool] {
      var mask = Array(repeating: false, count: tokens.count)
      guard longestAllowed > 0 else { return mask }
      for start in tokens.indices {
        var phrase = ""
        for length in 1 ... longestAllowed where start + length <= tokens.count {
          let token = tokens[start + length - 1]
          if length > 1 {
            guard token.joinedToPrevious else { break }
            phrase += " "
          }
          phrase += token.lower
          if allowed.contains(phrase) {
            for covered in start ..< start + length { mask[covered] = true }
          }
        }
      }
      return mask
    }

    // MARK: Addresses

    func streetSuffix(of token: Token) -> String? {
      for suffix in Lexicon.streetSuffixes where token.lower.hasSuffix(suffix) {
        let compound = token.lower.count >= suffix.count + 3
        if Lexicon.capitalisedOnlySuffixes.contains(suffix) {
          guard token.isCapitalised else { continue }
        } else if !compound && !token.isCapitalised {
          continue
        }
        return suffix
      }
      return nil
    }

    func addresses(_ tokens: [Token]) -> [(kind: Finding.Kind, start: Int, end: Int)] {
      var result: [(kind: Finding.Kind, start: Int, end: Int)] = []
      for (position, token) in tokens.enumerated() {
        guard streetSuffix(of: token) != nil else { continue }
        // A bare suffix word ("Markt", "Weg") is a street only after a capitalised word ("Grote Markt").
        if Lexicon.streetSuffixes.contains(token.lower) {
          guard position > 0, tokens[position - 1].isCapitalised, token.joinedToPrevious else { continue }
        }
        var numberStart = token.end
        guard character(numberStart) == " " || character(numberStart) == "\u{00A0}" else { continue }
        numberStart += 1
        guard let numberEnd = houseNumber(at: numberStart, maxDigits: 4) else { continue }
        if let next = tokens.first(where: { $0.start >= numberEnd }), Lexicon.units.contains(next.lower),
           characters[numberEnd ..< next.start].allSatisfy({ $0 == " " }) {
          continue
        }
        // Capitalised words before it belong to the street ("Oude Ebbingestraat 12").
        var first = position
        if token.isCapitalised {
          while first > 0, tokens[first].joinedToPrevious {
            let previous = tokens[first - 1]
            guard previous.isCapitalised, !Lexicon.sentenceOpeners.contains(previous.lower),
                  !Lexicon.relations.contains(previous.lower), !Lexicon.titles.contains(previous.lower) else { break }
            first -= 1
          }
        }
        result.append((.address, tokens[first].start, numberEnd))
      }
      return result
    }

    // MARK: Names

    func names(_ tokens: [Token]) -> [(kind: Finding.Kind, start: Int, end: Int)] {
      let mask = allowedMask(tokens)
      var result: [(kind: Finding.Kind, start: Int, end: Int)] = []

      /// A capitalised word that can be part of a name: not allowed, no opener, relation or title.
      func isNameWord(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.isCapitalised && !mask[index] && !Lexicon.sentenceOpeners.contains(token.lower)
          && !Lexicon.relations.contains(token.lower) && !Lexicon.titles.contains(token.lower)
      }

      /// The name words from `start` on, joined by spaces, with particles between them ("Jan van der Berg").
      func run(from start: Int) -> (last: Int, words: Int) {
        var last = start
        var words = 1
        var index = start + 1
        while index < tokens.count, tokens[index].joinedToPrevious, !tokens[index].startsSentence {
          if isNameWord(index) {
            last = index
            words += 1
          } else if !Lexicon.particles.contains(tokens[index].lower) {
            break
          }
          index += 1
        }
        return (last, words)
      }

      func isStreet(_ index: Int) -> Bool {
        streetSuffix(of: tokens[index]) != nil || Lexicon.streetSuffixes.contains(tokens[index].lower)
      }

      // (a) A relation or title, then a capitalised word: the name after it.
      for (position, token) in tokens.enumerated() {
        let title = Lexicon.titles.contains(token.lower)
        guard title || Lexicon.relations.contains(token.lower), position + 1 < tokens.count else { continue }
        var next = position + 1
        let gap = characters[token.end ..< tokens[next].start]
        let spaces = gap.allSatisfy { $0 == " " }
        let afterComma = gap.first == "," && gap.dropFirst().allSatisfy { $0 == " " }
        let afterAbbreviation = title && gap.count > 1 && gap.first == "." && gap.dropFirst().allSatisfy { $0 == " " }
        guard !gap.isEmpty, spaces || afterComma || afterAbbreviation else { continue }
        // "meneer van Dam", "mevrouw De Vries"; after a relation only a capitalised particle ("buurman Van Dijk"),
        // since "de man van de overkant" names nobody.
        while next + 1 < tokens.count, Lexicon.particles.contains(tokens[next].lower), tokens[next + 1].joinedToPrevious,
              title || tokens[next].isCapitalised {
          next += 1
        }
        guard isNameWord(next) else { continue }
        let (last, _) = run(from: next)
        // "mijn buurvrouw Hoofdstraat" is odd, but "buurman Van Dijk" is a surname after a particle.
        guard next > position + 1 || !isStreet(last) else { continue }
        var first = next
        while first > position + 1, Lexicon.particles.contains(tokens[first - 1].lower) { first -= 1 }
        result.append((.name, tokens[first].start, tokens[last].end))
      }

      // (b) Two or more name words in a row.
      var index = 0
      while index < tokens.count {
        guard isNameWord(index) else {
          index += 1
          continue
        }
        let (last, words) = run(from: index)
        if words >= 2, !isStreet(last) {
          result.append((.name, tokens[index].start, tokens[last].end))
        }
        index = last + 1
      }
      return result
    }
  }
}

// MARK: - Word lists

extension PersonalDataCheck {
  /// The small word lists the rules use. Lower-case.
  enum Lexicon {
    static let streetSuffixes: [String] = [
      "straatweg", "straat", "laan", "plein", "dijk", "kade", "gracht", "singel", "steeg", "dreef", "plantsoen",
      "boulevard", "allee", "diep", "weg", "hof", "pad", "park", "markt", "ring", "baan", "wal", "erf",
    ]
    /// Suffixes that also end ordinary words (`onderweg`, `verzekering`): only capitalised words count.
    static let capitalisedOnlySuffixes: Set<String> = ["weg", "hof", "pad", "park", "markt", "ring", "baan", "wal", "erf", "diep"]

    /// Words after a number that make it an amount, not a house number.
    static let units: Set<String> = [
      "keer", "maal", "x", "jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen", "uur", "uren",
      "minuut", "minuten", "km", "kilometer", "meter", "m", "euro", "procent", "kilo", "kg", "stuks", "personen",
      "mensen", "kinderen", "times", "years", "months", "weeks", "days", "hours", "minutes", "people",
    ]

    /// Words that say a name follows: relations (after "mijn", "onze", ... or alone).
    static let relations: Set<String> = [
      "buurvrouw", "buurman", "overbuurvrouw", "overbuurman", "buurmeisje", "buurjongen", "dochter", "zoon",
      "kleindochter", "kleinzoon", "kleinkind", "vrouw", "man", "partner", "vriend", "vriendin", "moeder", "vader",
      "broer", "zus", "zuster", "oma", "opa", "tante", "oom", "neef", "nicht", "schoonmoeder", "schoonvader",
      "schoonzoon", "schoondochter", "zwager", "schoonzus", "collega", "huisarts", "mantelzorger", "wijkverpleegkundige",
      "verzorgster", "thuishulp", "stiefvader", "stiefmoeder", "stiefzoon", "stiefdochter", "kind", "ex",
      "neighbour", "neighbor", "daughter", "son", "wife", "husband", "friend", "mother", "father", "brother",
      "sister", "grandson", "granddaughter", "aunt", "uncle", "cousin", "carer", "doctor", "gp",
    ]

    /// Titles before a surname.
    static let titles: Set<String> = [
      "meneer", "mevrouw", "mevr", "mw", "dhr", "heer", "juf", "juffrouw", "meester", "dokter", "dr", "pastor",
      "dominee", "pater", "zuster", "mr", "mrs", "ms", "miss", "sir",
    ]

    /// Name particles (tussenvoegsels) that may stand between the capitalised words of a name.
    static let particles: Set<String> = [
      "van", "de", "der", "den", "'t", "ter", "ten", "te", "la", "le", "du", "da", "di", "del", "von", "zu",
    ]

    /// Common words that open a sentence with a capital: a run starting with one drops it.
    static let sentenceOpeners: Set<String> = [
      // Dutch pronouns, articles, conjunctions, prepositions, adverbs
      "ik", "je", "jij", "u", "hij", "zij", "ze", "wij", "we", "jullie", "het", "de", "een", "dit", "dat", "deze",
      "die", "mijn", "m'n", "onze", "ons", "uw", "zijn", "haar", "hun", "en", "maar", "of", "want", "dus", "omdat",
      "als", "toen", "terwijl", "sinds", "sindsdien", "nadat", "voordat", "zodat", "hoewel", "ook", "nog", "al",
      "in", "op", "aan", "bij", "met", "voor", "na", "naar", "van", "uit", "om", "over", "onder", "tussen", "door",
      "zonder", "tegen", "langs", "rond", "vanaf", "tot", "nu", "dan", "daar", "hier", "er", "waar", "wat", "wie",
      "hoe", "waarom", "wanneer", "welke", "vroeger", "later", "straks", "gisteren", "vandaag", "morgen", "soms",
      "vaak", "altijd", "nooit", "meestal", "elke", "iedere", "ieder", "elk", "alle", "veel", "weinig", "meer",
      "minder", "graag", "helaas", "gelukkig", "eigenlijk", "misschien", "vooral", "zeker", "echt", "ja", "nee",
      "niet", "geen", "niets", "alles", "iets", "iemand", "niemand", "samen", "thuis", "verder", "daarom",
      "daarna", "eerst", "toch", "wel", "zo", "zelf", "zoals", "tijdens", "binnen", "buiten", "boven", "beneden",
      "hopelijk", "dankzij", "door", "ondanks", "volgens", "mede", "beter", "goed", "fijn", "leuk", "mooi",
      "jammer", "prima", "oké", "oke", "hallo", "dag", "dank", "bedankt", "meneer", "mevrouw",
      // Verbs that open a request ("Bel Jan Jansen")
      "bel", "mail", "vraag", "zeg", "kijk", "ga", "kom", "laat", "stuur", "app",
      // English
      "i", "you", "he", "she", "it", "we", "they", "the", "a", "an", "this", "that", "these", "those", "my", "our",
      "your", "his", "her", "their", "and", "but", "or", "so", "because", "when", "since", "if", "then", "there",
      "here", "what", "who", "how", "why", "in", "on", "at", "with", "for", "to", "from", "of", "by", "about",
      "yesterday", "today", "tomorrow", "sometimes", "often", "always", "never", "every", "more", "less", "yes",
      "no", "not", "also", "maybe", "mostly", "before", "after", "during",
      // Days and months, which English capitalises
      "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "januari", "februari", "maart", "april", "mei",
      "juni", "juli", "augustus", "september", "oktober", "november", "december", "january", "february", "march",
      "may", "june", "july", "august", "october",
      // Holidays and the like
      "kerst", "kerstmis", "pasen", "pinksteren", "sinterklaas", "koningsdag", "oud", "nieuw", "christmas", "easter",
    ]

    /// Well-known organisations and phrases that are capitalised but name no person.
    static let wellKnownNonNames: Set<String> = [
      "Albert Heijn", "Rode Kruis", "Leger des Heils", "Positieve Gezondheid", "Mijn Gezondheid", "Mijn Wijk",
      "Sociaal Team", "Wijkteam", "Buurtzorg", "Voedselbank", "Zonnebloem", "Humanitas", "Nederland",
      "Den Haag", "Den Bosch", "Tweede Kamer", "Sint Maarten", "Nieuwe Markt", "Grote Markt", "Vismarkt",
      "Martini Ziekenhuis", "Martiniziekenhuis", "UMCG", "Universitair Medisch Centrum", "Noorderplantsoen",
      "Stadspark", "Hema", "Jumbo", "Lidl", "Aldi", "Kruidvat", "Action", "Coop", "Spar", "Plus", "Facebook",
      "WhatsApp", "Google", "Netflix", "Nieuwe Kerk", "Martinikerk", "Der Aa-kerk", "Oude Wijken",
    ]
  }
}
