import Foundation
import Testing

/// Compares a screen's plain text with a golden file in `Snapshots/`; `UPDATE_SNAPSHOTS=1` rewrites it.
enum Snapshot {
  static func folder(_ filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  }

  static func assert(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder().appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
      try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("No snapshot \(name).txt; run with UPDATE_SNAPSHOTS=1 and review it.\n\(text)", sourceLocation: sourceLocation)
      return
    }
    #expect(text + "\n" == expected, "screen differs from \(name).txt:\n\(text)", sourceLocation: sourceLocation)
  }
}
