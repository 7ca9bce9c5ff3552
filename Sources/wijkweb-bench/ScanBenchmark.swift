import ArgumentParser
import Foundation

/// `wijkweb-bench scan`: reads a flat file of scores (little-endian float64, six a row, NaN for no score)
/// and sums each of the six columns once: the floor of any profile, "reading the scores once from
/// memory", in a fresh process like the contenders (the file is in the page cache after its first run).
struct ScanBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan", abstract: "Read a flat file of scores once and sum each column (for Benchmarks/run).")

  @Option(help: "The flat scores file (Benchmarks/bench.py makes it beside the cached database).")
  var file: String

  func run() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    var counts = [Int](repeating: 0, count: 6)
    var sums = [Double](repeating: 0, count: 6)
    data.withUnsafeBytes { bytes in
      let rows = bytes.count / 48
      for row in 0 ..< rows {
        for column in 0 ..< 6 {
          let value = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: (row * 6 + column) * 8, as: UInt64.self)))
          if !value.isNaN {
            counts[column] += 1
            sums[column] += value
          }
        }
      }
    }
    print(zip(counts, sums).map { "\($0) \($1 / Double(max($0, 1)))" }.joined(separator: "\n"))
  }
}
