import Foundation
import WijkwebCore

/// The theme modules that ship in `Questionnaires/modules/` (mantelzorg, eenzaamheid, vrijwilligerswerk,
/// digitale-vaardigheden), and a questionnaire with some of them switched on.
enum ModuleFiles {
  /// Every shipped module, in file name order.
  static func all() throws -> [QuestionnaireModule] {
    let folder = try DataFiles.folder("Questionnaires").appendingPathComponent("modules")
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    return try files.map { try load(folder.appendingPathComponent($0).path) }
  }

  /// A module by its id (a shipped one) or a path to a module file.
  static func load(_ idOrPath: String) throws -> QuestionnaireModule {
    var path = idOrPath
    if !FileManager.default.fileExists(atPath: path) {
      let folder = try DataFiles.folder("Questionnaires").appendingPathComponent("modules")
      path = folder.appendingPathComponent(idOrPath + ".yaml").path
      guard idOrPath.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), FileManager.default.fileExists(atPath: path) else {
        let known = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }
          .map { String($0.dropLast(5)) }.sorted()
        throw Failure(.errNoModule, TerminalText.visible(idOrPath), known.joined(separator: ", "))
      }
    }
    let text = try DataFiles.read(path, limit: QuestionnaireModule.maximumFileBytes, what: "module")
    do {
      return try QuestionnaireModule(text: text, source: path)
    } catch let problems as FileProblems {
      throw Failure(.errModuleUnusable, detail: "\(problems)")
    }
  }

  /// The questionnaire `source` with `modules` switched on: the composed text, parsed and so checked.
  static func compose(_ source: String, _ parsed: Questionnaire, modules: [String]) throws -> (String, Questionnaire) {
    guard !modules.isEmpty else { return (source, parsed) }
    do {
      let composed = try QuestionnaireModule.compose(base: source, modules: try modules.map(load))
      return (composed, try QuestionnaireParser.parse(composed, source: "\(parsed.id) + \(modules.joined(separator: " + "))"))
    } catch let problems as FileProblems {
      throw Failure(.errModulesUnusable, detail: "\(problems)")
    }
  }
}
