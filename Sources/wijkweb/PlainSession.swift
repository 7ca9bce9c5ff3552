import Foundation
import WijkwebCore
import WijkwebStore
import WijkwebTUI

/// `wijkweb interview --plain`: the interview on standard input and output, a line at a time.
enum PlainSession {
  static func run(database: DatabaseOptions, language: Language, takeHome: TakeHome?) throws {
    let store = try AppSetup.openStore(database, purge: true)
    let context = try AppSetup.interviewContext(store, rightToLeft: true)
    let offered = Set(context.rounds.flatMap(\.questionnaire.languages))
    guard offered.contains(language) else {
      throw Failure("The interview is not available in \"\(language)\"; it is in \(offered.sorted().map(\.rawValue).joined(separator: ", ")). `wijkweb languages` shows what each language lacks.")
    }
    let state = InterviewState(
      volunteerCode: try store.rememberedVolunteerCode(today: CalendarDay(Date(), timeZone: .current).iso) ?? "",
      interrupted: try store.interruptedInterview(), language: language)
    let interview = PlainInterview(
      context: context, recorder: StoreRecorder(store: store), state: state,
      readLine: { Swift.readLine(strippingNewline: true) },
      write: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) })
    interview.takeHomePrinter = takeHome
    // As on the screen's round page: the languages on offer, a draft marked concept-vertaling.
    let extra = LanguagePacks.registered.filter { offered.contains($0.language) }
    if !extra.isEmpty {
      let names = ["Nederlands", "English"]
        + extra.map { $0.name + ($0.status == .concept ? " [" + UIString.languageConcept.text(language) + "]" : "") }
      FileHandle.standardOutput.write(Data((UIString.volunteerLanguages.format(language, names.joined(separator: ", ")) + "\n").utf8))
    }
    interview.outputIsTerminal = isatty(STDOUT_FILENO) == 1
    interview.run()
  }
}
