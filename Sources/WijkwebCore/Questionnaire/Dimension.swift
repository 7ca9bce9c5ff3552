/// One of the six dimensions of Positive Health, by its stable key.
public enum Dimension: String, CaseIterable, Sendable, Codable, Hashable {
  case lichaamsfuncties
  case mentaalWelbevinden = "mentaal_welbevinden"
  case zingeving
  case kwaliteitVanLeven = "kwaliteit_van_leven"
  case meedoen
  case dagelijksFunctioneren = "dagelijks_functioneren"

  /// The key used in files and the database.
  public var key: String { rawValue }
}
