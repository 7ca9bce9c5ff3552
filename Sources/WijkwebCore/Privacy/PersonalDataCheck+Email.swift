/// The scanner's rule for e-mail addresses (see `PersonalDataCheck` for the rules in words).
extension PersonalDataCheck.Scanner {
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
}
