import Testing
import WijkwebCore

/// Random area files, generated and mutated from the shipped ones: the importer must never crash, and
/// must either return a sound hierarchy or throw `FileProblems` with plain, line-numbered messages.
@Suite struct AreaFileFuzzTests {
  static let shipped = ["groningen", "vijfheerenlanden"].compactMap { FuzzFiles.read("Areas/\($0).csv") }

  enum Outcome: Hashable { case imported, problems }

  @discardableResult
  static func check(_ text: String, known: [Area] = [], label: String) -> Outcome {
    let lineCount = text.reduce(1) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) }
    do {
      let areas = try AreaFile.parse(text, source: "fuzz.csv", known: known)
      checkSound(areas, known: known, label: label)
      // The interview's search over them must cope with any query.
      let search = AreaSearch(areas: known + areas)
      for query in ["", "a", "Beij", "GM", "ë", " ", "🏠", String(repeating: "x", count: 60)] { _ = search.matches(query) }
      return .imported
    } catch let problems as FileProblems {
      #expect(!problems.problems.isEmpty, "\(label)")
      for problem in problems.problems {
        if let why = PlainMessage.problem(problem.message) {
          Issue.record("not a plain message (\(why)): \(problem.message.prefix(300)) [\(label)]")
        }
        if let line = problem.line, !(1 ... lineCount + 1).contains(line) {
          Issue.record("line \(line) outside the file of \(lineCount) lines [\(label)]")
        }
      }
      return .problems
    } catch {
      Issue.record("the importer threw \(type(of: error)) instead of FileProblems [\(label)]")
      return .problems
    }
  }

  /// Unique non-empty codes, parents that exist and are larger, no cycles.
  static func checkSound(_ areas: [Area], known: [Area], label: String) {
    var byCode: [String: Area] = [:]
    for area in known { byCode[area.code] = area }
    var codes: Set<String> = []
    for area in areas {
      #expect(!area.code.isEmpty && !area.name.isEmpty, "\(label)")
      #expect(codes.insert(area.code).inserted, "code \(area.code) twice [\(label)]")
      byCode[area.code] = area
    }
    for area in areas {
      #expect((area.level == .gemeente) == (area.parentCode == nil), "\(area.code) [\(label)]")
      guard let parentCode = area.parentCode else { continue }
      guard let parent = byCode[parentCode] else {
        Issue.record("parent \(parentCode) of \(area.code) missing [\(label)]")
        continue
      }
      #expect(parent.level < area.level, "\(label)")
      var seen: Set<String> = [area.code]
      var current = parent
      while let next = current.parentCode, let up = byCode[next] {
        guard seen.insert(current.code).inserted else {
          Issue.record("cycle through \(area.code) [\(label)]")
          break
        }
        current = up
      }
    }
  }

  // MARK: Generated files

  static let levels = ["gemeente", "gebied", "wijk", "buurt", "Wijk", " buurt ", "dorp", "", "GEMEENTE"]
  static let nameParts = ["Noord", "Oost", "De Wijert", "Zuid, West", "\"Quoted\"", "Ĳsselmonde", "Beijum", "", " ",
                          "a\nb", "👩‍👧", "x\u{0301}", "\u{FEFF}", "\t", "Sint \"Jan\"", ";", "é;è"]

  static func field(_ text: String, random: inout SeededRandom) -> String {
    let needsQuotes = text.contains(",") || text.contains("\"") || text.contains("\n")
    if needsQuotes || random.oneIn(4) {
      return "\"" + text.replacingOccurrences(of: "\"", with: random.oneIn(6) ? "\"" : "\"\"") + "\""
    }
    return text
  }

  static func generated(random: inout SeededRandom) -> String {
    var codes: [String] = []
    var lines: [String] = []
    let header = random.oneIn(10) ? random.element(["level,code,name", "code,level,name,parent_code", "", "LEVEL, Code ,NAME,parent_code,aliases,extra"])
      : "level,code,name,parent_code,aliases"
    lines.append(header)
    for _ in 0 ..< random.below(40) {
      let level = random.element(levels)
      let code = random.oneIn(8) ? random.element(codes + [""]) : "C\(random.below(60))"
      let parent = random.oneIn(3) ? "" : random.oneIn(5) ? "P\(random.below(9))" : random.element(codes + [code, ""])
      let name = (0 ..< 1 + random.below(3)).map { _ in random.element(nameParts) }.joined(separator: " ")
      let aliases = (0 ..< random.below(4)).map { _ in random.element(nameParts) }.joined(separator: ";")
      var fields = [level, code, name, parent, aliases].map { field($0, random: &random) }
      if random.oneIn(8) { fields.removeLast(random.below(fields.count)) }
      if random.oneIn(10) { fields.append("extra") }
      lines.append(fields.joined(separator: ","))
      codes.append(code)
    }
    let separator = random.element(["\n", "\r\n", "\r", "\n\n"])
    var text = lines.joined(separator: separator)
    if random.oneIn(5) { text.append(separator) }
    if random.oneIn(20) { text = "\u{FEFF}" + text }
    return text
  }

  static func mutated(random: inout SeededRandom) -> String {
    var bytes = Array(random.element(shipped).utf8)
    for _ in 0 ... random.below(6) where !bytes.isEmpty {
      let position = random.below(bytes.count)
      switch random.below(5) {
      case 0: bytes[position] ^= UInt8(1 << random.below(8))
      case 1: bytes.remove(at: position)
      case 2: bytes.insert(random.element([0x2C, 0x22, 0x0A, 0x0D, 0xFF, 0xC3, 0x00, 0x3B]), at: position)
      case 3:
        let end = min(bytes.count, position + random.below(200))
        bytes.removeSubrange(position ..< end)
      default:
        let end = min(bytes.count, position + random.below(120))
        bytes.insert(contentsOf: Array(bytes[position ..< end]), at: random.below(bytes.count))
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func theShippedFilesImport() {
    #expect(Self.shipped.count == 2)
    for text in Self.shipped { #expect(Self.check(text, label: "shipped") == .imported) }
  }

  @Test func generatedAreaFilesNeverCrash() {
    let iterations = FuzzConfig.iterations(400)
    var random = SeededRandom(seed: FuzzConfig.seed(0xA4EA_0001))
    var outcomes: [Outcome: Int] = [:]
    let known = [Area(code: "P1", level: .gemeente, name: "Bekend", parentCode: nil),
                 Area(code: "P2", level: .wijk, name: "Bekende wijk", parentCode: "P1")]
    for iteration in 0 ..< iterations {
      let text = Self.generated(random: &random)
      outcomes[Self.check(text, known: random.oneIn(2) ? known : [], label: "generated \(iteration)"), default: 0] += 1
    }
    FuzzConfig.report("area importer: \(iterations) generated files, \(outcomes[.imported] ?? 0) imported, \(outcomes[.problems] ?? 0) rejected with plain problems")
  }

  @Test func mutatedShippedFilesNeverCrash() {
    let iterations = FuzzConfig.iterations(150)
    var random = SeededRandom(seed: FuzzConfig.seed(0xA4EA_0002))
    var outcomes: [Outcome: Int] = [:]
    for iteration in 0 ..< iterations {
      outcomes[Self.check(Self.mutated(random: &random), label: "mutated \(iteration)"), default: 0] += 1
    }
    FuzzConfig.report("area importer: \(iterations) mutated shipped files, \(outcomes[.imported] ?? 0) imported, \(outcomes[.problems] ?? 0) rejected")
  }

  @Test func aLongParentChainIsNoProblem() {
    // 2000 nested levels cannot exist (four levels), but a long cycle through many codes must end.
    var lines = ["level,code,name,parent_code"]
    for index in 0 ..< 2000 { lines.append("buurt,B\(index),Buurt \(index),B\((index + 1) % 2000)") }
    Self.check(lines.joined(separator: "\n"), label: "long cycle")
  }
}
