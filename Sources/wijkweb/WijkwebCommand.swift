import ArgumentParser
import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebFiles
import WijkwebReports
import WijkwebStore

/// `wijkweb`: Positive Health in the neighbourhood, in the terminal.
@main
struct WijkwebCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wijkweb",
    abstract: "Positive Health in the neighbourhood: interviews, profiles and reports.",
    version: Version.text,
    subcommands: [MenuCommand.self, InterviewCommand.self, QuestionnaireCommand.self, DemoCommand.self, ProfileCommand.self, ReportCommand.self, DashboardCommand.self, ReviewCommand.self, ExportCommand.self, RoundCommand.self, AreasCommand.self,
      BundleCommand.self, KeysCommand.self, UnsealCommand.self, WithdrawCommand.self, LanguagesCommand.self, PurgeCommand.self, BackupCommand.self,
      AuditCommand.self, CheckCommand.self, DisclosureCheckCommand.self, CentralCommand.self, SyncCommand.self, AgendaCommand.self,
      DeviceCommand.self, TeamCommand.self],
    defaultSubcommand: MenuCommand.self
  )

  /// Runs the command. The one place a failure is printed: a `UserFacingError`'s sentence once, with
  /// exit status 1; an SQLite error that escaped (a damaged page, a full disk, a lock held by another
  /// Wijkweb) as a plain sentence too, never as SQLite's own text; usage errors as the parser says them.
  /// Failures are said in the command's `--language` (nl or en; English when not given, as before).
  static func main() {
    let language = MessageLanguage.chosen(in: CommandLine.arguments)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as UserFacingError {
      fail(failure(error).said(in: language), language)
    } catch {
      if let plain = StoreError.plain(error, path: AppSetup.openedPath) {
        exit(withError: Failure(plain.message))
      }
      // Messages that may quote a file or the database go out through `Failure`, which makes control
      // characters visible.
      switch error {
      case let error as StoreError: exit(withError: Failure(error.message))
      case let problem as BundleProblem: exit(withError: Failure(problem.message))
      case let problem as KeyProblem: exit(withError: Failure(problem.message))
      case let error as CentralError: exit(withError: Failure(error.message))
      default:
        // The parser's own messages (a bad option value from `validate`) with "Error:" in `language` too.
        let message = fullMessage(for: error)
        guard language != .english, message.hasPrefix("Error: ") else { exit(withError: error) }
        FileHandle.standardError.write(Data((UIString.errPrefix.text(language) + message.dropFirst("Error: ".count) + "\n").utf8))
        Foundation.exit(exitCode(for: error).rawValue)
      }
    }
  }
}

extension WijkwebCommand {
  /// Prints `failure` after "Error:" in `language` and exits with status 1.
  static func fail(_ failure: Failure, _ language: Language) -> Never {
    guard language != .english else { exit(withError: failure) }
    FileHandle.standardError.write(Data((UIString.errPrefix.text(language) + failure.description + "\n").utf8))
    Foundation.exit(EXIT_FAILURE)
  }

  /// The failure to print for `error`, keeping the other languages it has.
  static func failure(_ error: UserFacingError) -> Failure {
    switch error {
    case let failure as Failure: return failure
    case let error as StoreError: return Failure(error)
    case let error as FileError: return Failure(error)
    case let error as RenderError: return Failure(error)
    default: return Failure(error.description)
    }
  }
}

/// Options every command takes.
struct DatabaseOptions: ParsableArguments {
  @Option(name: .customLong("db"), help: "The database file (default: $WIJKWEB_DB, else the XDG data folder).")
  var path: String?
}
