import Testing
@testable import WijkwebCore
@testable import WijkwebTUI

/// The dashboard as plain-text screens against the in-memory terminal.
@Suite struct DashboardTests {
  static let questionnaire: Questionnaire = {
    let yaml = ScreenTests.yaml + """

      demographics:
        - id: age
          question: {nl: Hoe oud bent u?, en: How old are you?}
          prefer_not_to_say: true
          choices:
            - {id: jong, label: {nl: jong, en: young}}
            - {id: oud, label: {nl: oud, en: old}}
      """
    return (try? QuestionnaireParser.parse(yaml, source: "dashboard.yaml")) ?? ScreenTests.fallback
  }()

  static let areas = [
    Area(code: "GM1", level: .gemeente, name: "Stad", parentCode: nil),
    Area(code: "WK1", level: .wijk, name: "Noord", parentCode: "GM1"),
    Area(code: "WK2", level: .wijk, name: "Zuid", parentCode: "GM1"),
    Area(code: "WK3", level: .wijk, name: "Klein", parentCode: "GM1"),
  ]

  static func profile(breakdown: Bool = false) -> Profile {
    let tree = AreaTree(areas: areas)
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["health"], categories: breakdown ? ["jong", "oud"] : [])
    let plan: [(String, Int, Double)] = [("WK1", 60, 7.5), ("WK2", 50, 5.0), ("WK3", 4, 6.0)]
    for (code, count, centre) in plan {
      for index in 0 ..< count {
        let score = centre + Double(index % 5 - 2) * 0.5
        aggregator.add(areaCode: code, partID: "health", scores: Array(repeating: score, count: 6), category: index % 2 == 0 ? "jong" : "oud")
      }
    }
    // Exact figures: these tests check the screens, not the cell-key perturbation (ProfileCellKeyTests).
    return Profile.build(totals: aggregator.rolledUp(), previous: nil, rule: SuppressionRule(minimumGroupSize: 10), previousRule: nil,
                         breakdown: breakdown ? "age" : nil, weighted: false, protection: .exact)
  }

  func app(keys: [Key]) -> (DashboardApp, MemoryTerminal) {
    let data = DashboardData(roundName: "Najaar 2026", previousRoundName: nil, questionnaire: Self.questionnaire, profile: Self.profile())
    let terminal = MemoryTerminal(width: 80, height: 24)
    let app = DashboardApp(terminal: terminal, data: data) { _ in Self.profile(breakdown: true) }
    for key in keys { app.handle(key) }
    terminal.draw(app.render(size: terminal.size, unicode: terminal.supportsUnicode))
    return (app, terminal)
  }

  @Test func overviewMarksDifferencesAndSuppression() {
    let (_, terminal) = app(keys: [])
    Snapshot.assert(terminal.screen.text, named: "dashboard-overview-80x24")
    let lines = terminal.screen.lines
    let noord = lines.first { $0.contains("Noord") } ?? ""
    let zuid = lines.first { $0.contains("Zuid") } ?? ""
    let klein = lines.first { $0.contains("Klein") } ?? ""
    #expect(noord.contains("7,5▲"), "significantly higher is marked: \(noord)")
    #expect(!klein.contains { $0.isNumber } && klein.contains("*"), "a group of 4 shows no number: \(klein)")
    // Klein (4) is hidden; Zuid is shown: the cell-key noise of published counts, not a second hidden wijk,
    // keeps Stad minus Noord minus Zuid from revealing Klein (Docs/disclosure.md).
    #expect(zuid.contains("5,0"), "the other wijk is shown: \(zuid)")
  }

  @Test func areaScreenShowsWebFiguresAndBreakdown() {
    let (app, terminal) = app(keys: [.down, .enter])
    #expect(app.state.screen == .area)
    let text = terminal.screen.text
    #expect(text.contains("Noord (wijk)"))
    #expect(text.contains("Lichaamsfun") && text.contains("7,5"))
    #expect(text.unicodeScalars.contains { (0x2801 ... 0x28FF).contains($0.value) }, "the web is drawn")
    let (_, withBreakdown) = self.app(keys: [.down, .enter, .character("b")])
    let breakdown = withBreakdown.screen.text
    #expect(breakdown.contains("Hoe oud bent u?"))
    #expect(breakdown.contains("jong") && breakdown.contains("oud"))
    Snapshot.assert(breakdown, named: "dashboard-area-breakdown-80x24")
  }

  @Test func keysMoveAndLeave() {
    var state = DashboardState()
    state.handle(.down, areaCount: 4, partCount: 2, breakdowns: ["age"], visibleRows: 2)
    state.handle(.down, areaCount: 4, partCount: 2, breakdowns: ["age"], visibleRows: 2)
    #expect(state.selection == 2 && state.scroll == 1)
    state.handle(.end, areaCount: 4, partCount: 2, breakdowns: ["age"], visibleRows: 2)
    #expect(state.selection == 3)
    state.handle(.tab, areaCount: 4, partCount: 2, breakdowns: ["age"], visibleRows: 2)
    #expect(state.partIndex == 1)
    state.handle(.enter, areaCount: 4, partCount: 2, breakdowns: ["age"], visibleRows: 2)
    state.handle(.character("b"), areaCount: 4, partCount: 2, breakdowns: ["age"], visibleRows: 2)
    #expect(state.breakdown == "age")
    state.handle(.character("b"), areaCount: 4, partCount: 2, breakdowns: ["age"], visibleRows: 2)
    #expect(state.breakdown == nil)
    state.handle(.escape, areaCount: 4, partCount: 2, breakdowns: ["age"], visibleRows: 2)
    #expect(state.screen == .overview && !state.wantsToQuit)
    state.handle(.character("q"), areaCount: 4, partCount: 2, breakdowns: ["age"], visibleRows: 2)
    #expect(state.wantsToQuit)
  }

  /// tmux's Home and End (ESC [ 1 ~, ESC [ 4 ~) and xterm's move in the list; they used to quit at once.
  @Test func homeAndEndAsTerminalBytesMoveInTheListAndEscGoesUpOneLevel() {
    let data = DashboardData(roundName: "Najaar 2026", previousRoundName: nil, questionnaire: Self.questionnaire, profile: Self.profile())
    var bytes: [UInt8] = Array("\u{1B}[4~\u{1B}[1~\u{1B}OF\r".utf8)
    bytes += [0x1B]  // a lone Esc: back from the area to the overview, not out of the dashboard
    let terminal = MemoryTerminal(width: 80, height: 24, bytes: bytes)
    // The decoder turns the trailing Esc into Esc once the input pauses; then End once more.
    terminal.script += [.press(.home), .key(.end, [.shift]), .press(.end)]
    let app = DashboardApp(terminal: terminal, data: data) { _ in Self.profile(breakdown: true) }
    app.run()
    let last = max(0, data.areas.count - 1)
    #expect(app.state.selection == last, "End after Home and Shift-End")
    #expect(app.state.screen == .overview)
    #expect(terminal.script.isEmpty)
  }

  func screen(_ keys: [Key], width: Int = 80, language: Language = .dutch) -> ScreenBuffer {
    let data = DashboardData(roundName: "Najaar 2026", previousRoundName: "Voorjaar 2026", questionnaire: Self.questionnaire,
                             profile: Self.profile())
    let terminal = MemoryTerminal(width: width, height: 24)
    let app = DashboardApp(terminal: terminal, data: data, state: DashboardState(language: language)) { _ in Self.profile(breakdown: true) }
    for key in keys { app.handle(key) }
    return app.render(size: terminal.size, unicode: true)
  }

  /// At 160 columns every dimension name is whole; at 80 they are abbreviated and a legend names each.
  @Test func fullDimensionNamesWhenWideAbbreviationsWithALegendWhenNot() {
    let wide = screen([], width: 160).text
    for name in ["Lichaamsfuncties", "welbevinden", "Zingeving", "van leven", "functioneren"] {
      #expect(wide.contains(name), "\(name) in full at 160 columns")
    }
    #expect(!wide.contains(" = "), "no legend when nothing is abbreviated")
    let narrow = screen([]).text
    #expect(narrow.contains("Lichaa. = Lichaamsfuncties") && narrow.contains("Dageli. = Dagelijks functioneren"), "\(narrow)")
    let wideBreakdown = screen([.down, .enter, .character("b")], width: 160).text
    #expect(wideBreakdown.contains("Lichaamsfuncties") && wideBreakdown.components(separatedBy: "functioneren").count >= 2,
            "figures and breakdown both name every dimension in full: \(wideBreakdown)")
    let area = screen([.down, .enter]).text
    // The legend may wrap: compare with the screen's words in one line.
    let words = area.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("Lich. = Lichaamsfuncties") && words.contains("Kwal. = Kwaliteit van leven"), "the area screen's abbreviations have a legend: \(area)")
    // The web's captions are abbreviated like the table's names, never cut with an ellipsis.
    #expect(!area.contains("…"), "no caption cut mid-word: \(area)")
  }

  /// Each breakdown row says how many residents it holds.
  @Test func breakdownRowsShowN() {
    let lines = screen([.down, .enter, .character("b")]).lines
    let young = lines.first { $0.hasPrefix(" jong") } ?? ""
    let old = lines.first { $0.hasPrefix(" oud") } ?? ""
    #expect(young.split(separator: " ").dropFirst().first == "30", "\(young)")
    #expect(old.split(separator: " ").dropFirst().first == "30", "\(old)")
  }

  /// Noord's 60 respondents, 3 of whom skipped every lichaamsfuncties statement: the overview and the area
  /// screen show the area's protected respondents count (60, not the first dimension's 57), and the area
  /// screen names lichaamsfuncties' own n because it differs; Zuid's dimensions all count its respondents.
  @Test func respondentsAndADimensionsNOnlyWhereItDiffers() {
    let tree = AreaTree(areas: Self.areas)
    var aggregator = ProfileAggregator(tree: tree, partIDs: ["health"])
    for (code, count) in [("WK1", 60), ("WK2", 50)] {
      for index in 0 ..< count {
        var scores: [Double?] = Array(repeating: 5 + Double(index % 5) * 0.5, count: 6)
        if code == "WK1" && index < 3 { scores[0] = nil }
        aggregator.add(areaCode: code, partID: "health", scores: scores, category: nil)
      }
    }
    let profile = Profile.build(totals: aggregator.rolledUp(), previous: nil, rule: SuppressionRule(minimumGroupSize: 10), previousRule: nil,
                                breakdown: nil, weighted: false, protection: .exact)
    func render(_ keys: [Key]) -> ScreenBuffer {
      let data = DashboardData(roundName: "Najaar 2026", previousRoundName: nil, questionnaire: Self.questionnaire, profile: profile)
      let terminal = MemoryTerminal(width: 80, height: 24)
      let app = DashboardApp(terminal: terminal, data: data) { _ in profile }
      for key in keys { app.handle(key) }
      return app.render(size: terminal.size, unicode: true)
    }
    let overview = render([]).lines
    let noord = overview.first { $0.contains("Noord") } ?? ""
    #expect(noord.split(separator: " ").dropFirst().first == "60", "respondents, not the first dimension's n: \(noord)")
    let stad = overview.first { $0.contains("Stad") && !$0.contains("ronde") } ?? ""
    #expect(stad.split(separator: " ").dropFirst().first == "110", "\(stad)")
    let area = render([.down, .enter])
    #expect(area.clipped.isEmpty, "\(area.clipped)")
    #expect(area.text.contains("Noord (wijk)  |  Mijn gezondheid  |  n = 60"), "\(area.text)")
    #expect(area.text.contains("n: Lich. 57"), "\(area.text)")
    Snapshot.assert(area.text, named: "dashboard-area-differing-n-80x24")
    let zuid = render([.down, .down, .enter]).text
    #expect(zuid.contains("n = 50") && !zuid.contains(" n: "), "\(zuid)")
  }

  /// A round name and an area name with OSC 52, CSI 2J and a title sequence (from a bundle or the
  /// database): the screens show their visible forms, hold no control character, and cut nothing.
  @Test func hostileNamesAreShownVisibleAndWhole() {
    let hostile = "\u{1B}]52;c;cm0gLXJmIH4=\u{07}X\u{1B}[2J\u{1B}]0;PWNED\u{07}"
    var areas = Self.areas
    areas[1].name = "Noord" + hostile
    var profile = Self.profile()
    profile.figures = profile.figures.map { figure in
      var figure = figure
      if figure.area.code == "WK1" { figure.area.name = areas[1].name }
      return figure
    }
    let data = DashboardData(roundName: "Najaar" + hostile, previousRoundName: nil, questionnaire: Self.questionnaire, profile: profile)
    for keys in [[], [Key.down, .enter]] {
      let terminal = MemoryTerminal(width: 140, height: 30)
      let app = DashboardApp(terminal: terminal, data: data) { _ in profile }
      for key in keys { app.handle(key) }
      let buffer = app.render(size: terminal.size, unicode: true)
      #expect(!buffer.cells.contains { $0.character.unicodeScalars.contains { TerminalText.isControl($0) } }, "\(buffer.text)")
      // The overview's name column shortens a long name as it does any; the area screen shows it whole.
      #expect(buffer.text.contains(keys.isEmpty ? "Noord\u{241B}]52;c;" : "Noord\u{241B}]52;c;cm0gLXJmIH4=\u{2407}X\u{241B}[2J"), "\(buffer.text)")
      #expect(buffer.text.contains("Najaar\u{241B}]52;"), "\(buffer.text)")
      #expect(buffer.clipped.isEmpty, "\(buffer.clipped)")
    }
    var buffer = ScreenBuffer(width: 20, height: 1)
    buffer.put("a\u{1B}[2Jb", x: 0, y: 0)
    #expect(buffer.lines == ["a\u{241B}[2Jb"], "a screen never holds a raw control character")
  }

  /// With a population, w switches to the weighted publication (computed once, through `loadWeighted`)
  /// and back; every screen says which view it shows. Without one, w does nothing and the screen says why.
  @Test func weightedViewSwitchesWithWWhenTheRoundHasAPopulation() {
    let tree = AreaTree(areas: Self.areas)
    var weightedTotals = ProfileAggregator(tree: tree, partIDs: ["health"])
    for (code, count, score) in [("WK1", 60, 6.5), ("WK2", 50, 4.0), ("WK3", 4, 6.0)] {
      for _ in 0 ..< count { weightedTotals.add(areaCode: code, partID: "health", scores: Array(repeating: score, count: 6), category: nil) }
    }
    let weighted = Profile.build(totals: weightedTotals.rolledUp(), previous: nil, rule: SuppressionRule(minimumGroupSize: 10), previousRule: nil,
                                 breakdown: nil, weighted: true, protection: .exact)
    var data = DashboardData(roundName: "Najaar 2026", previousRoundName: nil, questionnaire: Self.questionnaire, profile: Self.profile())
    data.canWeight = true
    let terminal = MemoryTerminal(width: 80, height: 24)
    var loads: [String?] = []
    let app = DashboardApp(terminal: terminal, data: data, loadWeighted: { breakdown in
      loads.append(breakdown)
      return weighted
    }) { _ in Self.profile(breakdown: true) }
    func noord() -> String { app.render(size: terminal.size, unicode: true).lines.first { $0.contains("Noord") } ?? "" }
    var screen = app.render(size: terminal.size, unicode: true)
    #expect(screen.text.contains("ongewogen") && !screen.text.contains("geen bevolking") && screen.text.contains("w: gewogen"), "\(screen.text)")
    #expect(noord().contains("7,5"))
    app.handle(.character("w"))
    screen = app.render(size: terminal.size, unicode: true)
    #expect(app.state.weighted && loads.count == 1)
    #expect(screen.text.contains("gewogen naar de bevolking") && screen.text.contains("w: ongewogen"), "\(screen.text)")
    #expect(noord().contains("6,5") && !noord().contains("7,5"), "the weighted figures: \(noord())")
    #expect(screen.clipped.isEmpty, "\(screen.clipped)")
    Snapshot.assert(screen.text, named: "dashboard-overview-weighted-80x24")
    app.handle(.down)
    app.handle(.enter)
    screen = app.render(size: terminal.size, unicode: true)
    #expect(screen.text.contains("gewogen naar de bevolking") && screen.text.contains("6,5"), "the area screen too: \(screen.text)")
    #expect(screen.clipped.isEmpty, "\(screen.clipped)")
    // A breakdown in the weighted view is the weighted publication's breakdown.
    app.handle(.character("b"))
    #expect(loads == [nil, "age"] && app.data.weightedBreakdowns["age"] != nil && app.data.breakdowns["age"] == nil)
    #expect(app.state.breakdown == "age")
    while app.state.breakdown != nil { app.handle(.character("b")) }
    app.handle(.escape)
    app.handle(.character("w"))
    #expect(!app.state.weighted && noord().contains("7,5") && loads.count == 2, "back to unweighted; the weighted profiles are kept")

    // No population: w changes nothing, and the screen says so.
    let plain = DashboardApp(terminal: terminal, data: DashboardData(roundName: "Najaar 2026", previousRoundName: nil,
                                                                   questionnaire: Self.questionnaire, profile: Self.profile()),
                             loadWeighted: { _ in weighted }) { _ in Self.profile(breakdown: true) }
    plain.handle(.character("w"))
    let unweighted = plain.render(size: terminal.size, unicode: true).text
    #expect(!plain.state.weighted && unweighted.contains("ongewogen (geen bevolking)") && !unweighted.contains("w: gewogen"), "\(unweighted)")
  }

  /// The gemeente's line is dashed and the legend says which line is which, not only by colour.
  @Test func webLegendNamesLineStyles() {
    let text = screen([.down, .enter]).text
    #expect(text.contains("doorgetrokken lijn: dit gebied") && text.contains("streepjes: Stad"), "\(text)")
    let english = screen([.down, .enter], language: .english).text
    #expect(english.contains("solid line: this area") && english.contains("dashes: Stad"), "\(english)")
  }

  /// Every dashboard screen in Dutch and English at 80x24: a snapshot, and no text cut off.
  @Test(arguments: [Language.dutch, .english])
  func everyDashboardScreenFits(language: Language) {
    let screens: [(String, [Key])] = [
      ("overview", []), ("area", [.down, .enter]), ("area-breakdown", [.down, .enter, .character("b")]),
      ("area-suppressed", [.end, .enter]), ("help", [.function(1)]),
    ]
    for (name, keys) in screens {
      let buffer = screen(keys, language: language)
      #expect(buffer.clipped.isEmpty, "\(name): cut off: \(buffer.clipped)")
      Snapshot.assert(buffer.text, named: "dashboard-\(name)-\(language.rawValue)-80x24")
    }
  }
}
