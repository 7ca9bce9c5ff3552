import WijkwebCore

/// A publishable reflection, as the store hands it to reports.
public struct ReportQuote: Sendable, Equatable {
  public var areaCode: String?
  public var dimensions: [Dimension]
  public var text: String
  public init(areaCode: String?, dimensions: [Dimension], text: String) {
    self.areaCode = areaCode
    self.dimensions = dimensions
    self.text = text
  }
}

/// Turns a computed profile (suppression already applied by `Profile.build`) into the words and numbers
/// of each area's page. It never computes a statistic of its own and shows nothing the profile marks
/// as suppressed.
public struct AreaReportBuilder {
  public var profile: Profile
  public var questionnaire: Questionnaire
  public var tree: AreaTree
  public var roundName: String
  /// The name of the previous round the profile compared with, if any.
  public var previousRoundName: String?
  public var quotes: [ReportQuote]
  public var language: Language
  /// The ondergrenzen and the previous round's agendas (`AgendaSection.swift`).
  public var agendaInput = AgendaReportInput()

  /// The most quotes on a page.
  public static let maximumQuotes = 5
  /// How many weak dimensions get conversation starters, and how many topics each.
  public static let startersDimensions = 2
  public static let startersTopics = 3

  public init(profile: Profile, questionnaire: Questionnaire, tree: AreaTree, roundName: String, previousRoundName: String?,
              quotes: [ReportQuote], language: Language) {
    self.profile = profile
    self.questionnaire = questionnaire
    self.tree = tree
    self.roundName = roundName
    self.previousRoundName = previousRoundName
    self.quotes = quotes
    self.language = language
  }

  func text(_ key: UIString, _ arguments: CustomStringConvertible...) -> String {
    key.format(language, arguments: arguments)
  }

  /// A number as the reader expects it: 6,4 in Dutch, 6.4 in English.
  func number(_ value: Double) -> String {
    language == .dutch ? NumberFormat.dutch(value) : NumberFormat.machine(value, decimals: 1)
  }

  /// The level's name in the report's language.
  func levelName(_ level: AreaLevel) -> String { level.name(in: language) }

  /// The figures for everyone (no breakdown) of one area and part, in questionnaire dimension order.
  func figures(area code: String, partID: String) -> [ProfileFigure?] {
    let own = profile.figures.filter { $0.area.code == code && $0.partID == partID && $0.category == nil }
    return questionnaire.dimensionOrder.map { dimension in own.first { $0.dimension == dimension } }
  }

  /// The number of respondents shown for an area: its protected respondents count (a published cell of its
  /// own, the same n the profile table shows), the larger of its parts'; nil when every part's is hidden.
  func respondents(area code: String) -> Int? {
    questionnaire.parts.compactMap { profile.respondents(area: code, partID: $0.id, category: nil)?.n }.max()
  }

  /// The part's own respondents when they differ from the page's, and each dimension's n where it differs
  /// from the part's respondents, as one line under the part's table; nil when nothing differs.
  func countsNote(part: Part, area: Area, figures: [ProfileFigure?], names: [String]) -> String? {
    let pageN = respondents(area: area.code)
    let partN = profile.respondents(area: area.code, partID: part.id, category: nil)?.n
    var entries: [String] = []
    if let partN, partN != pageN { entries.append("n = \(partN)") }
    let differing = zip(names, figures).compactMap { name, figure -> String? in
      guard let figure, !figure.suppressed, let n = figure.summary?.n, n != partN else { return nil }
      return "\(name) \(n)"
    }
    if !differing.isEmpty { entries.append("n: " + differing.joined(separator: ", ")) }
    return entries.isEmpty ? nil : entries.joined(separator: "; ")
  }

  /// Whether the area's page must show no figures: every one of its figures is suppressed.
  func isSuppressed(area code: String) -> Bool {
    let own = profile.figures.filter { $0.area.code == code && $0.category == nil }
    return own.isEmpty || own.allSatisfy(\.suppressed)
  }

  /// The areas that hold at least one of `responseAreas` (the area codes of the round's responses),
  /// in reading order: each area followed by those inside it, siblings by code.
  public func areasWithResponses(_ responseAreas: Set<String>) -> [Area] {
    var answered = Set<Int>()
    for code in responseAreas {
      guard let index = tree.index[code] else { continue }
      answered.formUnion(tree.lineage(of: index))
    }
    var result: [Area] = []
    var stack = tree.areas.indices.filter { tree.parent[$0] == nil }.sorted { tree.areas[$0].code > tree.areas[$1].code }
    while let next = stack.popLast() {
      if answered.contains(next) { result.append(tree.areas[next]) }
      stack += tree.children[next].sorted { tree.areas[$0].code > tree.areas[$1].code }
    }
    return result
  }

  /// The page for one area.
  public func report(for area: Area) -> AreaReport {
    let suppressed = isSuppressed(area: area.code)
    let n = respondents(area: area.code)
    let nText = suppressed ? "n < \(profile.minimumGroupSize)" : "n = " + (n.map(String.init) ?? "0")
    var report = AreaReport(
      title: area.name, subtitle: text(.reportSubtitle, levelName(area.level), roundName, nText),
      instrument: questionnaire.title.text(language), suppressed: suppressed, suppressedText: nil, parts: [],
      legend: (area.name, nil, nil), strengths: [], starters: nil, quotes: nil,
      footer: text(.reportFooterMethod, nText, profile.minimumGroupSize,
                   profile.weighted ? text(.reportWeighted) : text(.reportUnweighted)))
    if suppressed {
      report.suppressedText = (text(.reportTooSmall), text(.reportTooSmallDetail, profile.minimumGroupSize))
      // What was agreed still stands; no figure is compared with an ondergrens here.
      let agenda = agendaSection(area: area)
      if !agenda.floorItems.isEmpty || agenda.agendaHeading != nil { report.agenda = agenda }
      return report
    }
    let rootIndex = tree.index[area.code].map { tree.root(of: $0) }
    let gemeente = rootIndex.map { tree.areas[$0] }.flatMap { $0.code == area.code ? nil : $0 }
    for part in questionnaire.parts {
      report.parts.append(partReport(part, area: area, gemeente: gemeente))
    }
    if let gemeente, report.parts.contains(where: { $0.gemeente != nil }) {
      report.legend.gemeente = text(.reportLegendGemeente, gemeente.name)
    }
    if let previousRoundName, report.parts.contains(where: { $0.previous != nil }) {
      report.legend.previous = text(.reportLegendPrevious, previousRoundName)
    }
    report.strengths = questionnaire.parts.compactMap { strengths(part: $0, area: area) }
    report.starters = starters(area: area)
    report.quotes = pickQuotes(area: area)
    report.agenda = agendaSection(area: area)
    return report
  }

  func partReport(_ part: Part, area: Area, gemeente: Area?) -> PartReport {
    let own = figures(area: area.code, partID: part.id)
    let names = questionnaire.dimensionOrder.map { questionnaire.name(of: $0).text(language) }
    var result = PartReport(
      title: part.title.text(language), dimensionNames: names,
      area: own.map { figure in figure.flatMap { $0.suppressed ? nil : $0.summary?.mean } }, gemeente: nil, previous: nil, rows: [],
      headers: [text(.reportColumnDimension), text(.reportColumnMean), text(.reportColumnInterval), text(.reportColumnBelowPass),
                text(.reportColumnVersusGemeente), text(.reportColumnVersusPrevious)])
    if let gemeente {
      let means = figures(area: gemeente.code, partID: part.id).map { figure in figure.flatMap { $0.suppressed ? nil : $0.summary?.mean } }
      if means.allSatisfy({ $0 != nil }) { result.gemeente = means }
    }
    // The previous round's mean is this round's minus the difference the profile computed with it.
    let previous = own.map { figure -> Double? in
      guard let figure, !figure.suppressed, let summary = figure.summary, let change = figure.versusPrevious else { return nil }
      return summary.mean - change.estimate
    }
    if previous.allSatisfy({ $0 != nil }) { result.previous = previous }
    let floors = floorScores(area: area.code)
    if floors.contains(where: { $0 != nil }) { result.floors = floors }
    for (index, figure) in own.enumerated() {
      var row = DimensionRow(name: names[index], missing: nil, mean: "", interval: "", belowPass: "", versusGemeente: nil, versusPrevious: nil)
      guard let figure, !figure.suppressed, let summary = figure.summary else {
        row.missing = figure?.suppressed ?? false ? text(.reportSuppressedCell) : "–"
        result.rows.append(row)
        continue
      }
      row.mean = number(summary.mean)
      row.interval = summary.confidenceInterval.map { number($0.lowerBound) + " – " + number($0.upperBound) } ?? "–"
      row.belowPass = NumberFormat.percent(summary.shareBelowPass)
      row.versusGemeente = figure.versusRest.map(marked)
      row.versusPrevious = figure.versusPrevious.map(marked)
      result.rows.append(row)
    }
    result.countsNote = countsNote(part: part, area: area, figures: own, names: names)
    // A comparison nobody has (the gemeente with itself, a first round) gets no heading either.
    if result.rows.allSatisfy({ $0.versusGemeente == nil }) { result.headers[4] = "" }
    if result.rows.allSatisfy({ $0.versusPrevious == nil }) { result.headers[5] = "" }
    return result
  }

  /// A signed difference; ▲ or ▼ only when its 95% interval excludes zero.
  func marked(_ difference: Difference) -> MarkedDifference {
    let sign = difference.estimate > 0 ? "+" : difference.estimate < 0 ? "−" : "±"
    var value = sign + number(abs(difference.estimate))
    if value.dropFirst().allSatisfy({ $0 == "0" || $0 == "," || $0 == "." }) { value = number(0) }
    guard difference.isSignificant else { return MarkedDifference(text: value, significant: false) }
    return MarkedDifference(text: value + (difference.estimate > 0 ? " ▲" : " ▼"), significant: true)
  }

  /// The dimensions of a part with a mean, highest first (ties in questionnaire order).
  func ranked(part: Part, area: Area) -> [(dimension: Dimension, mean: Double)] {
    let own = figures(area: area.code, partID: part.id)
    let pairs = zip(questionnaire.dimensionOrder, own).compactMap { dimension, figure -> (Dimension, Double)? in
      guard let figure, !figure.suppressed, let mean = figure.summary?.mean else { return nil }
      return (dimension, mean)
    }
    return pairs.enumerated().sorted { a, b in a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset }
      .map { (dimension: $0.element.0, mean: $0.element.1) }
  }

  func strengths(part: Part, area: Area) -> String? {
    let order = ranked(part: part, area: area)
    guard order.count >= 2, let best = order.first, let worst = order.last else { return nil }
    return text(.reportStrongWeak, part.title.text(language), questionnaire.name(of: best.dimension).text(language), number(best.mean),
                questionnaire.name(of: worst.dimension).text(language), number(worst.mean))
  }

  /// The part the neighbourhood topics belong to: `neighbourhood` when the questionnaire has it, else the last part.
  var topicsPart: Part? {
    questionnaire.parts.first { $0.id == "neighbourhood" } ?? questionnaire.parts.last
  }

  func starters(area: Area) -> (heading: String, intro: String, items: [(dimension: String, topics: [String])])? {
    guard let part = topicsPart, !questionnaire.topics.isEmpty else { return nil }
    let weakest = ranked(part: part, area: area).reversed().filter { !(questionnaire.topics[$0.dimension] ?? []).isEmpty }
      .prefix(Self.startersDimensions)
    guard !weakest.isEmpty else { return nil }
    let items = weakest.map { entry in
      (dimension: questionnaire.name(of: entry.dimension).text(language) + " (" + number(entry.mean) + ")",
       topics: (questionnaire.topics[entry.dimension] ?? []).prefix(Self.startersTopics).map { $0.text(language) })
    }
    return (text(.reportStartersTitle), text(.reportStartersIntro, part.title.text(language)), Array(items))
  }

  /// A reflection as running text: line breaks and runs of white space become single spaces.
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Up to five quotes from residents of the area (or the areas inside it), tagged ones first in
  /// dimension order, each beside the name of its first tagged dimension.
  func pickQuotes(area: Area) -> (heading: String, items: [(dimension: String?, text: String)])? {
    guard let index = tree.index[area.code] else { return nil }
    let inside = Set(([index] + tree.descendants(of: index)).map { tree.areas[$0].code })
    let order = questionnaire.dimensionOrder
    let candidates = quotes.filter { quote in quote.areaCode.map(inside.contains) ?? false }
      .map { quote in (dimension: quote.dimensions.sorted { (order.firstIndex(of: $0) ?? 9) < (order.firstIndex(of: $1) ?? 9) }.first,
                       text: Self.oneLine(quote.text)) }
      .filter { !$0.text.isEmpty }
      .sorted { a, b in
        let rankA = a.dimension.flatMap { order.firstIndex(of: $0) } ?? order.count
        let rankB = b.dimension.flatMap { order.firstIndex(of: $0) } ?? order.count
        return rankA != rankB ? rankA < rankB : a.text < b.text
      }
    guard !candidates.isEmpty else { return nil }
    // Round robin over the dimensions, so five quotes are not all about the first one.
    var groups: [[(dimension: Dimension?, text: String)]] = []
    for quote in candidates {
      if let last = groups.last?.first, last.dimension == quote.dimension { groups[groups.count - 1].append(quote) } else { groups.append([quote]) }
    }
    var chosen: [(dimension: Dimension?, text: String)] = []
    var round = 0
    while chosen.count < Self.maximumQuotes, groups.contains(where: { $0.count > round }) {
      for group in groups where group.count > round && chosen.count < Self.maximumQuotes { chosen.append(group[round]) }
      round += 1
    }
    chosen.sort { a, b in
      (a.dimension.flatMap { order.firstIndex(of: $0) } ?? order.count) < (b.dimension.flatMap { order.firstIndex(of: $0) } ?? order.count)
    }
    let items = chosen.map { quote in
      (dimension: quote.dimension.map { questionnaire.name(of: $0).text(language) }, text: quote.text)
    }
    return (text(.reportQuotesTitle), Array(items))
  }
}
