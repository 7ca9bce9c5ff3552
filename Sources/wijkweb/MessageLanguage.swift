import ArgumentParser
import WijkwebCore

/// `--language` for a command whose only output is its messages: nl or en. English when not given, as
/// these commands always spoke; commands that write a report or a table have their own `--language`.
struct MessageLanguage: ParsableArguments {
  @Option(name: .customLong("language"), help: "Language of the messages: nl or en.") var code: String = "en"

  var language: Language { Language(code) }

  func validate() throws {
    guard ["nl", "en"].contains(code) else { throw ValidationError("--language must be nl or en, not \(code).") }
  }
}

extension UIString {
  /// Prints the text in `language` on standard output.
  func say(_ language: Language, _ arguments: CustomStringConvertible...) {
    print(format(language, arguments: arguments))
  }
}
