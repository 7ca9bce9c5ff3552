import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebStore

/// `wijkweb device enrol|show`: this laptop's own signing key, its enrolment request and its certificate.
struct DeviceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "device", abstract: "This laptop's signing key and its place in a team: enrol it, show it.",
    subcommands: [Enrol.self, Show.self])

  struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print this laptop's enrolment request (one line for `wijkweb team enrol-device`), or with --certificate store the team's answer.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The certificate file the team made with `wijkweb team enrol-device`: this laptop joins that team.")
    var certificate: String?

    func run() throws {
      let store = try AppSetup.openStore(database)
      guard let certificate else {
        let request = try store.enrolmentRequest()
        FileHandle.standardError.write(Data("""
          Give this line to the gebiedsteam (wijkweb team enrol-device LINE); its device id must be \(request.deviceID):

          """.utf8))
        print(request.text)
        return
      }
      let parsed = try TrustFiles.certificate(certificate)
      let before = try store.trustState()
      try store.acceptCertificate(parsed, actor: "coordinator")
      print("this laptop now belongs to team \(parsed.team.teamID)\(before.isLocalTeam ? "; its stand-alone team is gone, and the responses of its own rounds reach the team only when the team accepts those rounds" : "")")
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show this laptop's device id, team and certificate.")
    @OptionGroup var database: DatabaseOptions
    func run() throws {
      let state = try AppSetup.openStore(database, existing: true).trustState()
      print("device: \(TerminalText.visible(state.deviceID))")
      print("team: \(state.team.teamID)\(state.isLocalTeam ? " (this laptop alone: its own local team)" : "")")
      print("certificate: \(state.certificate.map { "issued \(TerminalText.visible($0.issuedAt))" } ?? "none")")
      if let list = state.revocations {
        print("revoked devices (list \(list.version)): \(list.entries.map { TerminalText.visible("\($0.deviceID) from \($0.revokedAt)") }.joined(separator: ", "))")
      }
    }
  }
}

/// `wijkweb team enrol-device`: the team's machine signs a laptop's enrolment request with the team key.
struct TeamCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "team", abstract: "The gebiedsteam's work with its team key: enrol laptops, revoke them.",
    subcommands: [EnrolDevice.self, RevokeDevice.self])

  struct RevokeDevice: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "revoke-device",
      abstract: "Revoke a laptop from now on: a new revocation list signed by the team key, which every bundle from here carries to every machine.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The device id (`wijkweb device show` on the laptop, or the audit log).") var id: String
    @Option(help: "The team key file (NAME.key).") var key: String
    @Option(help: "The team key's passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too).") var passphraseFile: String?

    @OptionGroup var messages: MessageLanguage
    func run() throws {
      let signer: Ed25519Signer
      do {
        signer = try KeyFiles.open(key, passphraseFile: passphraseFile).signer()
      } catch let problem as KeyProblem {
        throw Failure(.errNothingRevoked, problem.message)
      }
      let store = try AppSetup.openStore(database, existing: true)
      let (list, removed) = try store.revokeDevice(id, signer: signer, actor: "coordinator")
      print("device \(TerminalText.visible(id)) revoked from \(list.revokedAt(id) ?? "now") (revocation list \(list.version)); bundles from here carry it to every machine\(removed > 0 ? "; \(removed) responses it completed since were removed here" : "")")
    }
  }

  struct EnrolDevice: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "enrol-device", abstract: "Sign a laptop's enrolment request with the team key: prints (or writes) its certificate.")
    @Argument(help: "The line `wijkweb device enrol` printed on the laptop.") var request: String
    @Option(help: "The team key file (NAME.key from `wijkweb keys create`).") var key: String
    @Option(help: "The team key's passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too).") var passphraseFile: String?
    @Option(help: "Write the certificate to this new file (default: print it).") var out: String?

    @OptionGroup var messages: MessageLanguage
    func run() throws {
      let parsed: EnrolmentRequest
      do {
        parsed = try EnrolmentRequest.parse(request)
      } catch let problem as TrustProblem {
        throw Failure(.errEnrolmentUnusable, problem.message)
      }
      if let out, FileManager.default.fileExists(atPath: out) {
        throw Failure(.errCertificateOutExists, out)
      }
      let opened = try KeyFiles.open(key, passphraseFile: passphraseFile)
      guard let team = opened.team else {
        throw Failure(.errNoSigningKey, key)
      }
      let certificate: DeviceCertificate
      do {
        certificate = try DeviceCertificate.issue(for: parsed, team: team, issuedAt: TrustFiles.now(), signer: try opened.signer())
      } catch let problem as KeyProblem {
        throw Failure(.errCertificateNotSigned, problem.message)
      }
      if let out {
        try KeyFiles.write(certificate.text, to: out, mode: 0o644)
        print("certificate for device \(TerminalText.visible(parsed.deviceID)) written to \(out); on the laptop: wijkweb device enrol --certificate \(out)")
      } else {
        print(certificate.text, terminator: "")
      }
    }
  }
}

/// Reading the files of the rules of trust.
enum TrustFiles {
  /// The largest certificate or round file read: a few kilobytes in practice.
  static let maxBytes = 65_536

  static func now() -> String {
    CalendarDay.timestamp(Date())
  }

  /// The text of a certificate or round file; `tooBig` and `unreadable` say why not (file, size, limit).
  static func text(_ path: String, tooBig: UIString, unreadable: UIString, limit: Int = maxBytes) throws -> String {
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
      throw Failure(tooBig, path, size, limit)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(unreadable, path)
    }
    return String(decoding: data, as: UTF8.self)
  }

  static func certificate(_ path: String) throws -> DeviceCertificate {
    do {
      return try DeviceCertificate.parse(try text(path, tooBig: .errCertificateTooBig, unreadable: .errCertificateUnreadable))
    } catch let problem as TrustProblem {
      throw Failure(.errFileUnusable, path, problem.message)
    }
  }
}
