import WijkwebCore

/// The main menu (`wijkweb` with no arguments).
public enum MenuScreen {
  public enum Choice: Sendable { case newInterview, resume, dashboard, review, quit }

  /// The screen; `canResume` shows "Gesprek hervatten" when an interview was interrupted.
  public static func render(size: Size, unicode: Bool, language: Language, roundName: String?, canResume: Bool,
                            notice: String? = nil) -> ScreenBuffer {
    if size.width < ScreenFrame.minimumSize.width || size.height < ScreenFrame.minimumSize.height {
      return ScreenFrame.tooSmall(size: size, language: language)
    }
    var frame = ScreenFrame(size: size, unicode: unicode, language: language)
    let right = roundName.map { "\(UIString.roundLabel.text(language)): \(TerminalText.visible($0)) (open)" } ?? UIString.noRound.text(language)
    frame.header(UIString.appTitle.text(language), right: right)
    var row = frame.bodyTop + 2
    var entries: [(String, UIString)] = [("1", .menuNewInterview)]
    if canResume { entries.append(("2", .menuResume)) }
    entries.append(("3", .menuDashboard))
    entries.append(("4", .menuReview))
    entries.append(("q", .menuQuit))
    for (key, text) in entries {
      frame.buffer.put(key, x: frame.margin + 2, y: row, style: .heading)
      frame.buffer.put(text.text(language), x: frame.margin + 6, y: row, style: .bold)
      row += 2
    }
    frame.footer(keys: [UIString.menuChoose.text(language), UIString.languageKey(next: language == .dutch ? .english : .dutch, in: language)], notice: notice)
    return frame.buffer
  }

  /// The choice for a key, or nil.
  public static func choice(for key: Key, canResume: Bool) -> Choice? {
    switch key {
    case .character("1"): return .newInterview
    case .character("2") where canResume: return .resume
    case .character("3"): return .dashboard
    case .character("4"): return .review
    case .character("q"), .escape, .interrupt: return .quit
    default: return nil
    }
  }
}
