import Testing

/// The suites whose screens depend on the languages registered in `LanguagePacks` (a process-wide
/// registry): one registers the draft languages, the other snapshots screens that list them, so they run
/// one after the other instead of side by side.
@Suite(.serialized) enum LanguageRegistryTests {}
