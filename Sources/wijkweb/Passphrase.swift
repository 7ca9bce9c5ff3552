import Foundation

/// Where a bundle's passphrase comes from: `--passphrase-file`, else `$WIJKWEB_PASSPHRASE`, else asked on
/// the terminal without echo.
enum Passphrase {
  static let environmentName = "WIJKWEB_PASSPHRASE"

  /// The passphrase from the file or the environment, or nil when neither gives one.
  static func given(file: String?) throws -> String? {
    if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw Failure("Cannot read the passphrase file \(file). Check the name and that you may read it.")
      }
      let firstLine = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
      let passphrase = firstLine.hasSuffix("\r") ? String(firstLine.dropLast()) : String(firstLine)
      guard !passphrase.isEmpty else { throw Failure("The passphrase file \(file) is empty; put the passphrase on its first line.") }
      return passphrase
    }
    if let value = ProcessInfo.processInfo.environment[environmentName], !value.isEmpty { return value }
    return nil
  }

  /// The passphrase from the file or the environment, else asked on the terminal (twice when `confirm`).
  static func required(file: String?, confirm: Bool, purpose: String, prompt: String = "Passphrase: ") throws -> String {
    if let passphrase = try given(file: file) { return passphrase }
    guard isatty(STDIN_FILENO) == 1 else {
      throw Failure("\(purpose) needs a passphrase: give --passphrase-file FILE or set \(environmentName).")
    }
    let passphrase = try ask(prompt)
    guard !passphrase.isEmpty else { throw Failure("No passphrase was typed; nothing was done.") }
    if confirm, try ask("Passphrase again: ") != passphrase {
      throw Failure("The two passphrases differ; nothing was done. Try again.")
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
    guard let line = readLine(strippingNewline: true) else { throw Failure("No passphrase was typed; nothing was done.") }
    return line
  }
}
