import Testing
import WijkwebCore

/// The personal-data check on Dutch (and some English) free text: what it must find, what it must leave
/// alone, and, with random text, that it never crashes and always returns sorted, disjoint ranges.
@Suite struct PersonalDataCheckTests {
  typealias Kind = PersonalDataCheck.Finding.Kind

  /// The place names and aliases of the shipped area lists, as the interview would pass them.
  static let placeNames: Set<String> = {
    var names: Set<String> = []
    for file in ["groningen", "vijfheerenlanden"] {
      let text = FuzzFiles.read("Areas/\(file).csv") ?? ""
      for row in CSV.parse(text).dropFirst() where row.fields.count >= 3 {
        names.insert(row.fields[2])
        if row.fields.count >= 5 {
          for alias in row.fields[4].split(separator: ";") { names.insert(String(alias)) }
        }
      }
    }
    return names
  }()

  func found(_ text: String, allowed: Set<String> = placeNames) -> [String] {
    PersonalDataCheck.findings(in: text, allowedNames: allowed).map { "\($0.kind.rawValue): \($0.text)" }
  }

  // MARK: E-mail

  @Test(arguments: [
    ("Mail me op jan.jansen@example.nl als het kan.", "jan.jansen@example.nl"),
    ("j.de-vries+wijk@buurt-huis.groningen.nl.", "j.de-vries+wijk@buurt-huis.groningen.nl"),
    ("(oma_1950@hotmail.com)", "oma_1950@hotmail.com"),
    ("E-MAIL: PIET@GMAIL.COM", "PIET@GMAIL.COM"),
  ])
  func emailAddresses(text: String, expected: String) {
    #expect(found(text) == ["email: \(expected)"])
  }

  @Test(arguments: ["jan@home", "@jan", "jan@", "op @ 3 uur", "a@b.c", "prijs: 3@2,50"])
  func notEmailAddresses(text: String) {
    #expect(found(text) == [])
  }

  // MARK: Phone numbers

  @Test(arguments: [
    "06-12345678", "0612345678", "06 12345678", "06 1234 5678", "06-12 34 56 78", "06 - 12 34 56 78",
    "+31 6 12345678", "+31612345678", "+31 (0)6 12345678", "+31 (0)20 123 4567", "0031 6 12 34 56 78",
    "050-1234567", "050 123 45 67", "020 123 4567", "020-1234567", "0591-123456", "(050) 1234567", "0800-1234",
    "0900 1234567", "010/1234567",
  ])
  func dutchPhoneNumbers(number: String) {
    #expect(found("Bel me op \(number), liefst 's avonds.") == ["phone: \(number)"])
    #expect(found(number) == ["phone: \(number)"])
  }

  @Test(arguments: [
    "Op 06-12-2023 ben ik gevallen.", "Tussen 06.00 en 08.00 uur slaap ik slecht.", "van 06.00-08.00 uur",
    "Ik heb 0 vrienden en 10 kleinkinderen.", "Mijn IBAN is NL91ABNA0417164300.", "Het kost 0,50 euro.",
    "Ik ben 87 jaar en 1,62 m.", "06-1234567", "061234567890", "+32 6 12345678", "0012345678", "Bel 112!",
    "versie 0.1234.5678", "tel12345678", "3.0612345678",
  ])
  func notPhoneNumbers(text: String) {
    #expect(found(text).filter { $0.hasPrefix("phone") } == [], "\(text)")
  }

  // MARK: Postcodes and addresses

  @Test(arguments: [
    ("Ik woon op 9712 AB 12.", "postcodeWithNumber: 9712 AB 12"),
    ("9712AB 12a", "postcodeWithNumber: 9712AB 12a"),
    ("adres: 9712 AB, 12-3", "postcodeWithNumber: 9712 AB, 12-3"),
    ("9712ab 4 is mijn adres", "postcodeWithNumber: 9712ab 4"),
    ("Ik woon in 9712 AB.", "postcode: 9712 AB"),
    ("Postcode 4132BC, Vianen", "postcode: 4132BC"),
  ])
  func postcodes(text: String, expected: String) {
    #expect(found(text) == [expected])
  }

  @Test(arguments: [
    "In 1995 is mijn man overleden.", "Ik fiets 2000 km per jaar.", "0712 AB 12", "9712 SS 3",
    "12345 AB", "9712 ABC", "9712 Ab 3",
  ])
  func notPostcodes(text: String) {
    #expect(found(text).filter { $0.hasPrefix("postcode") } == [], "\(text)")
  }

  @Test(arguments: [
    ("Ik woon aan de Hoofdstraat 12.", "address: Hoofdstraat 12"),
    ("Ik woon op de Oude Ebbingestraat 12a, bij het park.", "address: Oude Ebbingestraat 12a"),
    ("oosterstraat 3", "address: oosterstraat 3"),
    ("We wonen op de Grote Markt 1.", "address: Grote Markt 1"),
    ("Paterswoldseweg 50 is mijn adres", "address: Paterswoldseweg 50"),
    ("Zonnelaan 1-3", "address: Zonnelaan 1-3"),
    ("Kijk eens op het Damsterdiep 21", "address: Damsterdiep 21"),
    ("Bij de Vismarkt 5b", "address: Vismarkt 5b"),
  ])
  func streetsWithHouseNumbers(text: String, expected: String) {
    #expect(found(text) == [expected])
  }

  @Test(arguments: [
    "Ik loop 2 keer per week door het Stadspark 3 keer.", "Ik was onderweg 2 uur.", "Mijn zorgverzekering 2 jaar lang.",
    "Ik woon aan de Hoofdstraat.", "We gaan naar de Grote Markt.", "de weg 3 keer kwijt", "Ik kom uit de straat 12 jaar geleden.",
    "In het park 5 minuten lopen.", "Hoofdstraat 12%",
  ])
  func notAddresses(text: String) {
    #expect(found(text).filter { $0.hasPrefix("address") } == [], "\(text)")
  }

  // MARK: Names

  @Test(arguments: [
    ("Ik sprak gisteren met Jan Jansen over de tuin.", "name: Jan Jansen"),
    ("Mijn buurvrouw Ans helpt mij met boodschappen.", "name: Ans"),
    ("Mijn zoon Pieter komt elke week.", "name: Pieter"),
    ("Ik ga met mijn dochter, Fatima, naar de markt.", "name: Fatima"),
    ("Meneer de Vries van hiernaast is aardig.", "name: de Vries"),
    ("Ik praat veel met dhr. Jansen.", "name: Jansen"),
    ("Anna van der Berg woont hier ook.", "name: Anna van der Berg"),
    ("Gisteren zag ik Kees de Boer weer.", "name: Kees de Boer"),
    ("My neighbour Tom is very kind.", "name: Tom"),
    ("Zonder buurman Van Dijk was het niet gelukt.", "name: Van Dijk"),
    ("\"Mohammed El Amrani\" kwam langs.", "name: Mohammed El Amrani"),
    ("Ik mis mijn overbuurvrouw Gerda erg.", "name: Gerda"),
  ])
  func names(text: String, expected: String) {
    #expect(found(text) == [expected])
  }

  @Test(arguments: [
    "Ik voel me goed en ik wandel elke dag.", "In Groningen is het fijn wonen.", "Ik woon al 25 jaar in Beijum en werk in De Wijert.",
    "Mijn man is ziek.", "De man van de overkant groet nooit.", "Ik ben lid van de GGD en de WMO helpt.",
    "Met Albert Heijn om de hoek en het Rode Kruis dichtbij.", "Positieve Gezondheid vind ik een mooi idee.",
    "Op Maandag en Dinsdag ga ik zwemmen.", "Jan komt morgen.", "Ik ga met mijn dochter naar Oosterparkwijk.",
    "We gaan naar de Grote Markt.", "Ik woon in Helpman en mijn zus in Hoornse Meer.", "Mijn buurman. Daarna ging ik weg.",
    "Ik denk dat Lewenborg en Drielanden veranderd zijn.", "Vroeger Woonde ik hier.", "Sinds Kerst gaat het beter.",
    "Ik wandel in het Noorderplantsoen.", "IK BEN HEEL BOOS OP DE GEMEENTE.",
  ])
  func notNames(text: String) {
    #expect(found(text) == [], "\(text)")
  }

  @Test func placeNamesAreOnlyAllowedWhenPassed() {
    #expect(found("Ik woon in Corpus den Hoorn.", allowed: []) == ["name: Corpus den Hoorn"])
    #expect(found("Ik woon in Corpus den Hoorn.") == [])
    #expect(found("Ik woon in oude wijken.", allowed: []) == [])
    #expect(found("Sinds ik in Helpman woon", allowed: ["Helpman e.o."]) == [])
  }

  // MARK: Together

  @Test func severalFindingsComeInOrder() {
    let text = "Bel Jan Jansen op 06-12345678 of mail jan@example.nl; hij woont op de Hoofdstraat 12, 9712 AB."
    #expect(found(text) == [
      "name: Jan Jansen", "phone: 06-12345678", "email: jan@example.nl", "address: Hoofdstraat 12", "postcode: 9712 AB",
    ])
    let findings = PersonalDataCheck.findings(in: text)
    #expect(findings.allSatisfy { text[$0.range] == $0.text })
    #expect(PersonalDataCheck.containsPersonalData(text))
    #expect(!PersonalDataCheck.containsPersonalData("Ik voel me vaak moe, maar de buren helpen."))
  }

  @Test func aNameInsideAnAddressIsNotAlsoAName() {
    #expect(found("Ik woon aan de Oude Ebbingestraat 12", allowed: []) == ["address: Oude Ebbingestraat 12"])
  }

  @Test func emptyAndOddTextFindNothing() {
    for text in ["", " ", "\n\n", "@", "+", "0", "06", "'t", "-", "é", "👩‍👩‍👧", "\u{0301}", "Ĳsselmeer", "\u{0000}"] {
      #expect(PersonalDataCheck.findings(in: text).isEmpty, "\(text.debugDescription)")
    }
  }

  // MARK: Random text

  static let alphabet: [Character] = Array("0123456789 0612345678+-.()/,;:!?@_%'\"\nabcdefjklmnoprstuvwxyzABCDEFGJKLMNOPRSTVWZ")
    + ["é", "ë", "ï", "ĳ", "Ĳ", "ß", "\u{00A0}", "👍", "e\u{0301}", "\u{200D}", "’", "“", "\t"]
  static let words = [
    "Jan", "Jansen", "van", "der", "de", "Vries", "mijn", "buurvrouw", "Ans", "straat", "Hoofdstraat", "Markt", "Grote",
    "06-12345678", "9712", "AB", "12", "@", "example.nl", "+31", "(0)6", "keer", "Beijum", "In", "De", "dhr.", ",", ".",
    "\n", "Zonnelaan", "0800-1234", "mail", "jan.jansen@example.nl",
  ]

  /// Checks what must hold for any text: ranges inside it, sorted, disjoint, text matching the range.
  static func checkWellFormed(_ text: String, _ findings: [PersonalDataCheck.Finding]) {
    var previousEnd = text.startIndex
    for finding in findings {
      #expect(finding.range.lowerBound >= previousEnd, "overlap or disorder in \(text.debugDescription)")
      #expect(finding.range.upperBound <= text.endIndex)
      #expect(!finding.range.isEmpty)
      #expect(String(text[finding.range]) == finding.text)
      previousEnd = finding.range.upperBound
    }
  }

  @Test func randomTextNeverBreaksTheInvariants() {
    var random = SeededRandom(seed: 0x5EED_0001)
    let iterations = FuzzConfig.iterations(400)
    for _ in 0 ..< iterations {
      var text = ""
      for _ in 0 ..< Int(random.next() % 60) {
        if random.next() % 3 == 0 {
          text.append(Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))])
        } else {
          text += Self.words[Int(random.next() % UInt64(Self.words.count))]
          text.append(random.next() % 5 == 0 ? "" : " ")
        }
      }
      Self.checkWellFormed(text, PersonalDataCheck.findings(in: text, allowedNames: ["Beijum", "De Wijert", ""]))
    }
  }

  @Test func longTextIsCheckedQuickly() {
    let sentence = "Mijn buurvrouw Ans en Jan Jansen (06-12345678) wonen op de Hoofdstraat 12, 9712 AB; mail ans@example.nl. "
    let text = String(repeating: sentence, count: 200)
    let findings = PersonalDataCheck.findings(in: text, allowedNames: Self.placeNames)
    #expect(findings.count == 200 * 6)
    Self.checkWellFormed(text, findings)
  }
}
