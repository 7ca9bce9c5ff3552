import Foundation
import WijkwebCore
import WijkwebStore
import WijkwebTUI

/// `wijkweb interview --plain`: the interview on standard input and output, a line at a time.
enum PlainSession {
  static func run(database: DatabaseOptions, language: Language, takeHome: TakeHome?) throws {
    guard ["nl", "en"].contains(language.rawValue) else {
      throw Failure("Unknown language \"\(language)\"; use nl or en.")
    }
    let store = try AppSetup.openStore(database)
    let context = try AppSetup.interviewContext(store)
    let state = InterviewState(
      volunteerCode: try store.rememberedVolunteerCode(today: Store.day(Date())) ?? "",
      interrupted: try store.interruptedInterview(), language: language)
    let interview = PlainInterview(
      context: context, recorder: StoreRecorder(store: store), state: state,
      readLine: { Swift.readLine(strippingNewline: true) },
      write: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) })
    interview.takeHomePrinter = takeHome
    interview.run()
  }
}
