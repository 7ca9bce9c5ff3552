/// What kind of place an area is, as the municipalities speak of it: a town district, a village, the kern
/// (a town or village with its own districts) a grouping stands for, a hamlet, the countryside around a
/// kern, or a business park. An area file may give it per area; areas without one inherit their parent's
/// kind for comparisons (`AreaTree.kind(of:)`).
public enum AreaKind: String, CaseIterable, Sendable, Codable {
  case stadswijk
  case dorp
  case kern
  case buurtschap
  case buitengebied
  case bedrijventerrein

  /// The kind's name in `language` (the Dutch word is the id).
  public func name(in language: Language) -> String {
    switch self {
    case .stadswijk: return UIString.areaKindStadswijk.text(language)
    case .dorp: return UIString.areaKindDorp.text(language)
    case .kern: return UIString.areaKindKern.text(language)
    case .buurtschap: return UIString.areaKindBuurtschap.text(language)
    case .buitengebied: return UIString.areaKindBuitengebied.text(language)
    case .bedrijventerrein: return UIString.areaKindBedrijventerrein.text(language)
    }
  }

  /// The kinds a resident's place can be compared by: a kern is a grouping of districts, not a place of its own.
  public static let comparable: [AreaKind] = [.stadswijk, .dorp, .buurtschap, .buitengebied, .bedrijventerrein]
}
