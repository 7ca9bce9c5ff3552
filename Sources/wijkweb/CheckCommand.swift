import ArgumentParser
import WijkwebCentral
import WijkwebCore
import WijkwebFiles
import WijkwebStore

/// `wijkweb check`: integrity of the database, its schema version and counts.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the database: integrity, schema version, counts.")

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage
  @Option(help: "Also write the canonical dump to this new file: the content machines of one team share (responses, scores, reflections with their review, withdrawals, rounds, questionnaires, revocation list, certificates), one sorted line each, without what is this machine's own (keys, audit log, local times); an owner-only file, since it holds answers and reflections. Two machines that exchanged the same bundles in any order write the same file.")
  var dump: String?
  @Flag(help: "Replace the dump file when it exists.") var force = false

  func run() throws {
    if let url = database.path, ConnectionTarget.isURL(url) {
      if dump != nil { throw Failure("--dump writes the canonical dump of a database file on this machine, not of a central database; nothing was written.") }
      return try CentralCommand.Check.report(url)
    }
    let store = try AppSetup.openStore(database, existing: true)
    let problems = try store.integrityProblems()
    if let dump {
      try AtomicFile.write(try store.canonicalDump().map { $0 + "\n" }.joined(), to: dump, force: force)
    }
    let counts = try store.counts()
    print("database: \(store.path ?? "")")
    print("schema: \(try store.schemaVersion())")
    UIString.cmdCheckCounts.say(messages.language, counts.completed, counts.inProgress, counts.answers)
    let sealed = try store.sealedCount()
    if sealed > 0 { UIString.cmdCheckSealed.say(messages.language, sealed) }
    // One interview under several ids (copied, or replayed from a bundle) would count twice.
    for group in try store.suspectedDuplicates() {
      UIString.cmdSuspectedDuplicate.say(messages.language, group.joined(separator: ", "))
    }
    // The columnar copy of the part scores is rebuilt from the rows and compared; a copy that differs
    // without having been marked stale is rewritten and named.
    let columns = try store.checkScoreColumns()
    if columns.rewritten > 0 {
      UIString.cmdScoreColumnsRebuilt.say(messages.language, columns.checked, columns.rewritten)
    } else {
      UIString.cmdScoreColumnsUpToDate.say(messages.language, columns.checked)
    }
    if problems.isEmpty {
      UIString.cmdIntegrityOK.say(messages.language)
    } else {
      UIString.cmdIntegrityProblems.say(messages.language, problems.count)
      problems.forEach { print("  \($0)") }
      throw ExitCode(1)
    }
  }
}
