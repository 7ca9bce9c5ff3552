import ArgumentParser
import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebFiles
import WijkwebStore

/// `wijkweb bundle`: carry completed responses and withdrawals from laptop to laptop.
struct BundleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bundle", abstract: "Export or import a bundle: completed responses, their reflections and withdrawals.",
    subcommands: [BundleExportCommand.self, BundleImportCommand.self])
}

/// `wijkweb bundle export`: one file with this laptop's completed responses and withdrawals.
struct BundleExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write this laptop's completed responses, reflections and withdrawals to one file.")

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage
  @Option(help: "Only this round (repeat for more; default: every round).") var round: [String] = []
  @Option(help: "Only responses completed at or after this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC), or after a previous bundle file was made. Withdrawals always travel.")
  var since: String?
  @Option(help: "Encrypt with the passphrase on this file's first line ($WIJKWEB_PASSPHRASE works too).") var passphraseFile: String?
  @Flag(help: "Encrypt, asking for the passphrase when no file or $WIJKWEB_PASSPHRASE gives one.") var encrypt = false
  @Option(help: "On the team's machine: the team key file (NAME.key); the bundle then also carries this machine's review decisions, signed by the team key, for the team's other machines.")
  var key: String?
  @Option(help: "The team key's passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too).")
  var keyPassphraseFile: String?
  @Option(help: "The new bundle file.") var out: String

  func run() throws {
    if FileManager.default.fileExists(atPath: out) {
      throw Failure(.errBundleExists, out)
    }
    var passphrase = try Passphrase.given(file: passphraseFile)
    if passphrase == nil && encrypt {
      passphrase = try Passphrase.required(file: nil, confirm: true, purpose: LocalizedMessage(.purposeEncryptBundle))
    }
    let from = try since.map { try Self.startTime($0, passphraseFile: passphraseFile) }
    var teamSigner: Ed25519Signer?
    if let key {
      do {
        teamSigner = try KeyFiles.open(key, passphraseFile: keyPassphraseFile).signer()
      } catch let problem as KeyProblem {
        throw Failure("No bundle was written: \(problem.message).")
      }
    }
    let store = try AppSetup.openStore(database, existing: true)
    let written: BundleExport.Written
    do {
      // Review decisions travel only signed by the team key, so only from a machine holding it.
      let reviews = try teamSigner.map { try store.teamReviewSection(rounds: round, signer: $0) }
      written = try BundleExport.write(store: store, rounds: round, since: from, reviews: reviews, passphrase: passphrase, to: out)
    } catch let problem as BundleProblem {
      throw Failure("The bundle \(problem.message)")
    } catch let problem as TrustProblem {
      throw Failure("The bundle cannot be signed: \(problem.message).")
    }
    try store.recordBundleExport(counts: written.counts, since: from, file: out, encrypted: passphrase != nil, actor: "coordinator")
    let counts = written.counts
    let language = messages.language
    UIString.cmdBundleWritten.say(language, out, passphrase != nil ? UIString.cmdEncrypted.text(language) : "", counts.responses,
                                  counts.reflections, counts.tombstones, written.rounds.joined(separator: ", "))
  }

  /// The time `--since` means: a day, a full UTC time, or when a previous bundle file was made.
  static func startTime(_ value: String, passphraseFile: String?) throws -> String {
    if BundleTime.isTimestamp(value) { return value }
    if BundleTime.isDay(value) { return value + "T00:00:00Z" }
    guard FileManager.default.fileExists(atPath: value) else {
      throw Failure(.errSinceValue, value)
    }
    return try BundleFiles.read(value, passphraseFile: passphraseFile, outcome: .errNoBundleWritten).createdAt
  }
}

/// `wijkweb bundle import`: merge a bundle into this database, all or nothing.
struct BundleImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Merge a bundle into this database: all or nothing, and importing it again changes nothing.")

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage
  @Argument(help: "The bundle file.") var file: String
  @Option(help: "The passphrase of an encrypted bundle is on this file's first line ($WIJKWEB_PASSPHRASE works too).")
  var passphraseFile: String?
  @Option(help: "Open sealed responses with this team key file (NAME.key); its passphrase is asked once. Without it they stay sealed.")
  var key: String?
  @Option(help: "The team key's passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too).")
  var keyPassphraseFile: String?
  @Flag(help: "Take a bundle written by Wijkweb before bundles were signed (no signature at all: only rounds held here), or records without their own device's signature (Wijkweb before record signatures); recorded in the audit log.")
  var acceptUnsigned = false
  @Option(help: "With --db postgresql://...: the team's own database, whose team identity checks the bundle's signatures first (default: this machine's database).")
  var trustDb: String?

  func run() throws {
    // The whole bundle is read, decrypted and checked before anything is imported. A file that cannot
    // be read (damaged, cut off, locked) is refused with nothing recorded.
    let (manifest, contents) = try BundleFiles.readManifest(file, passphraseFile: passphraseFile)
    let central = database.path.flatMap { ConnectionTarget.isURL($0) ? $0 : nil }
    // The rules of trust come first: who signed it, for which team, revoked or not, rounds from the team.
    do {
      // Into the central database the team's own database checks the signatures: it holds the team identity.
      let store = central == nil ? try AppSetup.openStore(database)
        : try AppSetup.openStore(try DatabaseOptions.parse(trustDb.map { ["--db", $0] } ?? []), existing: true)
      let trust: BundleTrust
      do {
        trust = try store.verifyTrust(manifest, contents: contents, acceptUnsigned: acceptUnsigned)
      } catch let problem as TrustProblem {
        throw Failure(.errBundleUntrusted, file, problem.message)
      }
      if trust == .unsignedAccepted {
        FileHandle.standardError.write(Data((UIString.cmdUnsignedAccepted.format(messages.language, file) + "\n\n").utf8))
        try store.audit("bundle-unsigned-accepted", detail: "\(file) from device \(TerminalText.visible(contents.deviceID)) made \(TerminalText.visible(contents.createdAt))",
                        actor: "coordinator")
      }
      if case .unsignedRecordsAccepted(_, let count) = trust {
        FileHandle.standardError.write(Data((UIString.cmdUnsignedRecordsAccepted.format(messages.language, count, file) + "\n\n").utf8))
        try store.audit("bundle-unsigned-accepted", detail: """
          \(file) from device \(TerminalText.visible(contents.deviceID)) made \(TerminalText.visible(contents.createdAt)): \
          \(count) records without their device's signature
          """, actor: "coordinator")
      }
    } catch let failure as Failure {
      if central == nil, let store = try? AppSetup.openStore(database) {
        try? store.audit("bundle-refused", detail: "\(file) from device \(TerminalText.visible(contents.deviceID)): \(TerminalText.visible(failure.message))", actor: "coordinator")
      }
      throw failure
    }
    if let central { return try importCentral(contents, url: central) }
    var opened = OpenedBundle(contents: contents)
    if let key, contents.responses.contains(where: \.isSealed) {
      opened = SealedResponses.open(contents, with: try KeyFiles.open(key, passphraseFile: keyPassphraseFile ?? passphraseFile))
    }
    // A bundle that reads but breaks the rules was made or changed on purpose: its refusal is recorded in
    // the audit log, and nothing else changes.
    let report: BundleImportReport
    do {
      report = try importChecked(opened)
    } catch let failure as Failure {
      if let store = try? AppSetup.openStore(database) {
        try? store.audit("bundle-refused", detail: "\(file) from device \(contents.deviceID): \(TerminalText.visible(failure.message))", actor: "coordinator")
      }
      throw failure
    }
    print(report.lines(messages.language).joined(separator: "\n"))
  }

  /// `bundle import --db postgresql://...`: the bundle is checked as a laptop checks it (all or nothing),
  /// then its responses and withdrawals go through `wijkweb.submit`, the server's own checks a device's
  /// sync meets too, in one transaction: each response kept once by id, a withdrawal kept as a claim for the
  /// admin's receipt-code check. Sealed responses stay sealed there (a team key opens them elsewhere).
  func importCentral(_ contents: BundleContents, url: String) throws {
    if key != nil {
      throw Failure(.errCentralKeepsSealed)
    }
    do {
      _ = try BundleValidator.check(OpenedBundle(contents: contents))
    } catch let problem as BundleProblem {
      throw Failure(.errBundleRefused, file, problem.text(MessageLanguage.chosen))
    }
    // As `sync`: a device login reads nothing, not even the schema version; submit is its only way in.
    let connection = try CentralCommand.Target.connect(url)
    _ = try CentralSubmit.installation(connection)
    let language = messages.language
    let withdrawals = contents.tombstones.filter { $0.receiptCode != nil }
    let outcomes = try connection.transaction {
      var outcomes: [SubmitOutcome] = []
      for start in stride(from: 0, to: withdrawals.count, by: 200) {
        outcomes += try CentralSubmit.submit(responses: [], withdrawals: Array(withdrawals[start ..< min(start + 200, withdrawals.count)]),
                                             on: connection)
      }
      for start in stride(from: 0, to: contents.responses.count, by: 200) {
        outcomes += try CentralSubmit.submit(responses: Array(contents.responses[start ..< min(start + 200, contents.responses.count)]),
                                             withdrawals: [], on: connection)
      }
      return outcomes
    }
    for refusal in outcomes where refusal.result == .refused {
      let reason = refusal.reason ?? UIString.cmdSyncNoReason.text(language)
      (refusal.kind == .response ? UIString.cmdCentralRefusedResponse : .cmdCentralRefusedWithdrawal).say(language, refusal.id, reason)
    }
    func count(_ kind: SubmitOutcome.Kind, _ result: SubmitOutcome.Result) -> Int {
      outcomes.filter { $0.kind == kind && $0.result == result }.count
    }
    UIString.cmdCentralImported.say(language, TerminalText.visible(file), connection.target.summary, count(.response, .sent),
                                    count(.response, .already), count(.response, .withdrawn), count(.response, .refused))
    print(UIString.cmdCentralWithdrawals.format(language, count(.withdrawal, .sent), count(.withdrawal, .already), count(.withdrawal, .refused))
      + (contents.tombstones.count > withdrawals.count
        ? UIString.cmdCentralWithdrawalsUnsent.format(language, contents.tombstones.count - withdrawals.count) : ""))
  }

  /// Checks and imports the bundle; a refusal as a `Failure`.
  func importChecked(_ opened: OpenedBundle) throws -> BundleImportReport {
    let checked: BundleValidator.Checked
    do {
      checked = try BundleValidator.check(opened)
    } catch let problem as BundleProblem {
      throw Failure(.errBundleRefused, file, problem.text(MessageLanguage.chosen))
    }
    let store = try AppSetup.openStore(database)
    do {
      return try store.importBundle(checked, file: file, actor: "coordinator")
    } catch let error as StoreError {
      throw Failure(.errBundleNotImported, file, error.localized?.text(MessageLanguage.chosen) ?? error.message)
    }
  }
}

extension BundleImportReport {
  /// What an import prints, one line each, in `language`.
  func lines(_ language: Language) -> [String] {
    var lines: [String] = []
    func say(_ text: UIString, _ arguments: CustomStringConvertible...) { lines.append(text.format(language, arguments: arguments)) }
    if !self.createdRounds.isEmpty {
      say(.cmdRoundsCreated, self.createdRounds.map { TerminalText.visible($0) }.joined(separator: ", "))
    }
    say(.cmdImportNew, self.new)
    say(.cmdImportAlreadyPresent, self.alreadyPresent)
    lines.append(UIString.cmdImportWithdrawn.format(language, self.withdrawn)
      + (self.skippedWithdrawn > 0 ? UIString.cmdImportWithdrawnSkipped.format(language, self.skippedWithdrawn) : ""))
    if self.skippedExpired > 0 { say(.cmdImportExpired, self.skippedExpired) }
    if self.sealed > 0 { say(.cmdImportSealed, self.sealed) }
    if self.unsealed > 0 { say(.cmdImportUnsealed, self.unsealed) }
    if !self.revoked.isEmpty {
      say(.cmdImportRevokedRefused, self.revoked.count, self.revoked[0])
    }
    if self.removedByRevocation > 0 {
      say(.cmdImportRevokedRemoved, self.removedByRevocation)
    }
    if self.reviewsApplied > 0 {
      say(.cmdReviewsApplied, self.reviewsApplied)
    }
    if self.reviewsNotFromTeam > 0 {
      say(.cmdReviewsLeftAside, self.reviewsNotFromTeam)
    }
    if !self.reviewsForOtherText.isEmpty {
      say(.cmdReviewsRefused, self.reviewsForOtherText.count, self.reviewsForOtherText[0])
    }
    for refusal in self.unopened { say(.cmdNotOpened, refusal.responseID, refusal.reason) }
    if !self.refusedWithdrawals.isEmpty {
      say(.cmdWithdrawalsRefused, self.refusedWithdrawals.count)
      for (reason, refusals) in Dictionary(grouping: self.refusedWithdrawals, by: \.reason).sorted(by: { $0.key < $1.key }) {
        say(.cmdRefusedBecause, refusals.count, reason, refusals[0].responseID)
      }
    }
    if pendingWithdrawals > 0 { say(.cmdWithdrawalsWaiting, pendingWithdrawals) }
    for group in suspectedDuplicates { say(.cmdSuspectedDuplicate, group.joined(separator: ", ")) }
    say(.cmdConflicts, self.conflicts.count)
    for conflict in self.conflicts { say(.cmdConflictKept, conflict.responseID, conflict.reason) }
    return lines
  }
}

/// Reading and writing bundle files, with their encryption.
enum BundleFiles {
  /// The bundle in `path`, decrypted (with the passphrase from the file, the environment or the terminal)
  /// and decoded; any problem as a plain `Failure`.
  static func read(_ path: String, passphraseFile: String?, outcome: UIString = .errNothingImported) throws -> BundleContents {
    try readManifest(path, passphraseFile: passphraseFile, outcome: outcome).contents
  }

  /// `read`, with the manifest that carries the bundle's certificate and signature.
  static func readManifest(_ path: String, passphraseFile: String?, outcome: UIString = .errNothingImported) throws
    -> (manifest: BundleManifest, contents: BundleContents) {
    // Refused before it is read into memory: a bundle has a documented size limit.
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > BundleFormat.maxBytes + 1_048_576 {
      throw Failure(.errBundleTooBig, path, size / 1_048_576, BundleFormat.maxBytes / 1_048_576, outcome.text(MessageLanguage.chosen))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(.errBundleCannotRead, path)
    }
    var bytes = [UInt8](data)
    do {
      if BundleSeal.isSealed(bytes) {
        let passphrase = try Passphrase.required(file: passphraseFile, confirm: false, purpose: LocalizedMessage(.purposeBundleEncrypted, path))
        bytes = try BundleSeal.open(bytes, passphrase: passphrase)
      }
      return try BundleFormat.read(bytes)
    } catch let problem as BundleProblem {
      throw Failure(.errBundleUnreadable, path, problem.text(MessageLanguage.chosen), outcome.text(MessageLanguage.chosen))
    }
  }
}
