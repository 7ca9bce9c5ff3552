import ArgumentParser
import WijkwebCentral
import WijkwebStore

/// `wijkweb check`: integrity of the database, its schema version and counts.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the database: integrity, schema version, counts.")

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    if let url = database.path, ConnectionTarget.isURL(url) { return try CentralCommand.Check.report(url) }
    let store = try AppSetup.openStore(database, existing: true)
    let problems = try store.integrityProblems()
    let counts = try store.counts()
    print("database: \(store.path ?? "")")
    print("schema: \(try store.schemaVersion())")
    print("responses: \(counts.completed) completed, \(counts.inProgress) in progress; answers: \(counts.answers)")
    let sealed = try store.sealedCount()
    if sealed > 0 { print("sealed: \(sealed) completed responses sealed to the team key (their answers are not counted above)") }
    // One interview under several ids (copied, or replayed from a bundle) would count twice.
    for group in try store.suspectedDuplicates() {
      print("suspected duplicate: responses \(group.joined(separator: ", ")) have the same device, start time and answers")
    }
    // The columnar copy of the part scores is rebuilt from the rows and compared; a copy that differs
    // without having been marked stale is rewritten and named.
    let columns = try store.checkScoreColumns()
    print("score columns: \(columns.checked) blocks checked against the part scores" + (columns.rewritten > 0 ? ", \(columns.rewritten) differed and were rebuilt" : ", all up to date"))
    if problems.isEmpty {
      print("integrity: ok")
    } else {
      print("integrity: \(problems.count) problem(s)")
      problems.forEach { print("  \($0)") }
      throw ExitCode(1)
    }
  }
}
