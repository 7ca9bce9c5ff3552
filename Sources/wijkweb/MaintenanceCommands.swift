import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebProfiles
import WijkwebStore

/// `wijkweb purge`: delete responses past their round's retention.
struct PurgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "purge", abstract: "Delete responses past their round's retention period.")
  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage
  @Option(help: "Only this round.") var round: String?

  func run() throws {
    let store = try AppSetup.openStore(database, purge: false, existing: true)
    if let round {
      let names = try store.rounds().map(\.name)
      guard names.contains(round) else {
        throw Failure(.errNoRoundNothingDeleted, round, names.joined(separator: ", "))
      }
    }
    let report = try store.purgeExpired(roundName: round, actor: "coordinator")
    if report.isEmpty {
      print(round.map { UIString.cmdPurgeStillKept.format(messages.language, $0) } ?? UIString.cmdPurgeNothing.text(messages.language))
    }
    for (name, deleted) in report { UIString.cmdPurged.say(messages.language, name, deleted) }
  }
}

/// `wijkweb backup`: a consistent copy while the program may be in use.
struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "backup", abstract: "Write a consistent copy of the database.")
  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage
  @Option(help: "The new backup file.") var out: String

  func run() throws {
    let store = try AppSetup.openStore(database, existing: true)
    try store.backup(to: out, actor: "coordinator")
    UIString.cmdBackupWritten.say(messages.language, out)
  }
}

/// `wijkweb audit`: what was done with the data.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "audit", abstract: "List the audit log: exports, imports, withdrawals, purges, reviews, backups.")
  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage

  func run() throws {
    let store = try AppSetup.openSource(database)
    let entries = try store.auditLog()
    if entries.isEmpty { UIString.cmdAuditEmpty.say(messages.language) }
    for entry in entries {
      // Details quote file names and bundle contents: printed with control characters made visible.
      print([entry.at, String(entry.deviceID.prefix(8)), entry.actor, entry.action, entry.detail].map { TerminalText.visible($0) }
        .joined(separator: "\t"))
    }
  }
}
