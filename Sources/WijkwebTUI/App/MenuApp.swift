import WijkwebCore

/// The main menu as an app of the event loop: a number chooses, F2 or l switches the language.
public final class MenuApp: EventDrivenApp {
  public private(set) var choice: MenuScreen.Choice?
  public private(set) var language: Language
  private let roundName: String?
  private let canResume: Bool
  private let notice: String?

  public init(language: Language, roundName: String?, canResume: Bool, notice: String?) {
    self.language = language
    self.roundName = roundName
    self.canResume = canResume
    self.notice = notice
  }

  public var idleMilliseconds: Int { 60_000 }
  public var isFinished: Bool { choice != nil }

  public func render(size: Size, unicode: Bool) -> ScreenBuffer {
    MenuScreen.render(size: size, unicode: unicode, language: language, roundName: roundName, canResume: canResume, notice: notice)
  }

  public func update(_ event: TerminalEvent) -> Bool {
    if event == .resize { return true }
    guard let key = event.plainKey else { return false }
    if key == .function(2) || key == .character("l") {
      language = language == .dutch ? .english : .dutch
      return true
    }
    choice = MenuScreen.choice(for: key, canResume: canResume)
    return false
  }
}
