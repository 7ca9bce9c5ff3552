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
