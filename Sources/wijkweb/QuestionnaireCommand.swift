import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebFiles

/// `wijkweb questionnaire check|list`.
struct QuestionnaireCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "questionnaire", abstract: "Check questionnaire files and list the installed ones.",
    subcommands: [Check.self, List.self])

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate questionnaire files; every problem with file:line.")

    @Argument(help: "The questionnaire files (YAML) to check.")
    var files: [String]
    @OptionGroup var messages: MessageLanguage

    func run() throws {
      var failed = false
      for file in files {
        let text: String
        do {
          text = try TextFile.read(file, limit: QuestionnaireParser.maximumFileBytes, what: "questionnaire")
        } catch let error as FileError {
          print(FileProblem.printable(error.message))
          failed = true
          continue
        }
        do {
          let questionnaire = try QuestionnaireParser.parse(text, source: file)
          let counts = questionnaire.parts.map { "\($0.id) \($0.items.count)" }.joined(separator: ", ")
          UIString.cmdQuestionnaireOK.say(messages.language, file, questionnaire.id, questionnaire.version,
                                          questionnaire.languages.map(\.rawValue).joined(separator: ", "), counts)
        } catch let problems as FileProblems {
          print(TerminalText.visible(problems.description, keepingNewlines: true))
          if problems.problems.count == 1 {
            UIString.cmdQuestionnaireProblem.say(messages.language, file)
          } else {
            UIString.cmdQuestionnaireProblems.say(messages.language, file, problems.problems.count)
          }
          failed = true
        }
      }
      if failed { throw ExitCode(1) }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the questionnaires that ship with the program.")
    @OptionGroup var messages: MessageLanguage

    func run() throws {
      let folder = try DataFiles.folder("Questionnaires")
      let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
      for file in files {
        let url = folder.appendingPathComponent(file)
        do {
          let questionnaire = try QuestionnaireParser.parse(try DataFiles.read(url), source: url.path)
          let items = questionnaire.parts.map(\.items.count).reduce(0, +)
          let language = messages.language
          print([questionnaire.id, UIString.cmdQuestionnaireVersion.format(language, questionnaire.version),
                 questionnaire.languages.map(\.rawValue).joined(separator: ","), UIString.cmdQuestionnaireStatements.format(language, items),
                 TerminalText.visible(questionnaire.title.text(messages.language(defaultingTo: .dutch)))].joined(separator: "\t"))
        } catch {
          print(file + "\t" + UIString.cmdQuestionnaireUnusable.format(messages.language, url.path))
        }
      }
    }
  }
}
