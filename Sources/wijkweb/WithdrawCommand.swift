import ArgumentParser
import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebStore

/// `wijkweb withdraw CODE`: a resident takes back their answers with the receipt code they were given.
struct WithdrawCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "withdraw",
    abstract: "Delete the response with this receipt code and its reflections; the withdrawal travels in later bundles.")

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var messages: MessageLanguage
  @Argument(help: "The receipt code as shown to the resident, e.g. K7MP-3QXA-9RTW-HN4C (spaces, dashes and case do not matter).")
  var code: String
  @Option(help: "Your operator code, recorded in the audit log.") var by: String = "coordinator"

  func run() throws {
    guard let normalized = ReceiptCode.normalize(code) else {
      throw Failure("\"\(code)\" is not a receipt code: a receipt code has sixteen letters and digits in four groups, like K7MP-3QXA-9RTW-HN4C (eight for interviews of before). Check the code on the resident's slip.")
    }
    if let url = database.path, ConnectionTarget.isURL(url) {
      // The central database: the admin's Wijkweb checks the code against the response's hash, as
      // `wijkweb central withdraw` does.
      let connection = try AppSetup.openCentral(url)
      guard let id = try CentralWithdrawals.withdraw(code: normalized, locator: ReceiptCode.locator(of: normalized), on: connection,
                                                     proves: CentralCommand.proves) else {
        throw Failure("No response on \(connection.target.summary) has receipt code \(normalized); nothing was withdrawn.")
      }
      UIString.cmdWithdrawnCentral.say(messages.language, connection.target.summary, id)
      return
    }
    let store = try AppSetup.openStore(database, existing: true)
    guard let withdrawal = try store.withdraw(receiptCode: normalized, actor: by) else {
      throw Failure("No response on this laptop has receipt code \(normalized). It may have been withdrawn already or be stored on another laptop; run this there, or import that laptop's bundle first.")
    }
    if withdrawal.removedAfterSync {
      UIString.cmdWithdrawnAlreadyCentral.say(messages.language, normalized)
      return
    }
    UIString.cmdWithdrawn.say(messages.language, normalized, withdrawal.reflections)
  }
}
