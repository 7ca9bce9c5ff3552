import Foundation
import Testing
import WijkwebCore
import WijkwebTestSupport

/// How much the fuzz tests do. In CI each runs a small fixed number of inputs from a fixed seed, so the
/// whole set takes a few seconds and a failure is reproducible. For a long run:
///
///     WIJKWEB_FUZZ_ITERATIONS=50000 WIJKWEB_FUZZ_SEED=7 swift test --filter Fuzz
///
/// `WIJKWEB_FUZZ_ITERATIONS` replaces every test's count; `WIJKWEB_FUZZ_SEED` is mixed into every seed.
/// A long run prints one line per test with the number of inputs and what happened to them.
enum FuzzConfig {
  static let environment = ProcessInfo.processInfo.environment

  static func iterations(_ ciDefault: Int) -> Int {
    environment["WIJKWEB_FUZZ_ITERATIONS"].flatMap { Int($0) }.map { max(1, $0) } ?? ciDefault
  }

  static var isLongRun: Bool { environment["WIJKWEB_FUZZ_ITERATIONS"] != nil }

  static func seed(_ base: UInt64) -> UInt64 {
    base ^ (environment["WIJKWEB_FUZZ_SEED"].flatMap { UInt64($0) }.map { $0 &* 0x9E37_79B9_7F4A_7C15 } ?? 0)
  }

  /// Prints a summary line in long runs (CI stays quiet).
  static func report(_ line: String) {
    if isLongRun { print("fuzz: \(line)") }
  }
}

/// Files of the repository, read by path from this source file.
enum FuzzFiles {
  static let root = RepositoryFiles.root

  static func read(_ relative: String) -> String? {
    try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
  }
}

extension SeededRandom {
  /// A number in `0 ..< bound` (bound > 0).
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

  /// True with probability `1 / n`.
  mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

  mutating func element<T>(_ array: [T]) -> T { array[below(array.count)] }
}

/// What a plain message must not contain: internals of Swift, Yams or SQLite.
enum PlainMessage {
  static let forbidden = ["Optional(", "Swift.", "Yams.", "YamlError", "Node.", "Fatal error", "SQLite error", "Error Domain"]

  /// Why `message` is not plain, or nil when it is.
  static func problem(_ message: String) -> String? {
    if message.trimmingCharacters(in: .whitespaces).isEmpty { return "empty message" }
    if let bad = forbidden.first(where: { message.contains($0) }) { return "contains \(bad)" }
    return nil
  }
}
