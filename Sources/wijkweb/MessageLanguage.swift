import ArgumentParser
import WijkwebCore

/// `--language` for a command whose only output is its messages: nl or en. English when not given, as
/// these commands always spoke; commands that write a report or a table have their own `--language`.
struct MessageLanguage: ParsableArguments {
  @Option(name: .customLong("language"), help: "Language of the messages: nl or en.") var code: String?

  var language: Language { language(defaultingTo: .english) }

  /// The language asked for, else `fallback` (for a command that spoke Dutch before `--language` came).
  func language(defaultingTo fallback: Language) -> Language { code.map { Language($0) } ?? fallback }

  func validate() throws {
    if let code, !["nl", "en"].contains(code) { throw ValidationError(UIString.errLanguageValue.format(Self.chosen, code)) }
  }

  /// The language of failures: Dutch when the command line says `--language nl` (or `--language=nl`),
  /// else English, as Wijkweb always spoke. Read from the arguments themselves, so that a failure while
  /// parsing (a bad option value) is said in it too.
  static func chosen(in arguments: [String]) -> Language {
    var code: String?
    var index = arguments.startIndex
    while index < arguments.endIndex, arguments[index] != "--" {
      let argument = arguments[index]
      if argument == "--language", index + 1 < arguments.endIndex {
        code = arguments[index + 1]
        index += 1
      } else if argument.hasPrefix("--language=") {
        code = String(argument.dropFirst("--language=".count))
      }
      index += 1
    }
    return code == "nl" ? .dutch : .english
  }

  /// Whether the command line gives `--language` at all.
  static func isGiven(in arguments: [String]) -> Bool {
    arguments.prefix(while: { $0 != "--" }).contains { $0 == "--language" || $0.hasPrefix("--language=") }
  }

  /// The language of failures of this process's command line.
  static var chosen: Language { chosen(in: CommandLine.arguments) }
}

extension UIString {
  /// Prints the text in `language` on standard output.
  func say(_ language: Language, _ arguments: CustomStringConvertible...) {
    print(format(language, arguments: arguments))
  }
}
