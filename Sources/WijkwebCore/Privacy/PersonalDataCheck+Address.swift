/// The scanner's rule for streets with a house number (see `PersonalDataCheck` for the rules in words).
extension PersonalDataCheck.Scanner {
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
}
