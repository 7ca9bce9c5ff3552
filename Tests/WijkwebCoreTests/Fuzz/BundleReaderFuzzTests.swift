import Foundation
import Testing
@testable import WijkwebCore
import WijkwebCrypto

/// The bundle reader and its checks on mutated bundles. Raw damage is caught by the checksums (see
/// BundleTests); here the records themselves are mutated and the checksums recomputed, so the JSON
/// decoding and every check behind them see the damage. Never a crash; what is accepted reads back the same.
@Suite struct BundleReaderFuzzTests {
  static let fragments = ["\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "1e999", "\"\"", "\\u0000", "é", "\u{202E}",
                          "99", "\"round\"", "\"type\":\"response\"", "\"packed_answers\":\"XXXX\"", String(repeating: "9", count: 40)]

  /// A bundle whose body lines are `lines` (manifest first), with both checksums made to fit.
  static func rebuilt(_ lines: [String]) -> [UInt8] {
    guard var manifest = lines.first else { return [] }
    let records = Array(lines.dropFirst().map { $0 + "\n" }.joined().utf8)
    if let range = manifest.range(of: #""records_sha256":"[0-9a-f]*""#, options: .regularExpression) {
      manifest.replaceSubrange(range, with: "\"records_sha256\":\"\(SHA256.hex(of: records))\"")
    }
    let body = Array((BundleFormat.magic + "\n" + manifest + "\n").utf8) + records
    return body + Array((BundleFormat.endPrefix + SHA256.hex(of: body) + "\n").utf8)
  }

  static func mutate(_ line: String, random: inout SeededRandom) -> String {
    var characters = Array(line)
    for _ in 0 ... random.below(3) {
      let position = characters.isEmpty ? 0 : random.below(characters.count)
      switch random.below(4) {
      case 0 where !characters.isEmpty: characters.remove(at: position)
      case 1: characters.insert(contentsOf: Array(random.element(fragments)), at: position)
      case 2 where !characters.isEmpty: characters[position] = Character(Unicode.Scalar(UInt8(32 + random.below(95))))
      default: characters = Array(String(characters.prefix(position)))
      }
    }
    return String(characters)
  }

  @Test func mutatedRecordsAreRefusedPlainlyOrReadBackTheSame() throws {
    let (contents, _) = try BundleFormatTests.contents()
    let original = String(decoding: try BundleFormat.encode(contents), as: UTF8.self)
    var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines = Array(lines.dropFirst().dropLast(2))  // the body lines: manifest and records
    var random = SeededRandom(seed: FuzzConfig.seed(0xB0D1E))
    let runs = FuzzConfig.iterations(150)
    var accepted = 0
    var refused = 0
    for run in 0 ..< runs {
      var mutated = lines
      let index = random.below(mutated.count)
      mutated[index] = Self.mutate(mutated[index], random: &random)
      if random.oneIn(5) { mutated.append(mutated[random.below(mutated.count)]) }
      if random.oneIn(7), mutated.count > 1 { mutated.remove(at: 1 + random.below(mutated.count - 1)) }
      let bytes = Self.rebuilt(mutated)
      do {
        let decoded = try BundleFormat.decode(bytes)
        _ = try BundleValidator.check(decoded)
        #expect(try BundleFormat.decode(try BundleFormat.encode(decoded)) == decoded, "run \(run): accepted but does not read back")
        accepted += 1
      } catch let problem as BundleProblem {
        #expect(!problem.message.isEmpty, "run \(run): a refusal without a message")
        refused += 1
      } catch {
        Issue.record("run \(run): refused with an unexpected error \(error)")
      }
    }
    #expect(accepted + refused == runs)
    FuzzConfig.report("bundle reader: \(runs) mutated bundles, \(accepted) accepted, \(refused) refused with a message")
  }
}
