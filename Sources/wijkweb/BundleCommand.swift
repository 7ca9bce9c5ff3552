import ArgumentParser
import Foundation
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
  @Option(help: "Only this round (repeat for more; default: every round).") var round: [String] = []
  @Option(help: "Only responses completed at or after this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC), or after a previous bundle file was made. Withdrawals always travel.")
  var since: String?
  @Option(help: "Encrypt with the passphrase on this file's first line ($WIJKWEB_PASSPHRASE works too).") var passphraseFile: String?
  @Flag(help: "Encrypt, asking for the passphrase when no file or $WIJKWEB_PASSPHRASE gives one.") var encrypt = false
  @Option(help: "The new bundle file.") var out: String

  func run() throws {
    if FileManager.default.fileExists(atPath: out) {
      throw Failure("\(out) already exists; choose a new file name for the bundle.")
    }
    var passphrase = try Passphrase.given(file: passphraseFile)
    if passphrase == nil && encrypt {
      passphrase = try Passphrase.required(file: nil, confirm: true, purpose: "Encrypting the bundle")
    }
    let from = try since.map { try Self.startTime($0, passphraseFile: passphraseFile) }
    let store = try AppSetup.openStore(database, existing: true)
    let contents: BundleContents
    var bytes: [UInt8]
    do {
      contents = try store.bundleContents(rounds: round, since: from)
      // Signed by this laptop's device key: the team's machines take nothing else.
      bytes = try BundleFormat.encode(contents, signedBy: try store.bundleSigningDevice())
      if let passphrase { bytes = try BundleSeal.seal(bytes, passphrase: passphrase) }
    } catch let error as StoreError {
      throw Failure(error.message)
    } catch let problem as BundleProblem {
      throw Failure("The bundle \(problem.message)")
    } catch let problem as TrustProblem {
      throw Failure("The bundle cannot be signed: \(problem.message).")
    }
    try BundleFiles.write(bytes, to: out)
    try store.recordBundleExport(contents, file: out, encrypted: passphrase != nil, actor: "coordinator")
    let counts = contents.counts
    print("""
      bundle written to \(out)\(passphrase != nil ? " (encrypted)" : ""): \(counts.responses) responses, \
      \(counts.reflections) reflections, \(counts.tombstones) withdrawals, rounds: \(contents.rounds.map(\.name).joined(separator: ", "))
      """)
  }

  /// The time `--since` means: a day, a full UTC time, or when a previous bundle file was made.
  static func startTime(_ value: String, passphraseFile: String?) throws -> String {
    if BundleTime.isTimestamp(value) { return value }
    if BundleTime.isDay(value) { return value + "T00:00:00Z" }
    guard FileManager.default.fileExists(atPath: value) else {
      throw Failure("--since \(value) is neither a time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ) nor an existing bundle file.")
    }
    return try BundleFiles.read(value, passphraseFile: passphraseFile, outcome: "No bundle was written.").createdAt
  }
}

/// `wijkweb bundle import`: merge a bundle into this database, all or nothing.
struct BundleImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Merge a bundle into this database: all or nothing, and importing it again changes nothing.")

  @OptionGroup var database: DatabaseOptions
  @Argument(help: "The bundle file.") var file: String
  @Option(help: "The passphrase of an encrypted bundle is on this file's first line ($WIJKWEB_PASSPHRASE works too).")
  var passphraseFile: String?
  @Option(help: "Open sealed responses with this team key file (NAME.key); its passphrase is asked once. Without it they stay sealed.")
  var key: String?
  @Option(help: "The team key's passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too).")
  var keyPassphraseFile: String?
  @Flag(help: "Take a bundle written by Wijkweb before bundles were signed (no signature at all: only rounds held here), or records without their own device's signature (Wijkweb before record signatures); recorded in the audit log.")
  var acceptUnsigned = false

  func run() throws {
    // The whole bundle is read, decrypted and checked before anything is imported. A file that cannot
    // be read (damaged, cut off, locked) is refused with nothing recorded.
    let (manifest, contents) = try BundleFiles.readManifest(file, passphraseFile: passphraseFile)
    // The rules of trust come first: who signed it, for which team, revoked or not, rounds from the team.
    do {
      let store = try AppSetup.openStore(database)
      let trust: BundleTrust
      do {
        trust = try store.verifyTrust(manifest, contents: contents, acceptUnsigned: acceptUnsigned)
      } catch let problem as TrustProblem {
        throw Failure("The bundle \(file) cannot be imported: \(problem.message). Nothing was imported.")
      }
      if trust == .unsignedAccepted {
        FileHandle.standardError.write(Data("""
          WARNING: \(file) is NOT SIGNED. Anyone could have written or changed it. It is taken only because of \
          --accept-unsigned, for a bundle of Wijkweb before signing; this is recorded in the audit log.

          """.utf8))
        try store.audit("bundle-unsigned-accepted", detail: "\(file) from device \(TerminalText.visible(contents.deviceID)) made \(TerminalText.visible(contents.createdAt))",
                        actor: "coordinator")
      }
      if case .unsignedRecordsAccepted(_, let count) = trust {
        FileHandle.standardError.write(Data("""
          WARNING: \(count) records in \(file) carry NO SIGNATURE of the laptop where they were made. The laptop that wrote \
          the bundle could have changed them. They are taken only because of --accept-unsigned, for records of Wijkweb before \
          record signatures; this is recorded in the audit log.

          """.utf8))
        try store.audit("bundle-unsigned-accepted", detail: """
          \(file) from device \(TerminalText.visible(contents.deviceID)) made \(TerminalText.visible(contents.createdAt)): \
          \(count) records without their device's signature
          """, actor: "coordinator")
      }
    } catch let failure as Failure {
      if let store = try? AppSetup.openStore(database) {
        try? store.audit("bundle-refused", detail: "\(file) from device \(TerminalText.visible(contents.deviceID)): \(TerminalText.visible(failure.message))", actor: "coordinator")
      }
      throw failure
    }
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
    print(report.lines.joined(separator: "\n"))
  }

  /// Checks and imports the bundle; a refusal as a `Failure`.
  func importChecked(_ opened: OpenedBundle) throws -> BundleImportReport {
    let checked: BundleValidator.Checked
    do {
      checked = try BundleValidator.check(opened)
    } catch let problem as BundleProblem {
      throw Failure("The bundle \(file) cannot be imported: \(problem.message) Nothing was imported.")
    }
    let store = try AppSetup.openStore(database)
    do {
      return try store.importBundle(checked, file: file, actor: "coordinator")
    } catch let error as StoreError {
      throw Failure("The bundle \(file) cannot be imported: \(error.message)")
    }
  }
}

extension BundleImportReport {
  /// What an import prints, one line each.
  var lines: [String] {
    var lines: [String] = []
    func print(_ line: String) { lines.append(line) }
    if !self.createdRounds.isEmpty {
      print("rounds created: \(self.createdRounds.map { TerminalText.visible($0) }.joined(separator: ", "))")
    }
    print("new: \(self.new)")
    print("already present: \(self.alreadyPresent)")
    print("withdrawn: \(self.withdrawn)"
      + (self.skippedWithdrawn > 0 ? " (and \(self.skippedWithdrawn) in the bundle not brought back: withdrawn earlier)" : ""))
    if self.skippedExpired > 0 {
      print("not stored: \(self.skippedExpired) responses of rounds past their retention period")
    }
    if self.sealed > 0 {
      print("sealed: \(self.sealed) of the new responses are sealed; they count and travel on, and open with `wijkweb unseal --key FILE`")
    }
    if self.unsealed > 0 { print("unsealed: \(self.unsealed) responses stored sealed here are readable now") }
    if !self.revoked.isEmpty {
      print("refused: \(self.revoked.count) responses completed by a revoked device after its revocation, e.g. response \(self.revoked[0])")
    }
    if self.removedByRevocation > 0 {
      print("removed: \(self.removedByRevocation) responses held here were completed by a revoked device after its revocation")
    }
    for refusal in self.unopened {
      print("not opened: response \(refusal.responseID): \(refusal.reason); it stays sealed")
    }
    if !self.refusedWithdrawals.isEmpty {
      print("withdrawals refused: \(self.refusedWithdrawals.count) (their receipt code does not prove the response; not applied, not passed on)")
      for (reason, refusals) in Dictionary(grouping: self.refusedWithdrawals, by: \.reason).sorted(by: { $0.key < $1.key }) {
        print("  \(refusals.count) because \(reason), e.g. response \(refusals[0].responseID)")
      }
    }
    if pendingWithdrawals > 0 {
      print("withdrawals waiting: \(pendingWithdrawals) for responses this database does not hold yet; applied when they arrive")
    }
    for group in suspectedDuplicates {
      print("suspected duplicate: responses \(group.joined(separator: ", ")) have the same device, start time and answers")
    }
    print("conflicts: \(self.conflicts.count)")
    for conflict in self.conflicts {
      print("  response \(conflict.responseID): \(conflict.reason); kept as it was")
    }
    return lines
  }
}

/// Reading and writing bundle files, with their encryption.
enum BundleFiles {
  /// The bundle in `path`, decrypted (with the passphrase from the file, the environment or the terminal)
  /// and decoded; any problem as a plain `Failure`.
  static func read(_ path: String, passphraseFile: String?, outcome: String = "Nothing was imported.") throws -> BundleContents {
    try readManifest(path, passphraseFile: passphraseFile, outcome: outcome).contents
  }

  /// `read`, with the manifest that carries the bundle's certificate and signature.
  static func readManifest(_ path: String, passphraseFile: String?, outcome: String = "Nothing was imported.") throws
    -> (manifest: BundleManifest, contents: BundleContents) {
    // Refused before it is read into memory: a bundle has a documented size limit.
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > BundleFormat.maxBytes + 1_048_576 {
      throw Failure("The bundle \(path) is \(size / 1_048_576) MB; a bundle is at most \(BundleFormat.maxBytes / 1_048_576) MB. Ask the sender to export it per round (--round) or in parts (--since). \(outcome)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure("Cannot read the bundle \(path). Check the name and that you may read it.")
    }
    var bytes = [UInt8](data)
    do {
      if BundleSeal.isSealed(bytes) {
        let passphrase = try Passphrase.required(file: passphraseFile, confirm: false, purpose: "The bundle \(path) is encrypted and")
        bytes = try BundleSeal.open(bytes, passphrase: passphrase)
      }
      return try BundleFormat.read(bytes)
    } catch let problem as BundleProblem {
      throw Failure("The bundle \(path) \(problem.message) \(outcome)")
    }
  }

  /// Writes `bytes` to a new owner-only file at `path` through the atomic writer.
  static func write(_ bytes: [UInt8], to path: String) throws {
    do {
      try AtomicFile.write(bytes, to: path)
    } catch let error as FileError {
      throw Failure(error.message)
    }
  }
}
