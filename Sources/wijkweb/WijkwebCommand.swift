import ArgumentParser
import Foundation
import WijkwebCore
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
      AuditCommand.self, CheckCommand.self, DisclosureCheckCommand.self, CentralCommand.self, SyncCommand.self, ReachCommand.self, IndicatorsCommand.self],
    defaultSubcommand: MenuCommand.self
  )

  /// Runs the command. The one place a failure is printed: a `UserFacingError`'s sentence once, with
  /// exit status 1; an SQLite error that escaped (a damaged page, a full disk, a lock held by another
  /// Wijkweb) as a plain sentence too, never as SQLite's own text; usage errors as the parser says them.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as UserFacingError {
      exit(withError: Failure(error.description))
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
      default: exit(withError: error)
      }
    }
  }
}

/// Options every command takes.
struct DatabaseOptions: ParsableArguments {
  @Option(name: .customLong("db"), help: "The database file (default: $WIJKWEB_DB, else the XDG data folder).")
  var path: String?
}
