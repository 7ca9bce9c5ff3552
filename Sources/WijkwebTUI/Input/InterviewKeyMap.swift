import WijkwebCore

/// The keys of the interview: one table per kind of screen, mapping keys to intents. The help screen
/// lists the help lines of the table of the screen it was opened on, so hints cannot disagree with keys.
public enum InterviewKeyMap {
  /// The kinds of screen, each with its own keys.
  public enum ScreenKind: Hashable, Sendable, CaseIterable {
    case resumeOffer, confirmDiscard, welcome, volunteer, consent, declined, area, demographic, statement, web
    case text, earlierCode, summary, saved
  }

  /// One row of a table: these keys give this intent; `help` says so on the help screen.
  public struct Binding: Sendable {
    public var keys: [Key]
    public var intent: InterviewIntent
    public var help: UIString?
  }

  /// The table of one kind of screen.
  public struct Table: Sendable {
    public var bindings: [Binding]
    /// What a digit 0-9 does, if anything.
    public var digits: (@Sendable (Int) -> InterviewIntent)?
    public var digitHelp: [UIString] = []
    /// Whether other characters are typed text.
    public var takesText = false
    /// Help lines that describe typing (shown when `takesText`).
    public var textHelp: [UIString] = []
  }

  public static func kind(of step: InterviewState.Step) -> ScreenKind {
    switch step {
    case .resumeOffer: return .resumeOffer
    case .confirmDiscard: return .confirmDiscard
    case .welcome: return .welcome
    case .volunteer: return .volunteer
    case .consent: return .consent
    case .declined: return .declined
    case .area: return .area
    case .demographic: return .demographic
    case .item: return .statement
    case .web: return .web
    case .dialogue, .reflection: return .text
    case .earlierCode: return .earlierCode
    case .summary: return .summary
    case .saved: return .saved
    }
  }

  private static func bind(_ keys: [Key], _ intent: InterviewIntent, _ help: UIString? = nil) -> Binding {
    Binding(keys: keys, intent: intent, help: help)
  }

  private static func letters(_ text: String) -> [Key] { text.map { Key.character($0) } }

  /// Keys on every screen; on screens that take text, letters are text, so only F1 and F2 work there.
  public static func common(takesText: Bool) -> [Binding] {
    [
      bind([.interrupt], .interrupt, .helpQuit),
      bind(takesText ? [.function(1)] : [.function(1), .character("?")], .showHelp, .helpHelp),
      bind(takesText ? [.function(2)] : [.function(2), .character("l")], .switchLanguage, .helpLanguage),
    ]
  }

  /// The table of a kind of screen.
  public static func table(_ kind: ScreenKind) -> Table {
    switch kind {
    case .resumeOffer:
      return Table(bindings: [bind(letters("h"), .resume), bind(letters("w"), .discard), bind([.escape] + letters("q"), .leave)])
    case .confirmDiscard:
      return Table(bindings: [bind(letters("jy"), .yes), bind([.escape] + letters("n"), .no)])
    case .welcome:
      return Table(bindings: [bind([.enter], .confirm, .helpEnter), bind([.escape] + letters("q"), .leave)])
    case .volunteer:
      return Table(bindings: [
        bind([.up], .moveUp, .helpList), bind([.down], .moveDown), bind([.backspace], .deleteBackward),
        bind([.enter], .confirm, .helpEnter), bind([.escape], .back, .helpEscape),
      ], takesText: true)
    case .consent:
      return Table(bindings: [bind(letters("jJyY"), .yes), bind(letters("nN"), .no), bind([.escape, .backspace], .back, .helpBack)])
    case .declined:
      return Table(bindings: [bind([.enter, .escape], .confirm, .helpEnter)])
    case .area:
      return Table(bindings: [
        bind([.up], .moveUp, .helpList), bind([.down], .moveDown), bind([.pageUp], .pageUp), bind([.pageDown], .pageDown),
        bind([.home], .moveToFirst), bind([.end], .moveToLast), bind([.backspace], .deleteBackward),
        bind([.enter], .confirm, .helpEnter), bind([.escape], .back),
      ], takesText: true)
    case .demographic:
      return Table(bindings: [
        bind([.up], .moveUp, .helpList), bind([.down], .moveDown), bind([.home], .moveToFirst), bind([.end], .moveToLast),
        bind([.enter], .confirm, .helpEnter), bind([.escape, .backspace], .back, .helpBack),
      ], digits: { .chooseOption($0) })
    case .statement:
      return Table(bindings: [
        bind([.left], .lowerScore, .helpArrows), bind([.right], .raiseScore), bind([.home], .lowestScore, .helpTen),
        bind([.end], .highestScore), bind([.enter], .confirm, .helpEnter), bind(letters("w"), .dontKnow, .helpDontKnow),
        bind([.backspace, .escape] + letters("b"), .back, .helpBack),
      ], digits: { .chooseScore($0) }, digitHelp: [.helpDigits])
    case .web:
      return Table(bindings: [
        bind([.enter], .confirm, .helpEnter), bind([.backspace, .escape] + letters("b"), .back, .helpBack),
        bind(letters("v"), .showEarlierWeb, .helpEarlier),
      ], digits: { .markTopic($0) }, digitHelp: [.helpFocus])
    case .text:
      return Table(bindings: [
        bind([.tab, .function(10)], .nextText, .helpTab), bind([.escape, .backTab], .back, .helpEscape),
        bind([.backspace], .deleteBackward), bind([.enter], .typeText("\n")),
        bind([.delete], .edit(.deleteForward)), bind([.left], .edit(.left)), bind([.right], .edit(.right)),
        bind([.home], .edit(.lineStart)), bind([.end], .edit(.lineEnd)), bind([.up], .edit(.up)), bind([.down], .edit(.down)),
      ], takesText: true, textHelp: [.helpText])
    case .earlierCode:
      return Table(bindings: [
        bind([.backspace], .deleteBackward), bind([.enter], .confirm, .helpEnter), bind([.escape], .back, .helpEscape),
      ], takesText: true)
    case .summary:
      return Table(bindings: [bind([.enter], .confirm, .helpEnter), bind([.backspace, .escape] + letters("b"), .back, .helpBack)])
    case .saved:
      return Table(bindings: [bind([.enter, .escape], .confirm, .helpEnter), bind(letters("p"), .takeHome, .helpTakeHome)])
    }
  }

  /// The intent of a key on the screen `state` shows, or nil when the key does nothing there.
  public static func intent(for key: Key, in state: InterviewState) -> InterviewIntent? {
    if key == .interrupt { return .interrupt }
    if state.showingHelp { return .dismiss }
    if state.paused { return key == .enter ? .confirm : nil }
    let table = table(kind(of: state.step))
    for binding in common(takesText: table.takesText) + table.bindings where binding.keys.contains(key) {
      return binding.intent
    }
    guard case .character(let character) = key else { return nil }
    if let digits = table.digits, character.isASCII, let digit = character.wholeNumberValue { return digits(digit) }
    return table.takesText ? .typeText(String(character)) : nil
  }

  /// The help lines of a screen: its own keys first, then the keys of every screen.
  public static func helpLines(for step: InterviewState.Step) -> [UIString] {
    let table = table(kind(of: step))
    var lines: [UIString] = []
    for line in table.digitHelp + table.bindings.compactMap(\.help) + table.textHelp
      + common(takesText: table.takesText).compactMap(\.help).reversed() where !lines.contains(line) {
      lines.append(line)
    }
    return lines
  }
}

extension InterviewState {
  /// Applies one key press through the key map of the screen shown; a key that means nothing there
  /// changes nothing (not even the notice).
  public mutating func handle(_ key: Key, context: InterviewContext) -> [InterviewEffect] {
    guard let intent = InterviewKeyMap.intent(for: key, in: self) else { return [] }
    return apply(intent, context: context)
  }
}
