import ArgumentParser

/// `wijkweb-bench`: measurements for the benchmark suite (`Benchmarks/run`), driving the Wijkweb
/// libraries directly; a separate program, so the shipped `wijkweb` carries no benchmark code or hooks.
@main
struct WijkwebBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wijkweb-bench",
    abstract: "Benchmarks of Wijkweb's libraries (run by Benchmarks/run).",
    subcommands: [InterviewBenchmark.self, ScanBenchmark.self])
}
