import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebFiles
import WijkwebStore

/// `wijkweb keys create|restore|add-signing`: the team's keys (sealing and signing).
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys", abstract: "The team's keys (sealed rounds, signed rounds and enrolments): create them, restore them from their paper backup, or add a signing key to an old key file.",
    subcommands: [Create.self, Restore.self, AddSigning.self])

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make the team's keys: NAME.pub (public: sealing and signing key), NAME.key (passphrase-protected) to open sealed responses and sign rounds and enrolments.")
    @Option(help: "The name of the two files, without extension: NAME.pub and NAME.key.") var out: String
    @OptionGroup var messages: MessageLanguage
    @Option(help: "Also write a printable paper backup of the (still encrypted) key to this file.") var paper: String?
    @Option(help: "The passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too); else it is asked twice.")
    var passphraseFile: String?

    func run() throws {
      let publicPath = out + ".pub"
      let secretPath = out + ".key"
      for path in [publicPath, secretPath, paper].compactMap({ $0 }) where FileManager.default.fileExists(atPath: path) {
        throw Failure(.errKeyExists, path)
      }
      FileHandle.standardError.write(Data((UIString.cmdKeyWarning.format(messages.language, secretPath) + "\n\n").utf8))
      let passphrase = try Passphrase.required(file: passphraseFile, confirm: true, purpose: LocalizedMessage(.purposeCreateTeamKey))
      let files: TeamKey.Files
      do {
        files = try TeamKey.create(passphrase: passphrase)
      } catch let problem as KeyProblem {
        throw Failure(.errKeyNotMade, problem.message)
      }
      try KeyFiles.write(files.publicText, to: publicPath, mode: 0o644)
      try KeyFiles.write(files.secretText, to: secretPath, mode: 0o600)
      UIString.cmdKeyPairWritten.say(messages.language, publicPath, secretPath)
      var paperPath = paper
      if paperPath == nil, try Passphrase.given(file: passphraseFile) == nil, isatty(STDIN_FILENO) == 1 {
        FileHandle.standardError.write(Data(UIString.cmdPaperPrompt.format(messages.language, out + ".paper.txt").utf8))
        if let answer = readLine(), ["y", "yes", "j", "ja"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) {
          paperPath = out + ".paper.txt"
        }
      }
      if let paperPath {
        try KeyFiles.write(PaperKey.text(for: files.envelope, instructions: KeyFiles.paperInstructions), to: paperPath, mode: 0o600)
        UIString.cmdPaperWritten.say(messages.language, paperPath)
      }
    }
  }

  struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Rebuild NAME.key and NAME.pub from a paper backup typed into a text file.")
    @Option(help: "The text file with the paper backup typed in (the lines from WIJKWEB-PAPER-KEY 1 to WIJKWEB-PAPER-KEY-END).")
    var paper: String
    @Option(help: "The name of the two files to write, without extension: NAME.pub and NAME.key.") var out: String
    @OptionGroup var messages: MessageLanguage

    func run() throws {
      guard let data = FileManager.default.contents(atPath: paper) else {
        throw Failure(.errPaperUnreadable, paper)
      }
      let envelope: [UInt8]
      do {
        envelope = try PaperKey.bytes(from: String(decoding: data, as: UTF8.self))
        _ = try TeamKey.publicKey(ofEnvelope: envelope)
      } catch let problem as PaperKeyProblem {
        throw Failure(.errPaperCannotRead, paper, problem.message)
      } catch let problem as KeyProblem {
        throw Failure(.errPaperNotKey, paper, problem.message)
      }
      let publicPath = out + ".pub"
      let secretPath = out + ".key"
      for path in [publicPath, secretPath] where FileManager.default.fileExists(atPath: path) {
        throw Failure(.errKeyExistsOut, path)
      }
      let files = try TeamKey.Files(envelope: envelope)
      try KeyFiles.write(files.publicText, to: publicPath, mode: 0o644)
      try KeyFiles.write(files.secretText, to: secretPath, mode: 0o600)
      UIString.cmdKeyRestored.say(messages.language, secretPath, publicPath)
    }
  }

  struct AddSigning: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-signing",
      abstract: "Give a team key file made before teams signed rounds a signing key: writes NAME.key and NAME.pub with the same sealing key.")
    @Option(help: "The old key file (WIJKWEB-SECRET-KEY 1).") var key: String
    @Option(help: "The name of the two new files, without extension: NAME.pub and NAME.key.") var out: String
    @Option(help: "The passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too); the new file keeps it.")
    var passphraseFile: String?
    @Option(help: "Also write a new printable paper backup (both keys) to this file; the old paper has no signing key.")
    var paper: String?

    @OptionGroup var messages: MessageLanguage
    func run() throws {
      let publicPath = out + ".pub"
      let secretPath = out + ".key"
      for path in [publicPath, secretPath, paper].compactMap({ $0 }) where FileManager.default.fileExists(atPath: path) {
        throw Failure(.errKeyOutExists, path)
      }
      let opened = try KeyFiles.open(key, passphraseFile: passphraseFile)
      guard opened.signingKey == nil else { throw Failure(.errHasSigningKey, key) }
      let passphrase = try Passphrase.required(file: passphraseFile, confirm: false, purpose: LocalizedMessage(.purposeKeyFile, key),
                                               prompt: LocalizedMessage(.passphraseOfKeyAgain, key))
      let files: TeamKey.Files
      do {
        files = try TeamKey.addingSigning(to: opened, passphrase: passphrase)
      } catch let problem as KeyProblem {
        throw Failure(.errSigningKeyNotMade, problem.message)
      }
      try KeyFiles.write(files.publicText, to: publicPath, mode: 0o644)
      try KeyFiles.write(files.secretText, to: secretPath, mode: 0o600)
      print("key with signing key written: \(secretPath) and \(publicPath) (same sealing key and passphrase)")
      if let paper {
        try KeyFiles.write(PaperKey.text(for: files.envelope, instructions: KeyFiles.paperInstructions), to: paper, mode: 0o600)
        print("paper backup of both keys written to \(paper): print it, keep it apart from the passphrase, then delete the file")
      }
    }
  }
}

/// Reading and writing key files.
enum KeyFiles {
  static let paperInstructions = """
    Wijkweb team key - paper backup

    These are the team's secret keys (sealing: opens sealed rounds; signing: signs rounds, enrolments and
    revocations), still encrypted with their passphrase: the paper alone does not open or sign anything,
    and without the passphrase it is useless. Keep it apart from the passphrase.

    To restore: type the block below (from WIJKWEB-PAPER-KEY 1 to WIJKWEB-PAPER-KEY-END) into a text file,
    then run   wijkweb keys restore --paper FILE --out team
    Spaces and upper or lower case do not matter. The two letters at the end of each line check that line;
    the CHECKSUM line checks the whole key.
    """

  /// Writes `text` to a new file at `path` through the atomic writer (owner-only while written), `mode` when done.
  static func write(_ text: String, to path: String, mode: Int) throws {
    do {
      try AtomicFile.write(text, to: path, mode: mode_t(mode))
    } catch let error as FileError {
      throw Failure(error)
    }
  }

  /// The public key in the file at `path`, for `round create --seal-to`.
  static func publicKey(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(.errPublicKeyUnreadable, path)
    }
    do {
      return try TeamKey.parsePublic(String(decoding: data, as: UTF8.self))
    } catch let problem as KeyProblem {
      throw Failure(.errPublicKeyUnusable, path, problem.message)
    }
  }

  /// The key pair in the file at `path`, opened with the passphrase (file, environment or asked once).
  static func open(_ path: String, passphraseFile: String?) throws -> TeamKey.Opened {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(.errKeyFileUnreadable, path)
    }
    do {
      let envelope = try TeamKey.parseSecret(String(decoding: data, as: UTF8.self))
      let passphrase = try Passphrase.required(file: passphraseFile, confirm: false, purpose: LocalizedMessage(.purposeKeyFile, path),
                                               prompt: LocalizedMessage(.passphraseOfKey, path))
      return try TeamKey.open(envelope: envelope, passphrase: passphrase)
    } catch let problem as KeyProblem {
      throw Failure(.errKeyFileCannotOpen, path, problem.message)
    }
  }
}
