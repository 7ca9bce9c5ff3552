import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebStore
import WijkwebTUI

/// `wijkweb interview`: straight to the interview screen.
struct InterviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interview", abstract: "Interview a resident: the six dimensions, their web, a reflection.")

  @OptionGroup var database: DatabaseOptions

  @Option(help: "Seconds without a key press before the screen hides the answers.")
  var idle: Int = 180

  @Option(help: "Language to start in: nl, en, or one from Languages/ (pl, tr, uk; ar with --plain).")
  var language: String = "nl"

  @Flag(help: "Line by line, without drawing: for a screen reader or braille display, or piped input.")
  var plain = false

  @Option(help: "Folder for the residents' take-home webs (key p at the end; default: $WIJKWEB_TAKE_HOME_DIR).")
  var takeHomeFolder: String?

  @Option(help: "Printer for the take-home webs, through lp (default: $WIJKWEB_PRINTER); wins over the folder.")
  var printer: String?

  func run() throws {
    let takeHome = TakeHome.configured(folder: takeHomeFolder, printer: printer)
    if plain {
      try PlainSession.run(database: database, language: Language(language), takeHome: takeHome)
    } else {
      try Session.run(database: database, idleSeconds: idle, language: Language(language), menu: false, takeHome: takeHome)
    }
  }
}

/// `wijkweb` with no arguments: the main menu.
struct MenuCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "menu", abstract: "The main menu (also what `wijkweb` alone opens).")

  @OptionGroup var database: DatabaseOptions

  @Option(help: "Seconds without a key press before the screen hides the answers.")
  var idle: Int = 180

  func run() throws {
    try Session.run(database: database, idleSeconds: idle, language: .dutch, menu: true,
                    takeHome: TakeHome.configured(folder: nil, printer: nil))
  }
}

/// One terminal session: the menu and/or the interview on ncurses, with the terminal restored on every exit.
enum Session {
  static func run(database: DatabaseOptions, idleSeconds: Int, language: Language, menu: Bool, takeHome: TakeHome?) throws {
    let store = try AppSetup.openStore(database, purge: true)
    try InterviewLock.acquire(path: store.path ?? "")
    let context = try AppSetup.interviewContext(store)
    let offered = Set(context.rounds.flatMap(\.questionnaire.languages))
    if !offered.contains(language), LanguagePacks.info(for: language)?.direction == .rightToLeft {
      throw Failure("\"\(language)\" is written right to left, which this screen cannot show: it is offered in plain mode, `wijkweb interview --plain --language \(language)`.")
    }
    guard offered.contains(language) else {
      throw Failure("The interview is not available in \"\(language)\"; it is in \(offered.sorted().map(\.rawValue).joined(separator: ", ")). `wijkweb languages` shows what each language lacks.")
    }
    let terminal = try CursesTerminal()
    defer { terminal.stop() }
    let session = InterviewSession(
      terminal: terminal, interviewTerminal: terminal, context: context, recorder: StoreRecorder(store: store),
      services: StoreSessionServices(store: store), idleSeconds: idleSeconds, takeHomePrinter: takeHome)
    try session.run(language: language, menu: menu)
  }
}

/// The session's reads and the dashboard and review, from the store.
final class StoreSessionServices: InterviewSessionServices {
  let store: Store
  init(store: Store) { self.store = store }

  func interruptedInterview() throws -> SavedInterview? { try store.interruptedInterview() }

  func rememberedVolunteerCode() throws -> String? { try store.rememberedVolunteerCode(today: CalendarDay(Date(), timeZone: .current).iso) }

  func showDashboard(language: Language, terminal: WijkwebTUI.Terminal) throws {
    try DashboardCommand.show(store: store, roundName: nil, language: language, terminal: terminal, quiet: true)
  }

  func showReview(language: Language, terminal: WijkwebTUI.Terminal) throws {
    try ReviewCommand.show(store: store, roundName: nil, all: false, reviewer: "gebiedsteam", language: language, terminal: terminal)
  }
}
