import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebStore

/// `wijkweb languages`: which interview languages are complete, their status (concept or checked), and
/// what each of the others lacks. Fails when a language file claims a questionnaire (has texts for it)
/// but is incomplete for it or for the interface, so a half translation never ships unnoticed.
struct LanguagesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "languages",
    abstract: "Interview languages: complete ones with their status, and the texts each other language still lacks.")

  @Option(help: "List every missing text of this language (a code such as tr).") var missing: String?

  func run() throws {
    let packs = try LanguageFiles.load()
    let questionnaires = try QuestionnaireFiles.all()
    let modules = try ModuleFiles.all()
    let interfaceTotal = UIString.allCases.count
    print("Texts present per language: the interface, then each questionnaire.")
    for builtIn in [Language.dutch, .english] {
      let cells = questionnaires.map { q in "\(q.id) " + (q.languages.contains(builtIn) ? "\(q.texts.count)/\(q.texts.count)" : "0/\(q.texts.count)") }
      print(row(builtIn.rawValue, builtIn == .dutch ? "Nederlands" : "English", "built-in", interfaceTotal, interfaceTotal, cells, offered: true))
    }
    var incomplete: [String] = []
    for pack in packs {
      let cells = questionnaires.map { questionnaire -> String in
        let total = questionnaire.texts.count
        return "\(questionnaire.id) \(total - pack.missingTexts(of: questionnaire).count)/\(total)"
      }
      let offered = pack.missingStrings.isEmpty && questionnaires.contains { pack.missingTexts(of: $0).isEmpty }
      let status = pack.status == .concept ? "concept-vertaling (concept)" : "checked"
      print(row(pack.language.rawValue, pack.name, status, interfaceTotal - pack.missingStrings.count, interfaceTotal, cells, offered: offered))
      if !pack.note.isEmpty { print("    note: " + pack.note.split(whereSeparator: \.isNewline).joined(separator: " ")) }
      incomplete += Self.shortfalls(of: pack, questionnaires: questionnaires, modules: modules)
    }
    print("""

      A language is offered to residents when its interface texts and a questionnaire's texts are all there
      (no half translations, and no machine translation). A concept language is a draft that no native
      speaker has checked yet: screens mark it "concept-vertaling" and each response records it.
      Right-to-left languages (such as Arabic) are offered only in `wijkweb interview --plain`: the
      terminal screen does not reorder or shape right-to-left text, while the plain mode writes each line
      in logical order for a screen reader or braille display. Translators fill in Languages/<code>.yaml;
      `--missing <code>` lists what is left.
      """)
    for pack in packs where pack.direction == .rightToLeft {
      print("\(pack.language.rawValue): right-to-left, plain mode only")
    }
    if let code = missing {
      guard let pack = packs.first(where: { $0.language.rawValue == code }) else {
        throw Failure("There is no language file Languages/\(code).yaml; the languages are \(packs.map(\.language.rawValue).joined(separator: ", ")).")
      }
      print("\nMissing in \(code) (interface, key: Dutch text):")
      for key in pack.missingStrings { print("  \(key.rawValue): \(key.text(.dutch))") }
      for questionnaire in questionnaires {
        let paths = pack.missingTexts(of: questionnaire)
        guard !paths.isEmpty else { continue }
        print("\nMissing in \(code) for \(questionnaire.id) (path: Dutch text):")
        let dutch = Dictionary(questionnaire.texts.map { ($0.path, $0.text.text(.dutch)) }, uniquingKeysWith: { first, _ in first })
        for path in paths { print("  \(path): \(dutch[path] ?? "")") }
      }
    }
    if !incomplete.isEmpty {
      throw Failure("Incomplete for what they claim:\n" + incomplete.map { "  " + $0 }.joined(separator: "\n"))
    }
  }

  /// What a language file claims (the questionnaires it has texts for) but lacks: its interface texts,
  /// or texts of a claimed questionnaire, or a questionnaire that does not exist. A file that claims
  /// nothing (waiting for a translator) lacks nothing it claims.
  /// A section `module.ID` claims a theme module: its questions are checked as they stand in the first
  /// questionnaire with the module switched on.
  static func shortfalls(of pack: LanguagePack, questionnaires: [Questionnaire], modules: [QuestionnaireModule] = []) -> [String] {
    let claimed = pack.questionnaires.keys.sorted()
    guard !claimed.isEmpty || !pack.strings.isEmpty else { return [] }
    var result: [String] = []
    let code = pack.language.rawValue
    if !pack.missingStrings.isEmpty { result.append("\(code): \(pack.missingStrings.count) interface texts missing") }
    if claimed.isEmpty { result.append("\(code): no questionnaire translated") }
    for id in claimed where id.hasPrefix("module.") {
      guard let module = modules.first(where: { "module." + $0.id == id }) else {
        result.append("\(code): there is no theme module '\(id.dropFirst(7))'")
        continue
      }
      let missing = missingModuleTexts(of: pack, module: module, questionnaires: questionnaires)
      if !missing.isEmpty { result.append("\(code): \(missing.count) texts of \(id) missing") }
    }
    for id in claimed where !id.hasPrefix("module.") {
      guard let questionnaire = questionnaires.first(where: { $0.id == id }) else {
        result.append("\(code): there is no questionnaire '\(id)'")
        continue
      }
      let missing = pack.missingTexts(of: questionnaire).count
      if missing > 0 { result.append("\(code): \(missing) texts of \(id) missing") }
    }
    return result
  }

  /// The paths of a module's texts that `pack` lacks (its questions in the default questionnaire).
  static func missingModuleTexts(of pack: LanguagePack, module: QuestionnaireModule, questionnaires: [Questionnaire]) -> [String] {
    guard let base = questionnaires.first(where: { $0.id == "positieve-gezondheid-wijk" }) ?? questionnaires.first,
          let source = try? QuestionnaireFiles.load(base.id).0,
          let composed = try? QuestionnaireParser.parse(try QuestionnaireModule.compose(base: source, modules: [module]), source: module.id) else {
      return ["(the module does not combine with the questionnaire; `wijkweb round create --module \(module.id)` says why)"]
    }
    let own = Set(pack.missingTexts(of: base))
    return pack.missingTexts(of: composed).filter { !own.contains($0) }
  }

  private func row(_ code: String, _ name: String, _ status: String, _ present: Int, _ total: Int, _ cells: [String], offered: Bool) -> String {
    "\(code)  \(name)  \(offered ? "offered" : "not offered yet (missing texts)")  \(status)\n    interface \(present)/\(total); "
      + cells.joined(separator: "; ")
  }
}
