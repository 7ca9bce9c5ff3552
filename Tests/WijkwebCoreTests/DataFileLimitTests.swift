import Testing
import WijkwebCore
import WijkwebTestSupport

/// Questionnaires and area files have documented limits, checked before (file size) or while (statements,
/// text length) parsing; problems print on one line with control characters escaped.
@Suite struct DataFileLimitTests {
  func problems(_ yaml: String) -> [String] {
    do {
      _ = try QuestionnaireParser.parse(yaml, source: "q.yaml")
      return []
    } catch let problems as FileProblems {
      return problems.problems.map(\.message)
    } catch {
      return ["\(error)"]
    }
  }

  @Test func questionnaireLimits() throws {
    #expect(problems(Fixtures.yaml).isEmpty)
    let big = "# " + String(repeating: "x", count: QuestionnaireParser.maximumFileBytes) + "\n" + Fixtures.yaml
    #expect(problems(big).first?.contains("at most \(QuestionnaireParser.maximumFileBytes) bytes") == true)
    let many = Fixtures.yaml.replacingOccurrences(
      of: TestQuestionnaires.dimensionBlock(prefix: "h", count: 2), with: TestQuestionnaires.dimensionBlock(prefix: "h", count: 84))
    #expect(problems(many).contains { $0.contains("510 statements; at most \(QuestionnaireParser.maximumStatements)") })
    let long = Fixtures.yaml.replacingOccurrences(
      of: "Doet u mee?", with: String(repeating: "a", count: QuestionnaireParser.maximumTextLength + 1))
    #expect(problems(long).contains { $0.contains("at most \(QuestionnaireParser.maximumTextLength) are allowed") })
  }

  @Test func areaFileLimits() {
    let header = "level,code,name,parent_code\n"
    let longName = header + "gemeente,GM1," + String(repeating: "n", count: AreaFile.maximumFieldLength + 1) + ",\n"
    #expect(throws: FileProblems.self) { try AreaFile.parse(longName, source: "a.csv") }
    let many = header + String(repeating: "gemeente,,,\n", count: AreaFile.maximumAreas + 1)
    do {
      _ = try AreaFile.parse(many, source: "a.csv")
      Issue.record("too many areas accepted")
    } catch let problems as FileProblems {
      #expect(problems.problems.first?.message.contains("at most \(AreaFile.maximumAreas)") == true)
    } catch {
      Issue.record("\(error)")
    }
  }

  @Test func problemsPrintOnOneLineWithControlCharactersEscaped() {
    let problem = FileProblem(line: 3, "bad \u{1B}[2J here\nsecond line of the file")
    let printed = problem.located(in: "q\u{07}.yaml")
    #expect(printed == "q\\u{7}.yaml:3: bad \\u{1B}[2J here …")
    #expect(!printed.unicodeScalars.contains { $0.value < 0x20 })
    let long = FileProblem(line: nil, String(repeating: "y", count: 5000)).located(in: "q")
    #expect(long.count < FileProblem.maximumPrintedLength + 20)
    #expect(FileProblem.printable("a\u{202E}b") == "a\\u{202E}b")
  }
}
