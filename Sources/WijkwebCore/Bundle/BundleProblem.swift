/// Why a bundle cannot be used, said in one plain sentence: what is wrong, where, and what to do.
///
/// The sentence does not name the file; the command puts the file name in front of it.
public struct BundleProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// A plain sentence saying what is wrong and what to do.
  public var message: String

  /// The sentence in any language, for the problems met most; `message` is its English.
  public var localized: LocalizedMessage?

  public init(_ message: String) { self.message = message }

  /// What to do about it, said after the sentence (`BundleValidator` adds its advice so).
  public var advice: LocalizedMessage?

  public init(_ localized: LocalizedMessage, advice: LocalizedMessage? = nil) {
    self.localized = localized
    self.advice = advice
    self.message = ""
    self.message = text(.english)
  }

  /// The sentence in `language` (English when it has no other).
  public func text(_ language: Language) -> String {
    guard let localized else { return message }
    guard let advice else { return localized.text(language) }
    return UIString.bvDetailAdvice.format(language, localized.text(language), advice.text(language))
  }

  public var description: String { message }
}
