extension Language {
  /// This language's name in `interface`: "Pools" in Dutch, "Polish" in English; for a language without a
  /// name of its own in the string tables, its language file's own name, else its code.
  public func name(in interface: Language) -> String {
    let key: UIString? = switch self {
    case .dutch: .languageNameDutch
    case .english: .languageNameEnglish
    case Language("pl"): .languageNamePolish
    case Language("tr"): .languageNameTurkish
    case Language("uk"): .languageNameUkrainian
    case Language("ar"): .languageNameArabic
    default: nil
    }
    if let key { return key.text(interface) }
    return LanguagePacks.info(for: self)?.name ?? rawValue
  }
}

extension UIString {
  /// The footer's language key: "F2: " and the name of the language F2 switches to, in `interface`.
  public static func languageKey(next: Language, in interface: Language) -> String {
    UIString.keyLanguage.format(interface, next.name(in: interface))
  }
}
