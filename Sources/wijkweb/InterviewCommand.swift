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

  @Option(help: "Language to start in: nl or en.")
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
    do {
      try InterviewLock.acquire(path: store.path ?? "")
    } catch let error as StoreError {
      throw Failure(error.message)
    }
    let context = try AppSetup.interviewContext(store)
    let offered = Set(context.rounds.flatMap(\.questionnaire.languages))
    guard offered.contains(language) else {
      throw Failure("The interview is not available in \"\(language)\"; it is in \(offered.sorted().map(\.rawValue).joined(separator: ", ")). `wijkweb languages` shows what each language lacks.")
    }
    let terminal = try CursesTerminal()
    defer { terminal.stop() }
    let recorder = StoreRecorder(store: store)
    var menuLanguage = language
    var notice: String?
    while true {
      let interrupted = try store.interruptedInterview()
      var startState = InterviewState(
        volunteerCode: try store.rememberedVolunteerCode(today: Store.day(Date())) ?? "", interrupted: interrupted,
        language: menuLanguage)
      if menu {
        let choice = chooseFromMenu(terminal, context: context, language: &menuLanguage, canResume: interrupted != nil, notice: notice)
        notice = nil
        switch choice {
        case .quit: return
        case .dashboard:
          do {
            try DashboardCommand.show(store: store, roundName: nil, language: menuLanguage, terminal: terminal, quiet: true)
          } catch {
            notice = "\(error)"
          }
          continue
        case .review:
          do {
            try ReviewCommand.show(store: store, roundName: nil, all: false, reviewer: "gebiedsteam", language: menuLanguage, terminal: terminal)
          } catch {
            notice = "\(error)"
          }
          continue
        case .newInterview: startState.language = menuLanguage
        case .resume:
          startState.language = menuLanguage
          _ = startState.handle(.character("h"), context: context)
        }
      }
      let app = InterviewApp(terminal: terminal, context: context, recorder: recorder, state: startState,
                             idleSeconds: idleSeconds)
      app.takeHomePrinter = takeHome
      if app.run() == .interrupted || !menu { return }
    }
  }

  private static func chooseFromMenu(_ terminal: CursesTerminal, context: InterviewContext, language: inout Language, canResume: Bool,
                                     notice: String?) -> MenuScreen.Choice {
    while true {
      terminal.draw(MenuScreen.render(size: terminal.size, unicode: terminal.supportsUnicode, language: language,
                                      roundName: context.rounds.first?.name, canResume: canResume, notice: notice))
      guard let key = terminal.readKey(timeoutMilliseconds: 60_000) else { continue }
      if key == .function(2) || key == .character("l") {
        language = language == .dutch ? .english : .dutch
        continue
      }
      if let choice = MenuScreen.choice(for: key, canResume: canResume) { return choice }
    }
  }
}
