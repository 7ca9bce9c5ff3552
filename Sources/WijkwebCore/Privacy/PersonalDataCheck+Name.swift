/// The scanner's rule for names of people (see `PersonalDataCheck` for the rules in words).
extension PersonalDataCheck.Scanner {
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
