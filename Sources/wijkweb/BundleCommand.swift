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
      bytes = try BundleFormat.encode(contents, sha256: SodiumSHA256.hex)
      if let passphrase { bytes = try BundleSeal.seal(bytes, passphrase: passphrase) }
    } catch let error as StoreError {
      throw Failure(error.message)
    } catch let problem as BundleProblem {
      throw Failure("The bundle \(problem.message)")
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

  func run() throws {
    // The whole bundle is read, decrypted and checked before the database is opened.
    var contents = try BundleFiles.read(file, passphraseFile: passphraseFile)
    if let key, contents.responses.contains(where: \.isSealed) {
      let opened = try KeyFiles.open(key, passphraseFile: keyPassphraseFile ?? passphraseFile)
      do {
        contents = try SealedResponses.open(contents, with: opened)
      } catch let problem as KeyProblem {
        throw Failure("The bundle \(file) cannot be imported: \(problem.message). Nothing was imported.")
      }
    }
    let checked: BundleValidator.Checked
    do {
      checked = try BundleValidator.check(contents)
    } catch let problem as BundleProblem {
      throw Failure("The bundle \(file) cannot be imported: \(problem.message) Nothing was imported.")
    }
    let store = try AppSetup.openStore(database)
    let report: BundleImportReport
    do {
      report = try store.importBundle(checked, file: file, actor: "coordinator")
    } catch let error as StoreError {
      throw Failure("The bundle \(file) cannot be imported: \(error.message)")
    }
    if !report.createdRounds.isEmpty { print("rounds created: \(report.createdRounds.joined(separator: ", "))") }
    print("new: \(report.new)")
    print("already present: \(report.alreadyPresent)")
    print("withdrawn: \(report.withdrawn)"
      + (report.skippedWithdrawn > 0 ? " (and \(report.skippedWithdrawn) in the bundle not brought back: withdrawn earlier)" : ""))
    if report.skippedExpired > 0 {
      print("not stored: \(report.skippedExpired) responses of rounds past their retention period")
    }
    if report.sealed > 0 {
      print("sealed: \(report.sealed) of the new responses are sealed; they count and travel on, and open with `wijkweb unseal --key FILE`")
    }
    if report.unsealed > 0 { print("unsealed: \(report.unsealed) responses stored sealed here are readable now") }
    print("conflicts: \(report.conflicts.count)")
    for conflict in report.conflicts {
      print("  response \(conflict.responseID): \(conflict.reason); kept as it was")
    }
  }
}

/// Reading and writing bundle files, with their encryption.
enum BundleFiles {
  /// The bundle in `path`, decrypted (with the passphrase from the file, the environment or the terminal)
  /// and decoded; any problem as a plain `Failure`.
  static func read(_ path: String, passphraseFile: String?, outcome: String = "Nothing was imported.") throws -> BundleContents {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure("Cannot read the bundle \(path). Check the name and that you may read it.")
    }
    var bytes = [UInt8](data)
    do {
      if BundleSeal.isSealed(bytes) {
        let passphrase = try Passphrase.required(file: passphraseFile, confirm: false, purpose: "The bundle \(path) is encrypted and")
        bytes = try BundleSeal.open(bytes, passphrase: passphrase)
      }
      return try BundleFormat.decode(bytes, sha256: SodiumSHA256.hex)
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
