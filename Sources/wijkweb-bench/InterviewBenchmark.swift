import ArgumentParser
import Dispatch
import Foundation
import WijkwebCore
import WijkwebStore
import WijkwebTUI

/// `wijkweb-bench interview`: the time from a key press to the finished redraw over scripted interviews,
/// measured around the interview library's public API (`InterviewApp` on a scripted terminal), for the
/// benchmark suite in `Benchmarks/`. Not part of the shipped `wijkweb`.
struct InterviewBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interview",
    abstract: "Measure key press to finished redraw over scripted interviews (for Benchmarks/run).")

  @Option(help: "A throwaway database made by wijkweb (e.g. `wijkweb check --db PATH`) with an open round.")
  var db: String

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
    guard FileManager.default.fileExists(atPath: db) else {
      throw ValidationError("No database at \(db): make one with `wijkweb check --db \(db)` first.")
    }
  }

  func run() throws {
    let store = try Store(path: db)
    guard let round = try store.openRounds().first else { throw ValidationError("The database \(db) has no open round.") }
    let context = InterviewContext(
      rounds: [round], areas: try store.areas(),
      newResponseID: { UUID().uuidString.lowercased() },
      newReceiptCode: {
        var generator = SystemRandomNumberGenerator()
        return ReceiptCode.make(using: &generator)
      })
    let before = try store.completedCount(roundID: round.id)
    let script = BenchInterviewScript.keys(for: round.questionnaire)
    var keyList: [Key] = []
    while keyList.count < keys { keyList += script }
    let interviews = keyList.count / script.count

    let base: Terminal
    var curses: CursesTerminal?
    if terminal == "curses" {
      let opened = try CursesTerminal()
      curses = opened
      base = opened
    } else {
      base = MemoryTerminal(width: width, height: height)
    }
    let timed = ScriptedTerminal(base: base, keys: keyList)
    let app = InterviewApp(terminal: timed, context: context, recorder: StoreRecording(store: store), state: InterviewState())
    timed.app = app
    app.run()
    let size = base.size
    curses?.stop()

    let completed = try store.completedCount(roundID: round.id) - before
    guard completed == interviews else {
      throw ValidationError("The scripted interview did not complete as expected: \(completed) of \(interviews) interviews stored.")
    }
    for entry in timed.presses.sorted(by: { $0.nanoseconds > $1.nanoseconds }).prefix(slowest) {
      FileHandle.standardError.write(Data("\(entry.nanoseconds / 1000) us  \(entry.key)  on \(entry.step)\n".utf8))
    }
    let latencies = timed.presses.map(\.nanoseconds).sorted()
    let cpuTimes = timed.presses.map(\.cpuNanoseconds).sorted()
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

/// Records the interview's effects in the store; a failure stops the benchmark (its count check says so).
struct StoreRecording: InterviewRecorder {
  let store: Store
  func record(_ effects: [InterviewEffect]) throws { try store.apply(effects) }
}
