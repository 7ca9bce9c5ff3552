/// The scanner's rule for Dutch phone numbers (see `PersonalDataCheck` for the rules in words).
extension PersonalDataCheck.Scanner {
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
}
