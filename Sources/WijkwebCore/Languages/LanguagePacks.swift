import Foundation

/// The language packs in use, registered once at start-up (before any screen is drawn) and read by
/// `UIString.text`. Only packs with every interface text are registered, so no screen mixes languages.
public enum LanguagePacks {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var tables: [Language: [UIString: String]] = [:]

  /// Makes `pack`'s interface texts available; false (and nothing changes) when texts are missing.
  @discardableResult
  public static func register(_ pack: LanguagePack) -> Bool {
    guard pack.missingStrings.isEmpty else { return false }
    lock.lock()
    defer { lock.unlock() }
    tables[pack.language] = pack.strings
    return true
  }

  /// The interface texts of a registered language; empty when there is none.
  public static func table(for language: Language) -> [UIString: String] {
    lock.lock()
    defer { lock.unlock() }
    return tables[language] ?? [:]
  }
}
