import WijkwebCore
/// Something a command should tell the user about a computed profile (on standard error, or on screen).
public enum ProfileNote: Sendable, Equatable, CustomStringConvertible {
  /// Sealed responses are not counted until they are imported with the key.
  case sealedNotCounted(Int)
  /// Weighted: responses in no area of the population file are left out.
  case outsidePopulation(Int)
  /// Weighted: the previous round has no population of its own, so the comparison with the previous round
  /// is left out (it is never weighted with this round's population).
  case previousRoundNotWeighted(String)
  /// Weighted: the previous round is weighted with its own population.
  case previousRoundWeighted(String)

  public var description: String {
    switch self {
    case .sealedNotCounted(let count):
      return "\(count) sealed responses not counted; import them with the key (wijkweb unseal --key FILE)"
    case .outsidePopulation(let count):
      return "gewogen: \(count) antwoorden liggen buiten de gebieden van het bevolkingsbestand en tellen niet mee"
    case .previousRoundNotWeighted(let name):
      return "gewogen: de vorige ronde \"\(name)\" heeft geen eigen bevolkingsbestand; de vergelijking met de vorige ronde is weggelaten"
    case .previousRoundWeighted(let name):
      return "gewogen: de vorige ronde \"\(name)\" is gewogen naar haar eigen bevolkingsbestand"
    }
  }
}

extension ProfileNote {
  /// The note in `language`.
  public func text(_ language: Language) -> String {
    switch self {
    case .sealedNotCounted(let count): return UIString.noteSealedNotCounted.format(language, count)
    case .outsidePopulation(let count): return UIString.noteOutsidePopulation.format(language, count)
    case .previousRoundNotWeighted(let name): return UIString.notePreviousNotWeighted.format(language, name)
    case .previousRoundWeighted(let name): return UIString.notePreviousWeighted.format(language, name)
    }
  }
}

/// A profile that cannot be computed, in one plain sentence.
public struct ProfileProblem: Error, CustomStringConvertible, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
