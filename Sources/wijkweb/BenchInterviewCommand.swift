import ArgumentParser
import Dispatch
import Foundation
import WijkwebCore
import WijkwebStore
import WijkwebTUI

/// `wijkweb bench-interview` (hidden): the time from a key press to the finished redraw over scripted
/// interviews, measured inside the program, for the benchmark suite in `Benchmarks/`.
struct BenchInterviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-interview",
    abstract: "Measure key press to finished redraw over scripted interviews (for Benchmarks/run).",
    shouldDisplay: false)

  @OptionGroup var database: DatabaseOptions

  @Option(help: "memory (the in-memory terminal) or curses (the real terminal, at its current size).")
  var terminal: String = "memory"

  @Option(help: "How many key presses to measure (whole interviews are repeated until there are this many).")
  var keys: Int = 2000

  @Option(help: "Width of the in-memory terminal.")
  var width: Int = 80

  @Option(help: "Height of the in-memory terminal.")
  var height: Int = 24

  @Option(help: "Write the result here instead of standard output (needed with curses).")
  var out: String?

  @Option(help: "Also list the slowest N key presses with the screen they were pressed on (on standard error).")
  var slowest: Int = 0

  func validate() throws {
    guard ["memory", "curses"].contains(terminal) else { throw ValidationError("--terminal must be memory or curses, not \(terminal).") }
    guard keys > 0 else { throw ValidationError("--keys must be at least 1.") }
  }

  func run() throws {
    guard let path = database.path else {
      throw Failure("bench-interview writes interviews: give it a throwaway database with --db PATH.")
    }
    let store = try AppSetup.openStore(database)
    let context = try AppSetup.interviewContext(store)
    guard let round = context.rounds.first else { throw Failure("The database \(path) has no open round.") }
    let before = try store.completedCount(roundID: round.id)
    let script = BenchInterviewScript.keys(for: round.questionnaire)
    var keyList: [Key] = []
    while keyList.count < keys { keyList += script }
    let interviews = keyList.count / script.count

    let base: WijkwebTUI.Terminal
    var curses: CursesTerminal?
    if terminal == "curses" {
      let opened = try CursesTerminal()
      curses = opened
      base = opened
    } else {
      base = MemoryTerminal(width: width, height: height)
    }
    let timed = ScriptedTerminal(base: base, keys: keyList)
    let app = InterviewApp(terminal: timed, context: context, recorder: StoreRecorder(store: store), state: InterviewState())
    var latencies: [UInt64] = []
    var cpuTimes: [UInt64] = []
    latencies.reserveCapacity(keyList.count)
    cpuTimes.reserveCapacity(keyList.count)
    var slow: [(nanoseconds: UInt64, key: Key, step: InterviewState.Step)] = []
    var step = app.state.step
    app.afterKey = { key in
      let nanoseconds = DispatchTime.now().uptimeNanoseconds - timed.keyReadAt
      latencies.append(nanoseconds)
      cpuTimes.append(ScriptedTerminal.threadCPUTime() - timed.keyReadCPU)
      if slowest > 0 { slow.append((nanoseconds, key, step)) }
      step = app.state.step
    }
    app.run()
    let size = base.size
    curses?.stop()

    let completed = try store.completedCount(roundID: round.id) - before
    guard completed == interviews else {
      throw Failure("The scripted interview did not complete as expected: \(completed) of \(interviews) interviews stored.")
    }
    for entry in slow.sorted(by: { $0.nanoseconds > $1.nanoseconds }).prefix(slowest) {
      FileHandle.standardError.write(Data("\(entry.nanoseconds / 1000) us  \(entry.key)  on \(entry.step)\n".utf8))
    }
    latencies.sort()
    cpuTimes.sort()
    /// The p-th percentile (nearest rank) of sorted nanoseconds, in microseconds.
    func percentile(_ p: Double, of values: [UInt64]) -> Double {
      guard !values.isEmpty else { return 0 }
      let rank = Int((p / 100 * Double(values.count)).rounded(.up)) - 1
      return Double(values[min(max(rank, 0), values.count - 1)]) / 1000
    }
    let result = String(
      format: "{\"terminal\": \"%@\", \"width\": %d, \"height\": %d, \"keys\": %d, \"interviews\": %d, \"p50_us\": %.1f, \"p99_us\": %.1f, \"max_us\": %.1f, \"cpu_p50_us\": %.1f, \"cpu_p99_us\": %.1f}\n",
      terminal, size.width, size.height, latencies.count, interviews, percentile(50, of: latencies), percentile(99, of: latencies),
      percentile(100, of: latencies), percentile(50, of: cpuTimes), percentile(99, of: cpuTimes))
    if let out {
      try Data(result.utf8).write(to: URL(fileURLWithPath: out))
    } else {
      print(result, terminator: "")
    }
  }
}

/// A terminal that reads keys from a script and draws on another terminal, noting when each key was read.
final class ScriptedTerminal: WijkwebTUI.Terminal {
  private let base: WijkwebTUI.Terminal
  private var keys: [Key]
  private var next = 0
  /// When the last key was handed out (monotonic nanoseconds).
  private(set) var keyReadAt: UInt64 = 0
  /// The CPU time this thread had used when the last key was handed out (nanoseconds).
  private(set) var keyReadCPU: UInt64 = 0

  init(base: WijkwebTUI.Terminal, keys: [Key]) {
    self.base = base
    self.keys = keys
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
    defer {
      keyReadCPU = Self.threadCPUTime()
      keyReadAt = DispatchTime.now().uptimeNanoseconds
    }
    guard next < keys.count else { return .press(.interrupt) }
    next += 1
    return .press(keys[next - 1])
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
