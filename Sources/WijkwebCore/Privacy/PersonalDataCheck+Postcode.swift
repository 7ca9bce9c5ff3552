/// The scanner's rule for postcodes, with or without a house number (see `PersonalDataCheck` for the rules in words).
extension PersonalDataCheck.Scanner {
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
}
