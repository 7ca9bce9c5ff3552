/// How the scanner splits the text into words, and what it asks of a word (see `PersonalDataCheck`).
extension PersonalDataCheck.Scanner {
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
}
