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
