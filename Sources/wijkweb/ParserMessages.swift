import ArgumentParser
import Foundation
import WijkwebCore

/// The argument parser's own messages in the command's `--language` (other than English, which is the
/// parser's text unchanged): a usage error as one sentence, the usage line and where the help is; and
/// `--help` with its headings, the abstracts of the top-level commands and the parser's own lines. The
/// help of each option stays in English, and the help says so.
enum ParserMessages {
  /// The top-level commands and the key of their abstract.
  static let abstracts: [(command: ParsableCommand.Type, key: UIString)] = [
    (WijkwebCommand.self, .cliAbstractWijkweb), (MenuCommand.self, .cliAbstractMenu), (InterviewCommand.self, .cliAbstractInterview),
    (QuestionnaireCommand.self, .cliAbstractQuestionnaire), (DemoCommand.self, .cliAbstractDemo),
    (ProfileCommand.self, .cliAbstractProfile), (ReportCommand.self, .cliAbstractReport), (DashboardCommand.self, .cliAbstractDashboard),
    (ReviewCommand.self, .cliAbstractReview), (ExportCommand.self, .cliAbstractExport), (RoundCommand.self, .cliAbstractRound),
    (AreasCommand.self, .cliAbstractAreas), (BundleCommand.self, .cliAbstractBundle), (KeysCommand.self, .cliAbstractKeys),
    (UnsealCommand.self, .cliAbstractUnseal), (WithdrawCommand.self, .cliAbstractWithdraw), (LanguagesCommand.self, .cliAbstractLanguages),
    (PurgeCommand.self, .cliAbstractPurge), (BackupCommand.self, .cliAbstractBackup), (AuditCommand.self, .cliAbstractAudit),
    (CheckCommand.self, .cliAbstractCheck), (DisclosureCheckCommand.self, .cliAbstractDisclosureCheck),
    (CentralCommand.self, .cliAbstractCentral), (SyncCommand.self, .cliAbstractSync), (AgendaCommand.self, .cliAbstractAgenda),
    (DeviceCommand.self, .cliAbstractDevice), (TeamCommand.self, .cliAbstractTeam),
  ]

  /// The abstract `english` of a top-level command in `language`; nil for another text.
  static func abstract(_ english: String, _ language: Language) -> String? {
    abstracts.first { $0.command.configuration.abstract == english }.map { $0.key.text(language) }
  }

  // MARK: Usage errors

  /// The parser's full message for a usage error (its "Error:" sentence, perhaps a "Help:" line quoting an
  /// option's English help, the usage line, where the help is) in `language`: the sentence, the usage line
  /// and the pointer to the help. The "Help:" line is left out. A first word that is no command is said
  /// as such in every language, alone: the parser would blame the menu (the default command) for it.
  /// nil when `full` is no usage error, or in English, which is the parser's text.
  static func usageError(_ full: String, arguments: [String], _ language: Language) -> String? {
    let lines = full.components(separatedBy: "\n")
    guard let first = lines.first, first.hasPrefix("Error: ") else { return nil }
    if let word = unknownCommand(arguments) {
      return UIString.errPrefix.text(language) + UIString.cliUnknownCommand.format(language, "'\(word)'")
    }
    guard language != .english else { return nil }
    let english = String(first.dropFirst("Error: ".count))
    var result = [UIString.errPrefix.text(language) + (sentence(english, arguments: arguments, language) ?? english)]
    for line in lines.dropFirst() {
      if line.hasPrefix("Usage: ") {
        result.append(UIString.cliUsage.format(language, line.dropFirst("Usage: ".count)))
      } else if let match = line.wholeMatch(of: #/  See '(.+)' for more information\./#) {
        result.append(UIString.cliSeeHelp.format(language, "'\(match.1) --language \(language.rawValue)'"))
      } else if !line.hasPrefix("Help: "), !line.hasPrefix("   or: "), !line.isEmpty {
        result.append(line)
      }
    }
    return result.joined(separator: "\n")
  }

  /// The first argument when it is a word but no command (nor `help`).
  static func unknownCommand(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), first != "help", commandPath([first]).count == 1 else { return nil }
    return first
  }

  /// One sentence of the parser (without "Error: ") in `language`; nil when it is not one it knows.
  static func sentence(_ english: String, arguments: [String], _ language: Language) -> String? {
    func quoted(_ text: Substring) -> String { "'\(text)'" }
    if let match = english.wholeMatch(of: /Missing expected argument '(.+)'/) {
      return UIString.cliMissingArgument.format(language, quoted(match.1))
    }
    if let match = english.wholeMatch(of: /Missing one of: (.+)/) {
      return UIString.cliMissingOneOf.format(language, match.1)
    }
    if let match = english.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
      return UIString.cliUnknownOptionSuggestion.format(language, quoted(match.1), quoted(match.2))
    }
    if let match = english.wholeMatch(of: /Unknown option '(.+)'/) {
      return UIString.cliUnknownOption.format(language, quoted(match.1))
    }
    if let match = english.wholeMatch(of: /Missing value for '(.+)'/) {
      return UIString.cliMissingValue.format(language, quoted(match.1))
    }
    if let match = english.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'/) {
      return UIString.cliBadValue.format(language, quoted(match.1), quoted(match.2))
    }
    if let match = english.wholeMatch(of: /Unexpected argument '(.+)'/) {
      return UIString.cliUnexpectedArgument.format(language, quoted(match.1))
    }
    if let match = english.wholeMatch(of: /\d+ unexpected arguments: (.+)/) {
      return UIString.cliUnexpectedArguments.format(language, match.1)
    }
    if let match = english.wholeMatch(of: /The option '(.+)' does not take any value, but '(.*)' was specified\./) {
      return UIString.cliNoValueAllowed.format(language, quoted(match.1), quoted(match.2))
    }
    if english == "Missing required subcommand." { return UIString.cliMissingSubcommand.text(language) }
    if let match = english.wholeMatch(of: /Invalid option: (.+)/) {
      return UIString.cliInvalidOption.format(language, match.1)
    }
    return nil
  }

  // MARK: Help

  /// Whether `message` (the parser's text for an error that exits 0) is a help screen.
  static func isHelp(_ message: String) -> Bool { message.hasPrefix("OVERVIEW:") || message.hasPrefix("USAGE:") }

  /// The help of the command the arguments name (`wijkweb round close --help`, `wijkweb help round`, or
  /// `wijkweb --help`), in `language`. Also in English when `--language` is given: the root does not take
  /// that option, so the parser would show the menu's help instead of the list of commands.
  static func help(arguments: [String], _ language: Language, width: Int = 80) -> String {
    let command = commandPath(arguments).last ?? WijkwebCommand.self
    let english = command == WijkwebCommand.self
      ? WijkwebCommand.helpMessage(includeHidden: false, columns: width)
      : WijkwebCommand.helpMessage(for: command, includeHidden: false, columns: width)
    return language == .english ? english : translatedHelp(english, language, width: width)
  }

  /// The commands the arguments walk through, from `wijkweb` down (a leading `help` is skipped).
  static func commandPath(_ arguments: [String]) -> [ParsableCommand.Type] {
    var path: [ParsableCommand.Type] = [WijkwebCommand.self]
    var words = arguments.prefix(while: { $0 != "--" }).filter { !$0.hasPrefix("-") }
    if words.first == "help" { words.removeFirst() }
    for word in words {
      guard let next = path.last?.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
      path.append(next)
    }
    return path
  }

  /// The parser's help screen `english` said in `language`: headings, the overview and the commands'
  /// abstracts (when they are top-level ones), the parser's own lines; the options' own help as it is.
  static func translatedHelp(_ english: String, _ language: Language, width: Int = 80) -> String {
    let headings: [String: UIString] = ["USAGE:": .cliHelpUsage, "ARGUMENTS:": .cliHelpArguments, "OPTIONS:": .cliHelpOptions,
                                        "SUBCOMMANDS:": .cliHelpSubcommands]
    let column = 26
    // "(default: " and the bare word "default", as the table says them.
    let defaultPrefix = UIString.cliHelpDefault.text(language).components(separatedBy: "{1}")[0]
    let defaultWord = defaultPrefix.dropFirst().trimmingCharacters(in: .whitespaces).dropLast()
    let lines = english.components(separatedBy: "\n")
    var output: [String] = []
    var section = ""
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      if line.hasPrefix("OVERVIEW: ") {
        // The overview runs to the first empty line, wrapped by the parser.
        var text = String(line.dropFirst("OVERVIEW: ".count))
        while index < lines.count, !lines[index].isEmpty {
          text += " " + lines[index].trimmingCharacters(in: .whitespaces)
          index += 1
        }
        output += wrap(UIString.cliHelpOverview.text(language) + " " + (abstract(text, language) ?? text), width: width, indent: 0)
        continue
      }
      if let heading = headings.keys.first(where: { line == $0 || line.hasPrefix($0 + " ") }) {
        section = heading
        output.append(headings[heading]!.text(language) + line.dropFirst(heading.count))
        if heading == "OPTIONS:", Self.hasOwnOptions(lines[index...]) {
          output.append("  (" + UIString.cliHelpOptionsNote.text(language) + ")")
        }
        continue
      }
      if let match = line.wholeMatch(of: #/  See 'wijkweb help (.*)<subcommand>' for detailed help\./#) {
        output.append(UIString.cliHelpSeeSubcommand.format(language, "'wijkweb \(match.1)<…> --help --language \(language.rawValue)'"))
        continue
      }
      if section == "SUBCOMMANDS:", let entry = line.wholeMatch(of: #/  (\S+)( \(default\))?(?:\s{2,}(.*))?/#) {
        // One command: its name, then its abstract, perhaps continued on the lines below.
        var text = String(entry.3 ?? "")
        while index < lines.count, lines[index].hasPrefix(String(repeating: " ", count: 4)) {
          text += (text.isEmpty ? "" : " ") + lines[index].trimmingCharacters(in: .whitespaces)
          index += 1
        }
        let name = "  " + entry.1 + (entry.2 == nil ? "" : " (\(defaultWord))")
        let wrapped = wrap(abstract(text, language) ?? text, width: width, indent: column)
        if name.count + 2 <= column, let first = wrapped.first {
          output.append(name.padding(toLength: column, withPad: " ", startingAt: 0) + first.dropFirst(column))
          output += wrapped.dropFirst()
        } else {
          output.append(name)
          output += wrapped
        }
        continue
      }
      output.append(line
        .replacingOccurrences(of: "Show help information.", with: UIString.cliHelpShowHelp.text(language))
        .replacingOccurrences(of: "Show the version.", with: UIString.cliHelpShowVersion.text(language))
        .replacingOccurrences(of: "(default: ", with: defaultPrefix))
    }
    return output.joined(separator: "\n")
  }

  /// Whether an OPTIONS section (the lines after its heading) has options beyond `--version` and `--help`.
  private static func hasOwnOptions(_ lines: ArraySlice<String>) -> Bool {
    lines.prefix(while: { !$0.isEmpty }).contains { line in
      line.hasPrefix("  -") && !line.contains("--version") && !line.contains("--help")
    }
  }

  /// `text` in lines of at most `width` characters, each indented by `indent` spaces; a word longer than
  /// a line stands alone on its line.
  static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
    let margin = String(repeating: " ", count: indent)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty, indent + current.count + 1 + word.count > width {
        lines.append(margin + current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty || lines.isEmpty { lines.append(margin + current) }
    return lines
  }
}
