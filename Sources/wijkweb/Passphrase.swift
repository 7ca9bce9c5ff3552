import Foundation
import WijkwebCore

/// Where a bundle's passphrase comes from: `--passphrase-file`, else `$WIJKWEB_PASSPHRASE`, else asked on
/// the terminal without echo.
enum Passphrase {
  static let environmentName = "WIJKWEB_PASSPHRASE"

  /// The passphrase from the file or the environment, or nil when neither gives one.
  static func given(file: String?) throws -> String? {
    if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw Failure(.errPassphraseFileUnreadable, file)
      }
      let firstLine = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
      let passphrase = firstLine.hasSuffix("\r") ? String(firstLine.dropLast()) : String(firstLine)
      guard !passphrase.isEmpty else { throw Failure(.errPassphraseFileEmpty, file) }
      return passphrase
    }
    if let value = ProcessInfo.processInfo.environment[environmentName], !value.isEmpty { return value }
    return nil
  }

  /// The passphrase from the file or the environment, else asked on the terminal (twice when `confirm`).
  /// `purpose` says what needs it ("Creating a team key"), `prompt` what is asked; both are said in the
  /// command's `--language`, as the failures are.
  static func required(file: String?, confirm: Bool, purpose: LocalizedMessage,
                       prompt: LocalizedMessage = LocalizedMessage(.passphrasePrompt)) throws -> String {
    if let passphrase = try given(file: file) { return passphrase }
    let language = MessageLanguage.chosen
    guard isatty(STDIN_FILENO) == 1 else {
      throw Failure(LocalizedMessage(.errPassphraseNeeded, purpose.text(language), environmentName))
    }
    let passphrase = try ask(prompt.text(language))
    guard !passphrase.isEmpty else { throw Failure(.errPassphraseNoneTyped) }
    if confirm, try ask(UIString.passphraseAgain.text(language)) != passphrase {
      throw Failure(.errPassphrasesDiffer)
    }
    return passphrase
  }

  /// One line typed on the terminal with echo off.
  static func ask(_ prompt: String) throws -> String {
    // Echo goes off before the prompt appears, so nothing typed after the prompt is ever shown.
    var saved = termios()
    let hasTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
    if hasTerminal {
      var silent = saved
      silent.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(STDIN_FILENO, TCSANOW, &silent)
    }
    defer {
      if hasTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
      FileHandle.standardError.write(Data("\n".utf8))
    }
    FileHandle.standardError.write(Data(prompt.utf8))
    guard let line = readLine(strippingNewline: true) else { throw Failure(.errPassphraseNoneTyped) }
    return line
  }
}
