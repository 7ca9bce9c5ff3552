import Foundation
import WijkwebCore

/// Runs an interview line by line: reads a line, turns it into the key presses the interview
/// understands, records their effects, and writes what changed as lines. No cursor addressing, no
/// drawing, so it works through a screen reader, a braille display, or a pipe.
///
/// Lines: a number chooses (a score, an option, an area), `w` is "weet niet", `b` or `<` goes back, an
/// empty line continues, `l` (or `F2`) switches language, `?` repeats the prompt with help, `q` stops
/// at any prompt (every confirmed answer is already stored). Text (volunteer code, area search, reflections) is typed on one line.
public final class PlainInterview {
  public private(set) var state: InterviewState
  private let context: InterviewContext
  private let recorder: InterviewRecorder
  private let readLine: () -> String?
  private let write: (String) -> Void
  /// Writes or prints the resident's take-home web (`p` at the end), when configured.
  public var takeHomePrinter: TakeHomePrinter?
  /// Whether standard output is a terminal: then the end of each interview clears the screen and the
  /// scrollback; otherwise (a pipe, a screen reader's buffer) the volunteer is told to close the window.
  public var outputIsTerminal = false
  /// The terminal's clear-screen and clear-scrollback sequences (`ESC [ H`, `ESC [ 2 J`, `ESC [ 3 J`).
  public static let clearScreenAndScrollback = "\u{1B}[H\u{1B}[2J\u{1B}[3J"
  /// Whether the round was chosen (asked first when there is more than one open round).
  private var roundPicked: Bool

  public init(context: InterviewContext, recorder: InterviewRecorder, state: InterviewState,
              readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
    self.context = context
    self.recorder = recorder
    self.state = state
    self.readLine = readLine
    self.write = write
    roundPicked = context.rounds.count <= 1
  }

  /// Runs until `q`, Ctrl-D (end of input) or an interrupt; every confirmed answer is already stored.
  public func run() {
    write(UIString.plainIntro.text(state.language))
    show()
    while let raw = readLine() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line == "?" {
        write(UIString.plainHelp.text(state.language))
        show()
        continue
      }
      if line == "q" {
        break
      }
      let before = state
      for key in keys(for: line) {
        handle(key)
        if state.notice != nil || state.wantsToQuit { break }
      }
      if case .saved = before.step, !isSaved { endOfInterview() }
      if state.wantsToQuit { break }
      if case .personalData(let kind, let found) = state.notice {
        // A line interface has no Tab: typing the text again keeps it, an empty line skips the question.
        write(UIString.plainPersonalData.format(state.language, InterviewView.personalDataKind(kind).text(state.language), found))
      } else if let notice = state.notice {
        write(InterviewView.noticeText(notice, language: state.language))
      }
      warned = { if case .personalData = state.notice { return true } else { return false } }()
      if state.step != before.step || state.language != before.language || state.paused != before.paused {
        show()
      } else if case .area = state.step, state.query != before.query {
        PlainInterviewText.areaMatches(state, context: context).forEach(write)
      } else if case .web(let part) = state.step, state.reflections != before.reflections,
                let questionnaire = context.round(state.roundIndex)?.questionnaire {
        write(PlainInterviewText.focusLine(state, questionnaire: questionnaire, part: part))
      }
    }
    if isSaved { endOfInterview() }
    write(UIString.plainBye.text(state.language))
  }

  /// Whether the last line was answered with the personal-data warning: an empty line then skips the
  /// question instead of keeping the flagged text.
  private var warned = false

  private var isSaved: Bool {
    if case .saved = state.step { return true }
    return false
  }

  /// Leaves nothing of the resident on screen: clears screen and scrollback on a terminal, else asks
  /// the volunteer to close the window.
  private func endOfInterview() {
    if outputIsTerminal {
      write(Self.clearScreenAndScrollback)
    } else {
      write(UIString.plainCloseWindow.text(state.language))
    }
  }

  private func show() {
    PlainInterviewText.lines(state, context: context, roundPicked: roundPicked).filter { !$0.isEmpty }.forEach(write)
    if case .saved = state.step, !state.savedScores.isEmpty, takeHomePrinter != nil {
      write(UIString.takeHomeKey.text(state.language))
    }
  }

  private func handle(_ key: Key) {
    InterviewStep.apply(key, to: &state, context: context, recorder: recorder, takeHomePrinter: takeHomePrinter)
  }

  private func characters(_ text: String) -> [Key] { text.map { Key.character($0) } }

  /// Moves a list's highlight from `selection` to `target` and chooses it.
  private func choose(_ target: Int, from selection: Int) -> [Key] {
    let moves = target >= selection ? Array(repeating: Key.down, count: target - selection) : Array(repeating: Key.up, count: selection - target)
    return moves + [.enter]
  }

  /// The key presses a line stands for at the current step.
  func keys(for line: String) -> [Key] {
    if line == "F2" || (line == "l" && !state.takesText) { return [.function(2)] }
    if line == "<" { return [.escape] }
    switch state.step {
    case .resumeOffer:
      // Only h resumes and w discards; an empty line or anything else does nothing.
      return line.count == 1 ? characters(line) : []
    case .confirmDiscard, .consent:
      return line.isEmpty ? [] : characters(String(line.prefix(1)))
    case .saved:
      return line == "p" ? [.character("p")] : [.enter]
    case .welcome, .declined:
      return [.enter]
    case .volunteer:
      if !roundPicked {
        guard let number = Int(line), (1 ... context.rounds.count).contains(number) else {
          write(UIString.plainChooseNumber.format(state.language, context.rounds.count))
          return []
        }
        roundPicked = true
        let moves = number - 1 >= state.roundIndex
          ? Array(repeating: Key.down, count: number - 1 - state.roundIndex)
          : Array(repeating: Key.up, count: state.roundIndex - number + 1)
        moves.forEach(handle)
        show()
        return []
      }
      if line.isEmpty { return [.enter] }
      return Array(repeating: .backspace, count: state.volunteerCode.count) + characters(line) + [.enter]
    case .area:
      let matches = state.query.isEmpty ? [] : context.areas.matches(state.query)
      if let number = Int(line), (1 ... max(1, matches.count)).contains(number), !matches.isEmpty {
        return choose(number - 1, from: state.selection)
      }
      if line.isEmpty { return [.enter] }
      return Array(repeating: .backspace, count: state.query.count) + characters(line)
    case .demographic(let index):
      if line == "b" { return [.backspace] }
      guard let question = context.round(state.roundIndex)?.questionnaire.demographics[index] else { return [] }
      let count = question.choices.count + (question.preferNotToSay ? 1 : 0)
      guard let number = Int(line), (1 ... count).contains(number) else {
        write(UIString.plainChooseNumber.format(state.language, count))
        return []
      }
      return choose(number - 1, from: state.selection)
    case .item(let part, let index):
      if line == "b" { return [.backspace] }
      if line == "w" { return [.character("w")] }
      if line.isEmpty { return [.enter] }
      guard let scale = context.round(state.roundIndex)?.questionnaire.parts[part].items[index].scale,
            let value = Int(line), (scale.min ... scale.max).contains(value) else {
        write(UIString.noticeChooseScore.text(state.language))
        return []
      }
      return [.home] + Array(repeating: .right, count: value - scale.min) + [.enter]
    case .summary:
      return line == "b" ? [.backspace] : [.enter]
    case .web(let part):
      if line == "b" { return [.backspace] }
      if line == "v" { return [.character("v")] }
      if line.isEmpty { return [.enter] }
      guard let questionnaire = context.round(state.roundIndex)?.questionnaire else { return [] }
      let order = questionnaire.dimensionOrder
      let numbers = line.split(whereSeparator: { $0 == " " || $0 == "," }).map { Int($0) }
      guard !numbers.isEmpty, numbers.allSatisfy({ $0.map { (1 ... order.count).contains($0) } ?? false }) else {
        write(UIString.plainChooseNumber.format(state.language, order.count))
        return []
      }
      let wanted = numbers.compactMap { $0 }.map { order[$0 - 1] }
      let marked = state.focus(partID: questionnaire.parts[part].id)
      // Unmark what was not asked for, then mark what is new, each with its number key.
      let toggles = marked.filter { !wanted.contains($0) } + wanted.filter { !marked.contains($0) }
      return toggles.compactMap { dimension in order.firstIndex(of: dimension).map { Key.character(Character(String($0 + 1))) } }
    case .earlierCode:
      if line.isEmpty { return [.escape] }
      return Array(repeating: .backspace, count: state.earlierCode.count) + characters(line) + [.enter]
    case .dialogue, .reflection:
      // The typed line replaces the draft; an empty line keeps what was there (or leaves it empty), but
      // after a personal-data warning it skips the question: the flagged text is not stored.
      if !line.isEmpty || warned { state.editor = TextEditor(text: line) }
      return [.tab]
    }
  }
}
