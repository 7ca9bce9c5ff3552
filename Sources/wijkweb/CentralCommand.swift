import ArgumentParser
import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebStore

/// `wijkweb central ...`: the municipality's PostgreSQL database (schema, roles, set-up).
struct CentralCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "central",
    abstract: "The municipality's central PostgreSQL database: create or migrate it, add roles, publish rounds.",
    subcommands: [Init.self, Check.self, Show.self, Publish.self, Aggregates.self, ApplyWithdrawals.self, Withdraw.self, AddDevice.self, AddTeam.self, AddResearcher.self, AddAdmin.self])

  struct Target: ParsableArguments {
    @Option(help: ArgumentHelp(
      "The central database: a postgresql:// URL or a pg_service.conf service name (default: $WIJKWEB_CENTRAL).",
      discussion: "Passwords come from PGPASSFILE, PGPASSWORD or a prompt, never from the command line. A TCP host gets sslmode=verify-full unless the URL says otherwise; sslrootcert names the CA."))
    var url: String?
    @OptionGroup var messages: MessageLanguage

    func resolved() throws -> ConnectionTarget { try Self.resolve(url) }
    func connect() throws -> Connection { try Self.connect(url) }

    static func resolve(_ url: String?) throws -> ConnectionTarget {
      guard let text = url ?? ProcessInfo.processInfo.environment["WIJKWEB_CENTRAL"], !text.isEmpty else {
        throw Failure(.centralWhich)
      }
      return try ConnectionTarget(text)
    }

    static func connect(_ url: String?) throws -> Connection {
      let target = try resolve(url)
      return try Connection(target) {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        return try Passphrase.ask(UIString.centralPasswordPrompt.format(MessageLanguage.chosen, target.summary))
      }
    }
  }


  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the Wijkweb schema and roles in a PostgreSQL 15+ database, or migrate it; safe to run again.")
    @OptionGroup var target: Target

    func run() throws {
      let connection = try target.connect()
      let outcome = try CentralMigrator.migrate(connection)
      if outcome.applied.isEmpty {
        UIString.centralUpToDate.say(target.messages.language, connection.target.summary, outcome.version)
      } else {
        UIString.centralApplied.say(target.messages.language, connection.target.summary, outcome.applied.joined(separator: ", "), outcome.version)
      }
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Say the central database's schema version and whether this Wijkweb can use it.")
    @OptionGroup var target: Target

    func run() throws { try Self.report(target.url) }

    /// Prints the schema version of the central database at `url` (also `wijkweb check --db URL`).
    static func report(_ url: String?) throws {
      let connection = try Target.connect(url)
      guard let version = try CentralMigrator.version(connection) else {
        throw Failure(.centralNoSchema, connection.target.summary)
      }
      let known = CentralSchema.migrations.map(\.version)
      guard known.contains(version) else {
        throw Failure(.centralSchemaNewer, connection.target.summary, version)
      }
      // Said in the command line's language: `wijkweb check --db URL` comes here too.
      let language = MessageLanguage.chosen
      let state = (version == CentralSchema.currentVersion ? UIString.centralCurrent : .centralOlder).text(language)
      UIString.centralCheckLine.say(language, connection.target.summary, version, state,
                                    connection.user + (connection.usesTLS ? UIString.centralOverTLS.text(language) : ""))
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show-connection", abstract: "Show how Wijkweb would connect (host, database, user, TLS mode) without connecting.")
    @OptionGroup var target: Target

    func run() throws {
      for (key, value) in try target.resolved().parameters { print("\(key)=\(value)") }
    }
  }

  struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy this laptop's areas, questionnaires and rounds to the central database (admin); existing ones stay as they are.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var target: Target
    @Option(name: .customLong("round"), help: "Only this round (repeat for more; default: every round).") var rounds: [String] = []

    func run() throws {
      let store = try AppSetup.openStore(database, purge: false)
      let setup: CentralSetup
      setup = try store.centralSetup(rounds: rounds)
      let connection = try target.connect()
      let counts = try CentralPublish.publish(areas: setup.areas, questionnaires: setup.questionnaires, rounds: setup.rounds, on: connection)
      UIString.cmdCentralPublished.say(target.messages.language, connection.target.summary, counts.areas, counts.questionnaires, counts.rounds)
    }
  }

  struct Aggregates: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print a round's per-area sums and score histograms as JSON, computed by the central database (GROUP BY on the server).")
    @OptionGroup var target: Target
    @Option(help: "The round's name.") var round: String

    func run() throws {
      let connection = try target.connect()
      let cells = try CentralAggregates.cells(round: round, on: connection)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      for cell in cells { print(String(decoding: try encoder.encode(cell), as: UTF8.self)) }
    }
  }

  /// Whether `code` is the receipt code `receipt` was made of (Argon2id, as on a laptop).
  static func proves(_ code: String, _ receipt: CentralReceipt) -> Bool {
    ReceiptHash(locator: receipt.locator, salt: receipt.salt, hash: receipt.hash).matches(code)
  }

  struct ApplyWithdrawals: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "apply-withdrawals",
      abstract: "Check the withdrawals laptops sent against each response's receipt hash and apply the proven ones (admin).",
      discussion: "A withdrawal whose receipt code does not prove the hash deletes nothing and is dropped; one whose response has not arrived waits for a later run.")
    @OptionGroup var target: Target

    func run() throws {
      let connection = try target.connect()
      let tally = try CentralWithdrawals.applyClaims(on: connection, proves: CentralCommand.proves)
      UIString.cmdCentralWithdrawalsApplied.say(target.messages.language, connection.target.summary, tally.applied, tally.refused, tally.waiting)
    }
  }

  struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Withdraw the response with this receipt code from the central database (admin), for a resident who brings the code.")
    @OptionGroup var target: Target
    @Argument(help: "The resident's receipt code, e.g. K7MP-3QXA-9RTW-HN4C.") var code: String

    func run() throws {
      guard let normalized = ReceiptCode.normalize(code) else {
        throw Failure(.errCentralNotReceiptCode)
      }
      let connection = try target.connect()
      guard let id = try CentralWithdrawals.withdraw(code: normalized, locator: ReceiptCode.locator(of: normalized), on: connection,
                                                     proves: CentralCommand.proves) else {
        throw Failure(.errCentralNoReceipt, connection.target.summary)
      }
      UIString.cmdCentralWithdrawnResponse.say(target.messages.language, connection.target.summary, id)
    }
  }

  /// The new role's password: $WIJKWEB_NEW_ROLE_PASSWORD, else typed twice on the terminal.
  static func newPassword(for name: String, language: Language) throws -> String {
    if let value = ProcessInfo.processInfo.environment["WIJKWEB_NEW_ROLE_PASSWORD"], !value.isEmpty { return value }
    guard isatty(STDIN_FILENO) == 1 else {
      throw Failure(.errNewRolePassword, name)
    }
    let password = try Passphrase.ask(UIString.rolePasswordPrompt.format(language, name))
    guard try Passphrase.ask(UIString.rolePasswordAgain.format(language, name)) == password else {
      throw Failure(.errRolePasswordsDiffer)
    }
    return password
  }

  static func addRole(_ role: CentralRole, name: String, gebieden: [String] = [], certificate: DeviceCertificate? = nil,
                      password: String? = nil, target: Target) throws {
    let language = target.messages.language
    let password = try password ?? newPassword(for: name, language: language)
    let connection = try target.connect()
    try CentralRole.add(role, name: name, password: password, gebieden: gebieden, certificate: certificate, on: connection)
    if gebieden.isEmpty {
      UIString.cmdRoleAdded.say(language, role.rawValue, name, connection.target.summary)
    } else {
      UIString.cmdRoleAddedFor.say(language, role.rawValue, name, connection.target.summary, gebieden.joined(separator: ", "))
    }
  }

  struct AddDevice: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-device", abstract: "Add a laptop's login, bound to its enrolled device: it may only submit responses and withdrawals that device signed.")
    @OptionGroup var target: Target
    @Argument(help: "The login name, e.g. laptop-noord-3.") var name: String
    @Option(help: "The team's certificate of the laptop (from `wijkweb team enrol-device`): the login may submit only what that device signed.")
    var certificate: String?
    @Option(help: "The team's own database, whose team identity and revocation list check the certificate first (default: this machine's database).")
    var trustDb: String?

    func run() throws {
      let password = try CentralCommand.newPassword(for: name, language: target.messages.language)
      guard let certificate else { throw Failure(.centralDeviceNeedsCertificate) }
      try CentralCommand.addRole(.device, name: name, certificate: try Self.verified(certificate, trustDb: trustDb), password: password,
                                 target: target)
    }

    /// The certificate in `file`, checked by the same rules of trust as a bundle's (`DeviceCertificate.verify`
    /// against the team keys of the team's database, and its revocation list) before the server binds it.
    static func verified(_ file: String, trustDb: String?) throws -> DeviceCertificate {
      let parsed = try TrustFiles.certificate(file)
      let state = try AppSetup.openStore(try DatabaseOptions.parse(trustDb.map { ["--db", $0] } ?? []), existing: true).trustState()
      do {
        try parsed.verify(team: state.team, with: Ed25519Verifier())
      } catch let problem as TrustProblem {
        throw Failure(.errDeviceCertificateUntrusted, file, problem.message)
      }
      if let revokedAt = state.revocations?.revokedAt(parsed.deviceID) {
        throw Failure(.errDeviceRevoked, TerminalText.visible(parsed.deviceID), revokedAt)
      }
      return parsed
    }
  }

  struct AddTeam: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-team", abstract: "Add a gebiedsteam's login: it reads and reviews only responses of its own gebieden.")
    @OptionGroup var target: Target
    @Argument(help: "The login name, e.g. team-oost.") var name: String
    @Option(name: .customLong("gebied"), help: "An area code the team sees, with everything below it (repeat for more).") var gebieden: [String] = []
    func run() throws { try CentralCommand.addRole(.team, name: name, gebieden: gebieden, target: target) }
  }

  struct AddResearcher: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-researcher", abstract: "Add a researcher's login: de-identified views only.")
    @OptionGroup var target: Target
    @Argument(help: "The login name.") var name: String
    func run() throws { try CentralCommand.addRole(.researcher, name: name, target: target) }
  }

  struct AddAdmin: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-admin", abstract: "Add an administrator's login: areas, rounds, roles and withdrawals.")
    @OptionGroup var target: Target
    @Argument(help: "The login name.") var name: String
    func run() throws { try CentralCommand.addRole(.admin, name: name, target: target) }
  }
}

/// `wijkweb sync --to URL`: sends this laptop's completed responses and withdrawals to the central database.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Send completed responses (sealed ones sealed) and withdrawals not yet confirmed to the central database.")

  @OptionGroup var database: DatabaseOptions
  @Option(name: .customLong("to"), help: "The central database: a postgresql:// URL or a service name (default: $WIJKWEB_CENTRAL).")
  var url: String?
  @Option(help: "Records per transaction on the server.") var batch: Int = 200
  @Flag(help: "After the sync, remove from this laptop every completed response the central database confirmed, keeping only what withdrawing by receipt code needs. Rounds with `round remove-after-sync NAME on` do this on every sync.")
  var removeSent = false
  @OptionGroup var messages: MessageLanguage

  func run() throws {
    guard (1...5000).contains(batch) else { throw Failure(.errBatchRange) }
    let store = try AppSetup.openStore(database, purge: false)
    let connection = try CentralCommand.Target.connect(url)
    let server = try CentralSubmit.installation(connection)
    var tally: [SubmitOutcome.Result: Int] = [:]
    var refusals: [SubmitOutcome] = []

    func record(_ outcomes: [SubmitOutcome]) throws {
      for outcome in outcomes { tally[outcome.result, default: 0] += 1 }
      refusals += outcomes.filter { $0.result == .refused }
      let kept = outcomes.filter { $0.result != .refused }
      do {
        try store.markSent(server: server, responses: kept.filter { $0.kind == .response }.map(\.id),
                           withdrawals: kept.filter { $0.kind == .withdrawal }.map(\.id))
      } catch let error as StoreError { throw Failure(error) }
    }

    let withdrawals = try store.unsentWithdrawals(server: server)
    for start in stride(from: 0, to: withdrawals.count, by: batch) {
      let slice = Array(withdrawals[start..<min(start + batch, withdrawals.count)])
      try record(try CentralSubmit.submit(responses: [], withdrawals: slice, on: connection))
    }
    var cursor: String?
    while true {
      let responses = try store.unsentResponses(server: server, after: cursor, limit: batch)
      guard let last = responses.last else { break }
      try record(try CentralSubmit.submit(responses: responses, withdrawals: [], on: connection))
      cursor = last.id
    }
    let language = messages.language
    for refusal in refusals {
      UIString.cmdSyncRefused.say(language, refusal.kind.rawValue, refusal.id, refusal.reason ?? UIString.cmdSyncNoReason.text(language))
    }
    let withdrawnThere = tally[.withdrawn].map { UIString.cmdSyncWithdrawnThere.format(language, $0) } ?? ""
    UIString.cmdSyncDone.say(language, connection.target.summary, tally[.sent] ?? 0, tally[.already] ?? 0, tally[.refused] ?? 0, withdrawnThere)
    // Only what the server confirmed (recorded above) is removed; refused responses stay for the next sync.
    let removed = try store.removeSent(server: server, all: removeSent, actor: "sync")
    if removed > 0 || removeSent {
      UIString.cmdSyncRemoved.say(language, removed)
    }
  }
}
