import Foundation
import WijkwebCore

/// The language files in `Languages/` (one per language beyond Dutch and English).
enum LanguageFiles {
  /// Every language file, read and checked; a file with problems is a failure naming its lines.
  static func load() throws -> [LanguagePack] {
    guard let folder = try? DataFiles.folder("Languages") else { return [] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return try names.filter { $0.hasSuffix(".yaml") }.sorted().map { name in
      let url = folder.appendingPathComponent(name)
      do {
        return try LanguagePack.parse(try DataFiles.read(url), source: url.path, expected: Language(String(name.dropLast(5))))
      } catch let problems as FileProblems {
        throw Failure("A language file has problems:\n\(problems)")
      }
    }
  }

  /// Registers the complete languages and adds each to the rounds whose questionnaire it translates
  /// completely. Right-to-left languages only when `rightToLeft` (plain mode): the terminal screen does
  /// not reorder or shape them; it only registers them, so that it can say where they are offered.
  static func apply(to rounds: [RoundChoice], rightToLeft: Bool) throws -> [RoundChoice] {
    var result = rounds
    for pack in try load() {
      guard LanguagePacks.register(pack), pack.direction == .leftToRight || rightToLeft else { continue }
      for index in result.indices {
        let questionnaire = result[index].questionnaire
        if let translated = questionnaire.adding(pack.language, translations: pack.translations(of: questionnaire)) {
          result[index].questionnaire = translated
        }
      }
    }
    return result
  }
}
