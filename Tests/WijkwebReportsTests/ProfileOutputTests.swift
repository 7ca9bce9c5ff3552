import Testing
@testable import WijkwebCore
@testable import WijkwebReports

/// Every output path of a profile leaves suppressed figures without numbers.
@Suite struct ProfileOutputTests {
  static func profile() -> Profile {
    let areas = [
      Area(code: "G", level: .gemeente, name: "Stad", parentCode: nil),
      Area(code: "A", level: .wijk, name: "Groot, \"met\" komma", parentCode: "G"),
      Area(code: "B", level: .wijk, name: "Klein", parentCode: "G"),
      Area(code: "C", level: .wijk, name: "Middel", parentCode: "G"),
    ]
    let tree = AreaTree(areas: areas)
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["health"])
    for (code, count) in [("A", 40), ("B", 3), ("C", 12)] {
      for index in 0 ..< count {
        aggregator.add(areaCode: code, partID: "health", scores: Array(repeating: Double(index % 11), count: 6), category: nil)
      }
    }
    // Exact figures: these tests check the files, not the cell-key perturbation (ProfileCellKeyTests).
    return Profile.build(totals: aggregator.rolledUp(), previous: nil, rule: SuppressionRule(minimumGroupSize: 10), previousRule: nil,
                         breakdown: nil, weighted: false, protection: .exact)
  }

  @Test func csvLeavesSuppressedRowsEmptyAndQuotesNames() {
    let profile = Self.profile()
    let csv = ProfileCSV.render(profile, round: "R", figures: profile.figures)
    let lines = csv.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("round,part,area_code,area_name,level,dimension"))
    let smallRows = lines.filter { $0.contains(",B,Klein,") }
    #expect(smallRows.count == 6)
    for row in smallRows {
      let fields = row.split(separator: ",", omittingEmptySubsequences: false)
      #expect(fields[9] == "1", "suppressed")
      #expect(fields[10...].allSatisfy { $0.isEmpty }, "no number for a suppressed group: \(row)")
    }
    // C (12) is shown: published counts carry cell-key noise, so Stad - A - C does not give B (3) exactly
    // (the secondary suppression that used to hide C protected one table only; see Docs/disclosure.md).
    #expect(lines.filter { $0.contains(",C,Middel,") }.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[9] == "0" })
    #expect(csv.contains("\"Groot, \"\"met\"\" komma\""))
  }

  @Test func jsonHasNullsForSuppressedFigures() {
    let profile = Self.profile()
    let json = ProfileJSON.render(profile, round: "R", figures: profile.figures)
    let small = json.split(separator: "\n").filter { $0.contains("\"area_code\": \"B\"") }
    #expect(small.count == 6)
    for line in small {
      #expect(line.contains("\"suppressed\": true"))
      #expect(line.contains("\"n\": null") && line.contains("\"mean\": null") && line.contains("\"dist_0\": null"))
    }
    #expect(json.contains("\"minimum_group_size\": 10"))
  }

  static let yaml = """
      id: t
      version: 1
      languages: [nl]
      title: {nl: T}
      consent: {nl: Ja?}
      scoring: {min_answered_share: 0.5}
      dimensions:
        lichaamsfuncties: {nl: Lichaamsfuncties}
        mentaal_welbevinden: {nl: Mentaal welbevinden}
        zingeving: {nl: Zingeving}
        kwaliteit_van_leven: {nl: Kwaliteit van leven}
        meedoen: {nl: Meedoen}
        dagelijks_functioneren: {nl: Dagelijks functioneren}
      parts:
        - id: health
          title: {nl: Mijn gezondheid}
          scale: {min: 0, max: 10, low: {nl: niet}, high: {nl: wel}, dont_know: true}
          items:
            lichaamsfuncties: [{id: a, text: {nl: a}}]
            mentaal_welbevinden: [{id: b, text: {nl: b}}]
            zingeving: [{id: c, text: {nl: c}}]
            kwaliteit_van_leven: [{id: d, text: {nl: d}}]
            meedoen: [{id: e, text: {nl: e}}]
            dagelijks_functioneren: [{id: f, text: {nl: f}}]
      """

  @Test func tableShowsAStarNeverANumber() throws {
    let profile = Self.profile()
    let questionnaire = try QuestionnaireParser.parse(Self.yaml, source: "t")
    let table = ProfileTable(profile: profile, questionnaire: questionnaire, round: "R").overview(figures: profile.figures)
    let klein = try #require(table.split(separator: "\n").first { $0.contains("Klein") })
    #expect(!klein.contains { $0.isNumber }, "the suppressed row shows no number: \(klein)")
    #expect(klein.contains("*"))
    #expect(table.contains("Stad"))
  }

  /// 25 respondents in A, 2 of whom answered nothing on lichaamsfuncties (the first dimension): the table's
  /// n is the 25 respondents, with lichaamsfuncties' own n of 23 on a line below; csv and json carry both.
  static func profileWithGaps() -> Profile {
    let tree = AreaTree(areas: [
      Area(code: "G", level: .gemeente, name: "Stad", parentCode: nil),
      Area(code: "A", level: .wijk, name: "Groot", parentCode: "G"),
      Area(code: "B", level: .wijk, name: "Klein", parentCode: "G"),
    ])
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["health"])
    for index in 0 ..< 25 {
      var scores: [Double?] = Array(repeating: Double(index % 11), count: 6)
      if index < 2 { scores[0] = nil }
      aggregator.add(areaCode: "A", partID: "health", scores: scores, category: nil)
    }
    for index in 0 ..< 3 {
      aggregator.add(areaCode: "B", partID: "health", scores: Array(repeating: Double(index), count: 6), category: nil)
    }
    return Profile.build(totals: aggregator.rolledUp(), previous: nil, rule: SuppressionRule(minimumGroupSize: 10), previousRule: nil,
                         breakdown: nil, weighted: false, protection: .exact)
  }

  @Test func tableShowsTheRespondentsAndADimensionsNOnlyWhereItDiffers() throws {
    let profile = Self.profileWithGaps()
    let questionnaire = try QuestionnaireParser.parse(Self.yaml, source: "t")
    let table = ProfileTable(profile: profile, questionnaire: questionnaire, round: "R").overview(figures: profile.figures)
    let lines = table.split(separator: "\n").map(String.init)
    let groot = try #require(lines.firstIndex { $0.contains("Groot") })
    #expect(lines[groot].dropFirst(24).prefix(6).trimmingCharacters(in: .whitespaces) == "25", "respondents, not the first dimension's n: \(lines[groot])")
    #expect(lines[groot + 1].trimmingCharacters(in: .whitespaces) == "n: Lichaam 23", "\(lines[groot + 1])")
    let stad = try #require(lines.firstIndex { $0.contains("Stad") })
    #expect(lines[stad].dropFirst(24).prefix(6).trimmingCharacters(in: .whitespaces) == "28")
    #expect(lines[stad + 1].trimmingCharacters(in: .whitespaces) == "n: Lichaam 26")
    let klein = try #require(lines.first { $0.contains("Klein") })
    #expect(!klein.contains { $0.isNumber } && klein.contains("*"), "\(klein)")
    #expect(table.contains("n = aantal respondenten"))
    let detail = ProfileTable(profile: profile, questionnaire: questionnaire, round: "R")
      .detail(figures: profile.figures.filter { $0.area.code == "A" })
    #expect(detail.contains("Groot (wijk, A)  n = 25"), "\(detail)")
    let detailLines = detail.split(separator: "\n").map(String.init)
    #expect(detailLines.first { $0.hasPrefix("Lichaamsfuncties") }?.dropFirst(22).prefix(5).trimmingCharacters(in: .whitespaces) == "23")
    #expect(detailLines.first { $0.hasPrefix("Zingeving") }?.dropFirst(22).prefix(5).trimmingCharacters(in: .whitespaces) == "")
  }

  @Test func filesCarryTheRespondentsNextToEachDimensionsN() throws {
    let profile = Self.profileWithGaps()
    let csv = ProfileCSV.render(profile, round: "R", figures: profile.figures).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = csv[0]
    let respondents = try #require(header.firstIndex(of: "respondents")), n = try #require(header.firstIndex(of: "n"))
    let dimension = try #require(header.firstIndex(of: "dimension")), area = try #require(header.firstIndex(of: "area_code"))
    let grootBody = csv.filter { $0.count > area && $0[area] == "A" && $0[dimension] == "lichaamsfuncties" }
    #expect(grootBody.map { [$0[respondents], $0[n]] } == [["25", "23"]])
    #expect(csv.filter { $0.count > area && $0[area] == "B" }.allSatisfy { $0[respondents].isEmpty }, "3 respondents: hidden")
    let json = ProfileJSON.render(profile, round: "R", figures: profile.figures)
    #expect(json.contains("\"respondents\": 25"))
  }
}
