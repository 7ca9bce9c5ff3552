import Foundation

/// The language packs in use, registered once at start-up (before any screen is drawn) and read by
/// `UIString.text`. Only packs with every interface text are registered, so no screen mixes languages.
public enum LanguagePacks {
  /// What the screens and the store need to know of a registered language besides its texts.
  public struct Info: Sendable, Equatable {
    public var language: Language
    public var name: String
    public var direction: LanguagePack.Direction
    public var status: LanguagePack.Status
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var tables: [Language: [UIString: String]] = [:]
  nonisolated(unsafe) private static var infos: [Language: Info] = [:]

  /// Makes `pack`'s interface texts available; false (and nothing changes) when texts are missing.
  @discardableResult
  public static func register(_ pack: LanguagePack) -> Bool {
    guard pack.missingStrings.isEmpty else { return false }
    lock.lock()
    defer { lock.unlock() }
    tables[pack.language] = pack.strings
    infos[pack.language] = Info(language: pack.language, name: pack.name, direction: pack.direction, status: pack.status)
    return true
  }

  /// The interface texts of a registered language; empty when there is none.
  public static func table(for language: Language) -> [UIString: String] {
    lock.lock()
    defer { lock.unlock() }
    return tables[language] ?? [:]
  }

  /// A registered language's name, direction and status; nil for Dutch, English and unknown codes.
  public static func info(for language: Language) -> Info? {
    lock.lock()
    defer { lock.unlock() }
    return infos[language]
  }

  /// Every registered language, by code.
  public static var registered: [Info] {
    lock.lock()
    defer { lock.unlock() }
    return infos.values.sorted { $0.language < $1.language }
  }

  /// What a response records beside its language: `built-in` for Dutch and English (the program's own
  /// texts), else the language file's `concept` or `checked`.
  public static func recordedStatus(of language: Language) -> String {
    if language == .dutch || language == .english { return "built-in" }
    return info(for: language)?.status.rawValue ?? "concept"
  }

  /// Whether screens should mark `language` as a draft that no native speaker has checked yet.
  public static func isConcept(_ language: Language) -> Bool { info(for: language)?.status == .concept }

  /// The language a printed page can be set in: the cairo text calls used for PDFs neither shape nor
  /// reorder right-to-left scripts (Arabic letters would come out unjoined and backwards), so those
  /// pages are printed in Dutch.
  public static func printable(_ language: Language) -> Language {
    info(for: language)?.direction == .rightToLeft ? .dutch : language
  }
}
