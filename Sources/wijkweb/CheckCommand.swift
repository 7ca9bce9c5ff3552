import ArgumentParser
import WijkwebCentral
import WijkwebCore
import WijkwebStore

/// `wijkweb check`: integrity of the database, its schema version and counts.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the database: integrity, schema version, counts.")

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage

  func run() throws {
    if let url = database.path, ConnectionTarget.isURL(url) { return try CentralCommand.Check.report(url) }
    let store = try AppSetup.openStore(database, existing: true)
    let problems = try store.integrityProblems()
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
    print("score columns: \(columns.checked) blocks checked against the part scores" + (columns.rewritten > 0 ? ", \(columns.rewritten) differed and were rebuilt" : ", all up to date"))
    if problems.isEmpty {
      UIString.cmdIntegrityOK.say(messages.language)
    } else {
      UIString.cmdIntegrityProblems.say(messages.language, problems.count)
      problems.forEach { print("  \($0)") }
      throw ExitCode(1)
    }
  }
}
