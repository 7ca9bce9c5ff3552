import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebStore

/// `wijkweb unseal --key FILE`: make the sealed responses already in this database readable.
struct UnsealCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unseal",
    abstract: "Open the sealed responses in this database with the team key, so profiles, exports and reports count them.")

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage
  @Option(help: "The team's key file (made by `wijkweb keys create`, NAME.key).") var key: String
  @Option(help: "The key's passphrase is on this file's first line ($WIJKWEB_PASSPHRASE works too); else it is asked once.")
  var passphraseFile: String?

  func run() throws {
    let store = try AppSetup.openStore(database, existing: true)
    let contents = try store.sealedContents()
    guard !contents.responses.isEmpty else {
      UIString.cmdNoSealed.say(messages.language)
      return
    }
    let opened = SealedResponses.open(contents, with: try KeyFiles.open(key, passphraseFile: passphraseFile))
    guard !opened.openedFrom.isEmpty else {
      throw Failure(.errKeyOpensNone, key, contents.responses.count)
    }
    let checked: BundleValidator.Checked
    do {
      checked = try BundleValidator.check(opened, advice: .bvUnsealAdvice)
    } catch let problem as BundleProblem {
      throw Failure("A sealed response does not fit its round: \(problem.message) Nothing was changed.")
    }
    let count = try store.unseal(checked, actor: "coordinator")
    UIString.cmdUnsealed.say(messages.language, count)
    for refusal in checked.unopened {
      UIString.cmdNotOpened.say(messages.language, refusal.responseID, refusal.reason)
    }
  }
}
