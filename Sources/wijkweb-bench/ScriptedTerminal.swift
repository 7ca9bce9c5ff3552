import Dispatch
import Glibc
import WijkwebCore
import WijkwebTUI

/// A terminal that hands out scripted keys and draws on another terminal. The interview asks for the
/// next key only after it has handled the previous one and drawn the result, so the time from handing
/// out a key to the next request is that key's handling and redraw: measured here, with no hook in the
/// interview itself.
final class ScriptedTerminal: Terminal {
  /// One measured key press.
  struct Press {
    var key: Key
    var step: InterviewState.Step
    var nanoseconds: UInt64
    var cpuNanoseconds: UInt64
  }

  private let base: Terminal
  private var keys: [Key]
  private var next = 0
  /// The interview being driven, for the screen each key is pressed on.
  weak var app: InterviewApp?
  private(set) var presses: [Press] = []
  private var pending: (key: Key, step: InterviewState.Step, at: UInt64, cpu: UInt64)?

  init(base: Terminal, keys: [Key]) {
    self.base = base
    self.keys = keys
    presses.reserveCapacity(keys.count)
  }

  var size: Size { base.size }
  var supportsUnicode: Bool { base.supportsUnicode }
  func draw(_ buffer: ScreenBuffer) { base.draw(buffer) }

  /// CPU time used by the calling thread, in nanoseconds: unlike wall time, not inflated by other jobs.
  static func threadCPUTime() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }

  /// The next scripted key; Ctrl-C when the script is done, which ends the interview.
  func readEvent(timeoutMilliseconds: Int) -> TerminalEvent {
    .key(nextKey(), [])
  }

  private func nextKey() -> Key {
    let now = DispatchTime.now().uptimeNanoseconds
    let cpu = Self.threadCPUTime()
    if let pending {
      presses.append(Press(key: pending.key, step: pending.step, nanoseconds: now - pending.at, cpuNanoseconds: cpu - pending.cpu))
    }
    guard next < keys.count, let step = app?.state.step else {
      pending = nil
      return .interrupt
    }
    let key = keys[next]
    next += 1
    pending = (key, step, DispatchTime.now().uptimeNanoseconds, Self.threadCPUTime())
    return key
  }
}

/// The keys of one whole interview, from the welcome screen back to the welcome screen.
enum BenchInterviewScript {
  static func keys(for questionnaire: Questionnaire) -> [Key] {
    var keys: [Key] = [.enter]
    // The volunteer code may be remembered from the previous interview: clear it first.
    keys += Array(repeating: .backspace, count: 8) + typing("V12") + [.enter]
    keys += [.character("j")] + typing("beij") + [.enter]
    keys += questionnaire.demographics.map { _ in .character("2") }
    var statement = 0
    for part in questionnaire.parts {
      for _ in part.items {
        statement += 1
        keys += [.character(Character(String(statement % 10))), .enter]
      }
      keys += [.enter]
    }
    for _ in questionnaire.reflection { keys += typing("Meer groen in de wijk.") + [.tab] }
    keys += [.enter, .enter]
    return keys
  }

  static func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }
}
