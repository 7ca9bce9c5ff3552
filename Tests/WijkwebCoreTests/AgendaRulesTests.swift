import Testing
@testable import WijkwebCore

/// The rules of the wijkagenda: texts, roles, days, ondergrens values, the floor mark and the import file.
@Suite struct AgendaRulesTests {
  @Test func textsAreTrimmedAndBounded() throws {
    #expect(try AgendaRules.text("  Meer ontmoetingsplekken  ", .opgave) == "Meer ontmoetingsplekken")
    #expect(try AgendaRules.text(String(repeating: "a", count: 1000), .opgave).count == 1000)
    #expect(throws: AgendaProblem.self) { try AgendaRules.text(String(repeating: "a", count: 1001), .opgave) }
    #expect(try AgendaRules.text("", .note) == "")
    let empty = #expect(throws: AgendaProblem.self) { try AgendaRules.text("   ", .opgave) }
    #expect(empty?.kind == .empty)
    let tooLongRole = #expect(throws: AgendaProblem.self) { try AgendaRules.text(String(repeating: "b", count: 121), .who) }
    #expect(tooLongRole?.kind == .tooLong)
  }

  @Test func controlCharactersAreRefused() {
    for hostile in ["Speeltuin\u{1B}[2J", "twee\nregels", "links\u{202E}rechts", "bel\u{07}"] {
      let problem = #expect(throws: AgendaProblem.self) { try AgendaRules.text(hostile, .what) }
      #expect(problem?.kind == .controlCharacter)
      #expect(problem?.message.unicodeScalars.contains { $0.value == 0x1B } == false)
    }
  }

  @Test func personalDataIsRefusedWithOneSentence() {
    let cases: [(String, PersonalDataCheck.Finding.Kind)] = [
      ("Jan Jansen", .name), ("buurtwerker, bel 06-12345678", .phone), ("mail info@voorbeeld.nl", .email),
      ("bij Hoofdstraat 12", .address),
    ]
    for (text, kind) in cases {
      let problem = #expect(throws: AgendaProblem.self) { try AgendaRules.text(text, .who) }
      #expect(problem?.kind == .personalData(kind), "\(text)")
      #expect(problem?.message.contains("never people") == true)
    }
    #expect(throws: Never.self) { try AgendaRules.text("Buurtteam Beijum", .who, allowedNames: ["Beijum"]) }
    #expect(throws: Never.self) { try AgendaRules.text("woningcorporatie", .who) }
  }

  @Test func daysAreRealCalendarDays() throws {
    #expect(try AgendaRules.day("2027-03-01", what: "the due day") == "2027-03-01")
    #expect(try AgendaRules.day("2028-02-29", what: "x") == "2028-02-29")
    for bad in ["2027-02-29", "2027-13-01", "27-03-01", "2027-3-1", "morgen", "", "2027-04-31", "1999-01-01"] {
      let problem = #expect(throws: AgendaProblem.self) { try AgendaRules.day(bad, what: "the due day") }
      #expect(problem?.kind == .badDate, "\(bad)")
    }
  }

  @Test func floorValuesAreScoresWithOneDecimal() throws {
    #expect(try AgendaRules.floorValue("5,5") == 5.5)
    #expect(try AgendaRules.floorValue("6") == 6)
    #expect(try AgendaRules.floorValue("10") == 10)
    #expect(try AgendaRules.floorValue("0.0") == 0)
    for bad in ["10.5", "-1", "5,55", "abc", "", "nan", "1e1", "5.", ".5"] {
      #expect(throws: AgendaProblem.self, "\(bad)") { try AgendaRules.floorValue(bad) }
    }
    let floor = Floor(areaCode: "WK001411", dimension: .meedoen, value: 6.25, agreedBy: "wijkdialoog", agreedOn: "2026-11-20")
    #expect(throws: AgendaProblem.self) { try AgendaRules.floor(floor) }
  }

  @Test func anActionIsCheckedInEveryField() throws {
    let good = AgendaAction(dimension: .meedoen, what: "Buurtkamer twee avonden open", who: "buurtwerk", due: "2027-06-01")
    #expect(try AgendaRules.action(good) == good)
    var named = good
    named.who = "Anna van der Berg"
    #expect(throws: AgendaProblem.self) { try AgendaRules.action(named) }
    var badDay = good
    badDay.due = "2027-06-31"
    #expect(throws: AgendaProblem.self) { try AgendaRules.action(badDay) }
  }

  @Test func theFloorMarkComparesThePublishedFigureAsPrinted() {
    let floor = Floor(areaCode: "A", dimension: .meedoen, value: 5.5, agreedBy: "x", agreedOn: "2026-01-01")
    #expect(FloorMark(mean: 5.46, floor: floor) == .atOrAbove(floor: 5.5, mean: 5.46))
    #expect(FloorMark(mean: 5.44, floor: floor).isBelow)
    #expect(FloorMark(mean: 7, floor: nil) == .noFloor)
    #expect(FloorMark(mean: nil, floor: floor) == .noFigure(floor: 5.5))
    #expect(!FloorMark(mean: nil, floor: floor).isBelow)
  }

  static let header = AgendaRecord.columns.joined(separator: ",")

  @Test func anExportedLineReadsBack() throws {
    let records: [AgendaRecord] = [
      .recognition(areaCode: "WK1", roundName: "Najaar 2026", AgendaRecognition(dimension: .zingeving, recognition: .deels, note: "klopt deels")),
      .task(areaCode: "WK1", roundName: "Najaar 2026", AgendaTask(dimension: .meedoen, text: "-minder eenzaamheid, \"samen\"")),
      .action(areaCode: "WK1", roundName: "Najaar 2026", AgendaAction(dimension: .meedoen, what: "Koffieochtend", who: "buurtteam",
                                                                     due: "2027-01-15", status: .bezig, note: "")),
      .floor(Floor(areaCode: "WK1", dimension: .meedoen, value: 5.5, agreedBy: "wijkdialoog", agreedOn: "2026-11-20")),
    ]
    // As the CSV export writes it: every text field through the formula guard and quoting.
    let lines = records.map { record in
      record.fields(areaName: "Beijum").map { field in
        let guarded = "=+-@".contains(field.first ?? " ") ? "'" + field : field
        return guarded.contains(",") || guarded.contains("\"") ? "\"" + guarded.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : guarded
      }.joined(separator: ",")
    }
    let read = try AgendaFile.parse(([Self.header] + lines).joined(separator: "\n"), source: "a.csv", areaCodes: ["WK1"],
                                    roundNames: ["Najaar 2026"])
    #expect(read == records)
  }

  @Test func everyBadLineIsReportedWithItsLineAndNothingIsReturned() {
    let text = """
      \(Self.header)
      opgave,WK1,,Najaar 2026,meedoen,,Meer groen,,,,,,,,
      actie,WK1,,Najaar 2026,meedoen,,Koffie,Piet Pietersen,2027-01-01,open,,,,,
      opgave,WK9,,Najaar 2026,meedoen,,Iets,,,,,,,,
      actie,WK1,,Najaar 2026,meedoen,,Koffie,buurtteam,2027-02-30,open,,,,,
      ondergrens,WK1,,,meedoen,,,,,,,11,groep,2026-01-01,
      opgave,WK1,,Voorjaar 1999,meedoen,,Iets,,,,,,,,
      taak,WK1,,Najaar 2026,meedoen,,Iets,,,,,,,,
      opgave,WK1,,Najaar 2026,geluk,,Iets,,,,,,,,
      opgave,WK1,,Najaar 2026,meedoen,,"een\u{1B}]52;c;ZWNobw==\u{07}",,,,,,,,
      """
    let problems = #expect(throws: FileProblems.self) {
      try AgendaFile.parse(text, source: "a.csv", areaCodes: ["WK1"], roundNames: ["Najaar 2026"])
    }
    #expect(problems?.problems.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10])
    #expect(problems?.description.unicodeScalars.contains { $0.value == 0x1B } == false)
  }

  @Test func aHeaderWithoutTheColumnsIsRefused() {
    let problems = #expect(throws: FileProblems.self) {
      try AgendaFile.parse("kind,area_code\nopgave,WK1\n", source: "a.csv", areaCodes: ["WK1"], roundNames: [])
    }
    #expect(problems?.problems.first?.line == 1)
  }
}
