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
  @OptionGroup var messages: MessageLanguage

  func run() throws {
    let language = messages.language
    func say(_ text: UIString, _ arguments: CustomStringConvertible...) { print(text.format(language, arguments: arguments)) }
    let packs = try LanguageFiles.load()
    let questionnaires = try QuestionnaireFiles.all()
    let modules = try ModuleFiles.all()
    let interfaceTotal = UIString.allCases.count
    say(.langIntro)
    for builtIn in [Language.dutch, .english] {
      let cells = questionnaires.map { q in "\(q.id) " + (q.languages.contains(builtIn) ? "\(q.texts.count)/\(q.texts.count)" : "0/\(q.texts.count)") }
      print(row(builtIn.rawValue, builtIn == .dutch ? "Nederlands" : "English", UIString.langBuiltIn.text(language), interfaceTotal,
                interfaceTotal, cells, offered: true, language))
    }
    var incomplete: [String] = []
    for pack in packs {
      let cells = questionnaires.map { questionnaire -> String in
        let total = questionnaire.texts.count
        return "\(questionnaire.id) \(total - pack.missingTexts(of: questionnaire).count)/\(total)"
      }
      let offered = pack.missingStrings.isEmpty && questionnaires.contains { pack.missingTexts(of: $0).isEmpty }
      let status = (pack.status == .concept ? UIString.langStatusConcept : .langStatusChecked).text(language)
      print(row(pack.language.rawValue, pack.name, status, interfaceTotal - pack.missingStrings.count, interfaceTotal, cells,
                offered: offered, language))
      if !pack.note.isEmpty { print("    " + UIString.langNote.format(language, pack.note.split(whereSeparator: \.isNewline).joined(separator: " "))) }
      incomplete += Self.shortfalls(of: pack, questionnaires: questionnaires, modules: modules, language)
    }
    print("")
    for line in ParserMessages.wrap(UIString.langExplain.text(language), width: 104, indent: 0) { print(line) }
    for pack in packs where pack.direction == .rightToLeft {
      say(.langRightToLeft, pack.language.rawValue)
    }
    if let code = missing {
      guard let pack = packs.first(where: { $0.language.rawValue == code }) else {
        throw Failure(.errNoLanguageFile, code, packs.map(\.language.rawValue).joined(separator: ", "))
      }
      print("\n" + UIString.langMissingInterface.format(language, code))
      for key in pack.missingStrings { print("  \(key.rawValue): \(key.text(.dutch))") }
      for questionnaire in questionnaires {
        let paths = pack.missingTexts(of: questionnaire)
        guard !paths.isEmpty else { continue }
        print("\n" + UIString.langMissingQuestionnaire.format(language, code, questionnaire.id))
        let dutch = Dictionary(questionnaire.texts.map { ($0.path, $0.text.text(.dutch)) }, uniquingKeysWith: { first, _ in first })
        for path in paths { print("  \(path): \(dutch[path] ?? "")") }
      }
    }
    if !incomplete.isEmpty {
      // Said in the command's language already, as the lines are.
      throw Failure(UIString.errLanguagesIncomplete.text(language) + "\n" + incomplete.map { "  " + $0 }.joined(separator: "\n"))
    }
  }

  /// What a language file claims (the questionnaires it has texts for) but lacks: its interface texts,
  /// or texts of a claimed questionnaire, or a questionnaire that does not exist. A file that claims
  /// nothing (waiting for a translator) lacks nothing it claims.
  /// A section `module.ID` claims a theme module: its questions are checked as they stand in the first
  /// questionnaire with the module switched on.
  static func shortfalls(of pack: LanguagePack, questionnaires: [Questionnaire], modules: [QuestionnaireModule] = [],
                         _ language: Language = .english) -> [String] {
    let claimed = pack.questionnaires.keys.sorted()
    guard !claimed.isEmpty || !pack.strings.isEmpty else { return [] }
    var result: [String] = []
    let code = pack.language.rawValue
    if !pack.missingStrings.isEmpty { result.append(UIString.langShortInterface.format(language, code, pack.missingStrings.count)) }
    if claimed.isEmpty { result.append(UIString.langShortNoQuestionnaire.format(language, code)) }
    for id in claimed where id.hasPrefix("module.") {
      guard let module = modules.first(where: { "module." + $0.id == id }) else {
        result.append(UIString.langShortUnknownQuestionnaire.format(language, code, id))
        continue
      }
      let missing = missingModuleTexts(of: pack, module: module, questionnaires: questionnaires)
      if !missing.isEmpty { result.append(UIString.langShortQuestionnaireTexts.format(language, code, missing.count, id)) }
    }
    for id in claimed where !id.hasPrefix("module.") {
      guard let questionnaire = questionnaires.first(where: { $0.id == id }) else {
        result.append(UIString.langShortUnknownQuestionnaire.format(language, code, id))
        continue
      }
      let missing = pack.missingTexts(of: questionnaire).count
      if missing > 0 { result.append(UIString.langShortQuestionnaireTexts.format(language, code, missing, id)) }
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

  private func row(_ code: String, _ name: String, _ status: String, _ present: Int, _ total: Int, _ cells: [String], offered: Bool,
                   _ language: Language) -> String {
    "\(code)  \(name)  \((offered ? UIString.langOffered : .langNotOffered).text(language))  \(status)\n    "
      + UIString.langInterfaceCount.format(language, present, total) + "; " + cells.joined(separator: "; ")
  }
}
