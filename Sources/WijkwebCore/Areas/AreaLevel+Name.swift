extension AreaLevel {
  /// The level's name in `language`, one set for the report, the codebook and the screens: gemeente = municipality,
  /// gebied = area, wijk = district, buurt = neighbourhood (as CBS translates wijk and buurt).
  public func name(in language: Language) -> String {
    switch self {
    case .gemeente: return UIString.reportLevelGemeente.text(language)
    case .gebied: return UIString.reportLevelGebied.text(language)
    case .wijk: return UIString.reportLevelWijk.text(language)
    case .buurt: return UIString.reportLevelBuurt.text(language)
    }
  }
}
