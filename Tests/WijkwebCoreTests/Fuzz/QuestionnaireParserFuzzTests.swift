import Foundation
import Testing
import WijkwebCore

/// Random mutations of the real questionnaire file: the parser must never crash, and must either return
/// a sound questionnaire or throw `FileProblems` whose every problem is a plain sentence with a line
/// number inside the file.
@Suite struct QuestionnaireParserFuzzTests {
  static let original = FuzzFiles.read("Questionnaires/positieve-gezondheid-wijk.yaml") ?? ""

  /// The deepest nesting the mutations insert. Yams composes nodes recursively; see Docs/robustness.md
  /// for the depth at which that runs out of stack.
  static let maximumDepth = Int(FuzzConfig.environment["WIJKWEB_FUZZ_DEPTH"] ?? "") ?? 200

  enum Outcome: Hashable { case parsed, problems }

  /// Parses `text` and checks the outcome; returns it.
  @discardableResult
  static func check(_ text: String, label: String) -> Outcome {
    let lineCount = text.reduce(1) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) }
    do {
      let questionnaire = try QuestionnaireParser.parse(text, source: "fuzz.yaml")
      checkSound(questionnaire, label: label)
      return .parsed
    } catch let problems as FileProblems {
      #expect(!problems.problems.isEmpty, "FileProblems without a problem: \(label)")
      #expect(problems.source == "fuzz.yaml")
      for problem in problems.problems {
        if let why = PlainMessage.problem(problem.message) {
          Issue.record("not a plain message (\(why)): \(problem.message.prefix(300)) [\(label)]")
        }
        if let line = problem.line, !(1 ... lineCount).contains(line) {
          Issue.record("line \(line) outside the file of \(lineCount) lines: \(problem.message.prefix(200)) [\(label)]")
        }
      }
      return .problems
    } catch {
      Issue.record("the parser threw \(type(of: error)) instead of FileProblems: \(error) [\(label)]")
      return .problems
    }
  }

  /// What the rest of the program relies on in a parsed questionnaire.
  static func checkSound(_ questionnaire: Questionnaire, label: String) {
    #expect(questionnaire.languages.contains(.dutch), "\(label)")
    #expect(!questionnaire.parts.isEmpty, "\(label)")
    #expect(questionnaire.version >= 1, "\(label)")
    var ids: Set<String> = []
    for part in questionnaire.parts {
      #expect(!part.items.isEmpty, "part \(part.id) without statements [\(label)]")
      for item in part.items {
        #expect(ids.insert(item.id).inserted, "statement id \(item.id) twice [\(label)]")
        #expect(0 <= item.scale.min && item.scale.min < item.scale.max && item.scale.max <= 10, "scale of \(item.id) [\(label)]")
        #expect(!item.text.text(.dutch).isEmpty, "\(label)")
      }
    }
    for question in questionnaire.demographics {
      #expect(!question.choices.isEmpty || question.preferNotToSay, "\(label)")
    }
    // Packing answers of every statement round-trips, and scores stay within the scale.
    let items = questionnaire.allItems
    var answers: [String: AnswerValue] = [:]
    for (index, item) in items.enumerated() { answers[item.id] = index % 5 == 0 && item.scale.dontKnow ? .skipped : .score(max(item.scale.min, item.scale.max - index % 3)) }
    #expect(AnswerCodec.unpack(AnswerCodec.pack(answers, items: items), items: items) == answers, "\(label)")
    for score in questionnaire.scores(answers: answers) {
      if let value = score.score { #expect((0 ... 10).contains(value), "\(label)") }
    }
  }

  // MARK: Mutations

  static let strangeBytes: [[UInt8]] = [
    [0xFF], [0xFE, 0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0x00],
    [0x01], [0x1B, 0x5B, 0x32, 0x4A], [0x7F], [0x09], [0x0D], [0xC2, 0x85], [0xE2, 0x80, 0xA8],
  ]
  static let hugeNumbers = [
    "99999999999999999999999999999", "-1", "1e400", "-1e400", ".inf", "-.inf", ".nan", "0x7FFFFFFFFFFFFFFF",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1_000", "0o17", "0b101", "1.5", "0.0",
    "-0", "+12", "10", "11", "1e-400", "0x", "00000000000000000000000001",
  ]
  static let syntax = [
    "&a ", "*a", "!!binary ", "!!str ", "!!int ", "!!map ", "!!seq ", "? ", "---\n", "...\n", "%YAML 1.1\n", "<<: *a\n",
    "|\n", ">-\n", "\"", "'", "#", ": ", "- ", "[", "]", "{", "}", ",", "\t", "\u{FEFF}", "\u{0001}", "\u{0085}", "\u{2028}",
    "~", "null", "true", "no", "yes", "=", "@", "`", "\\", "\\u", "\"\\x\"", "&", "*", "!", "%", "|-", "key: value\n",
  ]

  static func nested(depth: Int, kind: Int) -> String {
    switch kind {
    case 0: return String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    case 1: return String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
    case 2: return (0 ..< depth).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x"
    default: return (0 ..< depth).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x"
    }
  }

  static func mutate(_ bytes: inout [UInt8], random: inout SeededRandom) -> String {
    func lines() -> [[UInt8]] { bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) }
    func join(_ lines: [[UInt8]]) -> [UInt8] { Array(lines.joined(separator: [0x0A])) }
    let kind = random.below(12)
    switch kind {
    case 0:  // flip bits
      for _ in 0 ... random.below(8) where !bytes.isEmpty {
        bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8))
      }
      return "flip"
    case 1:  // delete lines
      var all = lines()
      for _ in 0 ... random.below(3) where all.count > 1 { all.remove(at: random.below(all.count)) }
      bytes = join(all)
      return "delete-lines"
    case 2:  // duplicate a block of lines
      var all = lines()
      let start = random.below(all.count)
      let block = Array(all[start ..< min(all.count, start + 1 + random.below(6))])
      all.insert(contentsOf: block, at: random.below(all.count + 1))
      bytes = join(all)
      return "duplicate-lines"
    case 3:  // re-indent a line
      var all = lines()
      let index = random.below(all.count)
      var line = all[index].drop { $0 == 0x20 }
      let indent = random.oneIn(4) ? [UInt8](repeating: 0x09, count: 1 + random.below(2)) : [UInt8](repeating: 0x20, count: random.below(14))
      line.insert(contentsOf: indent, at: line.startIndex)
      all[index] = Array(line)
      bytes = join(all)
      return "indent"
    case 4:  // invalid UTF-8 and control bytes
      for _ in 0 ... random.below(4) {
        bytes.insert(contentsOf: random.element(strangeBytes), at: random.below(bytes.count + 1))
      }
      return "bytes"
    case 5:  // a number replaced by a huge or odd one
      let digits = bytes.indices.filter { (0x30 ... 0x39).contains(bytes[$0]) }
      guard !digits.isEmpty else { return "numbers-none" }
      var start = random.element(digits)
      var end = start
      while start > 0, (0x30 ... 0x39).contains(bytes[start - 1]) { start -= 1 }
      while end < bytes.count, (0x30 ... 0x39).contains(bytes[end]) { end += 1 }
      bytes.replaceSubrange(start ..< end, with: Array(random.element(hugeNumbers).utf8))
      return "number"
    case 6:  // deep nesting in a value
      var all = lines()
      let index = random.below(all.count)
      let depth = 1 + random.below(maximumDepth)
      let value = nested(depth: depth, kind: random.below(4))
      if random.oneIn(2), let colon = all[index].firstIndex(of: 0x3A) {
        all[index] = Array(all[index][...colon]) + [0x20] + Array(value.utf8)
      } else {
        all.insert(Array(value.utf8), at: index)
      }
      bytes = join(all)
      return "nesting"
    case 7:  // YAML syntax sprinkled in
      for _ in 0 ... random.below(3) {
        bytes.insert(contentsOf: Array(random.element(syntax).utf8), at: random.below(bytes.count + 1))
      }
      return "syntax"
    case 8:  // truncate
      bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
      return "truncate"
    case 9:  // swap two lines
      var all = lines()
      if all.count > 1 { all.swapAt(random.below(all.count), random.below(all.count)) }
      bytes = join(all)
      return "swap"
    case 10:  // a value replaced by a list, a mapping or nothing
      var all = lines()
      let index = random.below(all.count)
      if let colon = all[index].firstIndex(of: 0x3A) {
        let replacement = random.element(["", " []", " {}", " [a, b]", " {nl: x}", " ~", " \"\"", " |\n  x", " &x y", " *x"])
        all[index] = Array(all[index][...colon]) + Array(replacement.utf8)
      }
      bytes = join(all)
      return "value"
    default:  // an anchor and a small alias expansion
      var all = lines()
      let index = random.below(all.count)
      let width = 1 + random.below(8)
      let items = Array(repeating: "*x", count: width).joined(separator: ", ")
      all.insert(Array("zz: &x [\(items.isEmpty ? "1" : "1, 2")]\nyy: [\(items)]".utf8), at: index)
      bytes = join(all)
      return "alias"
    }
  }

  @Test func theOriginalParses() {
    #expect(!Self.original.isEmpty, "the questionnaire file was not found")
    #expect(Self.check(Self.original, label: "original") == .parsed)
  }

  @Test func mutatedQuestionnairesNeverCrash() {
    let iterations = FuzzConfig.iterations(120)
    var random = SeededRandom(seed: FuzzConfig.seed(0xF00D_0001))
    var outcomes: [Outcome: Int] = [:]
    var mutations: [String: Int] = [:]
    let originalBytes = Array(Self.original.utf8)
    for iteration in 0 ..< iterations {
      var bytes = originalBytes
      var applied: [String] = []
      for _ in 0 ... random.below(4) { applied.append(Self.mutate(&bytes, random: &random)) }
      for name in applied { mutations[name, default: 0] += 1 }
      let text = String(decoding: bytes, as: UTF8.self)
      outcomes[Self.check(text, label: "iteration \(iteration): \(applied.joined(separator: "+"))"), default: 0] += 1
    }
    FuzzConfig.report("questionnaire parser: \(iterations) mutated files, \(outcomes[.parsed] ?? 0) parsed, \(outcomes[.problems] ?? 0) rejected with plain problems; mutations \(mutations.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
  }

  @Test func randomBytesNeverCrash() {
    let iterations = FuzzConfig.iterations(200)
    var random = SeededRandom(seed: FuzzConfig.seed(0xF00D_0002))
    for iteration in 0 ..< iterations {
      let bytes = (0 ..< random.below(400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      Self.check(String(decoding: bytes, as: UTF8.self), label: "random bytes \(iteration)")
    }
    FuzzConfig.report("questionnaire parser: \(iterations) files of random bytes")
  }

  @Test(arguments: [0, 1, 2, 3])
  func deepNestingGivesProblemsNotACrash(kind: Int) {
    let text = Self.original + "\nextra: " + Self.nested(depth: Self.maximumDepth, kind: kind) + "\n"
    #expect(Self.check(text, label: "nesting \(kind)") == .problems)
  }

  @Test func hugeNumbersGivePlainProblems() {
    for number in Self.hugeNumbers {
      let text = Self.original.replacingOccurrences(of: "version: 1", with: "version: \(number)")
        .replacingOccurrences(of: "min_answered_share: 0.5", with: "min_answered_share: \(number)")
      Self.check(text, label: "number \(number)")
    }
  }
}
