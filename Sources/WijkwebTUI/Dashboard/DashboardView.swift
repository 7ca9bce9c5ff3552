import WijkwebCore

/// Draws the dashboard: a pure function from state and data to a screen.
public enum DashboardView {
  /// Rows of the overview table that fit on a screen of `size`, below its header lines and above the
  /// legend of abbreviated dimension names.
  public static func visibleRows(size: Size, data: DashboardData, language: Language) -> Int {
    let columns = overviewColumns(width: size.width, data: data, language: language)
    let legendLines = columns.legend.map { TextLayout.wrap($0, width: size.width - 2).count } ?? 0
    return max(1, size.height - 8 - (columns.header.count - 1) - max(1, legendLines))
  }

  /// The overview's area name column: at least 20 cells, more when the screen is wide.
  static func overviewNameWidth(width: Int) -> Int { max(20, width - 8 - 6 * 8 - 2) }

  static func dimensionNames(_ data: DashboardData, language: Language) -> [String] {
    data.questionnaire.dimensionOrder.map { data.questionnaire.name(of: $0).text(language) }
  }

  static func overviewColumns(width: Int, data: DashboardData, language: Language) -> DimensionColumns {
    DimensionColumns(names: dimensionNames(data, language: language), room: width - 2 - 20 - 7)
  }

  public static func render(_ state: DashboardState, data: DashboardData, size: Size, unicode: Bool) -> ScreenBuffer {
    let language = state.language
    // The weighted view shows the weighted publication (once computed), every screen alike.
    let data = data.view(weighted: state.weighted)
    if size.width < ScreenFrame.minimumSize.width || size.height < ScreenFrame.minimumSize.height {
      return ScreenFrame.tooSmall(size: size, language: language)
    }
    var frame = ScreenFrame(size: size, unicode: unicode, language: language)
    frame.header(UIString.dashboardTitle.text(language), right: "\(UIString.roundLabel.text(language)): \(data.roundName)")
    if state.showingHelp {
      drawHelp(&frame)
      return frame.buffer
    }
    let parts = data.questionnaire.parts
    let part = parts[min(state.partIndex, parts.count - 1)]
    var keys: [String]
    switch state.screen {
    case .overview:
      drawOverview(&frame, state: state, data: data, part: part)
      keys = [UIString.dashboardKeysOverview.text(language)]
    case .area:
      drawArea(&frame, state: state, data: data, part: part)
      keys = [UIString.dashboardKeysArea.text(language)]
    }
    if data.canWeight { keys.append((state.weighted ? UIString.dashboardKeyUnweighted : .dashboardKeyWeighted).text(language)) }
    keys.append(UIString.languageKey(next: language == .dutch ? .english : .dutch, in: language))
    frame.footer(keys: keys, notice: legend(language: language, unicode: unicode, minimum: data.profile.minimumGroupSize))
    return frame.buffer
  }

  /// Which view is shown: weighted to the population, unweighted, or unweighted because the round has no
  /// population to weight to.
  static func weightingLabel(_ data: DashboardData, language: Language) -> String {
    if data.profile.weighted { return UIString.profileWeighted.text(language) }
    return data.canWeight ? UIString.profileUnweighted.text(language) : UIString.dashboardNoPopulation.text(language)
  }

  static func legend(language: Language, unicode: Bool, minimum: Int) -> String {
    UIString.dashboardLegend.format(language, unicode ? "▲" : "+", unicode ? "▼" : "-", minimum)
  }

  /// A mean with its marker and a style by its difference from the rest of the gemeente; "*" when suppressed.
  static func cell(_ figure: ProfileFigure?, unicode: Bool) -> (String, Style) {
    guard let figure else { return ("", .plain) }
    if figure.suppressed { return ("*", .muted) }
    guard let summary = figure.summary else { return ("-", .muted) }
    let text = SpiderWebView.formatScore(summary.mean)
    if let rest = figure.versusRest, rest.isSignificant {
      return rest.estimate > 0 ? (text + (unicode ? "▲" : "+"), Style(role: .accent, bold: true))
        : (text + (unicode ? "▼" : "-"), Style(role: .warning, bold: true))
    }
    return (text + " ", .plain)
  }

  static func drawOverview(_ frame: inout ScreenFrame, state: DashboardState, data: DashboardData, part: Part) {
    let language = state.language
    let questionnaire = data.questionnaire
    var row = frame.bodyTop
    let weighting = weightingLabel(data, language: language)
    frame.buffer.put(part.title.text(language) + "  (Tab)", x: 1, y: row, style: .heading)
    frame.buffer.put(weighting, x: frame.width - weighting.count - 1, y: row, style: .muted)
    row += 1
    let columns = overviewColumns(width: frame.width, data: data, language: language)
    let nameWidth = max(20, frame.width - 2 - 7 - columns.width * questionnaire.dimensionOrder.count)
    for (index, line) in columns.header.enumerated() {
      let last = index == columns.header.count - 1
      let head = (last ? UIString.profileArea.text(language).rightPadded(nameWidth) + "n".leftPadded(7) : "".rightPadded(nameWidth + 7)) + line
      frame.buffer.put(" " + head, x: 0, y: row, style: .bold)
      row += 1
    }
    let visible = visibleRows(size: Size(width: frame.width, height: frame.height), data: data, language: language)
    let end = min(data.areas.count, state.scroll + visible)
    for index in state.scroll ..< end {
      let area = data.areas[index]
      let selected = index == state.selection
      let indent = String(repeating: " ", count: area.level.depth * 2)
      let n = respondentsText(data.profile, area: area.code, part: part.id)
      let label = (indent + area.name).rightPadded(nameWidth) + n.leftPadded(7)
      frame.buffer.put(" " + label, x: 0, y: row, style: selected ? .selected : .plain)
      var x = 1 + label.count
      for dimension in questionnaire.dimensionOrder {
        let (text, style) = cell(data.figure(area: area.code, part: part.id, dimension: dimension), unicode: frame.unicode)
        frame.buffer.put(text.leftPadded(columns.width), x: x, y: row, style: selected ? .selected : style)
        x += columns.width
      }
      row += 1
    }
    if let legend = columns.legend {
      let lines = TextLayout.wrap(legend, width: frame.width - 2).count
      frame.paragraph(legend, y: frame.bodyBottom - lines, style: .muted)
    }
  }

  static func drawArea(_ frame: inout ScreenFrame, state: DashboardState, data: DashboardData, part: Part) {
    let language = state.language
    let questionnaire = data.questionnaire
    let area = data.areas[min(state.selection, data.areas.count - 1)]
    let gemeente = data.gemeente(of: area)
    var row = frame.bodyTop
    let figures = questionnaire.dimensionOrder.map { data.figure(area: area.code, part: part.id, dimension: $0) }
    let n = respondentsText(data.profile, area: area.code, part: part.id)
    let weighting = weightingLabel(data, language: language)
    let rest = " (\(area.level.name(in: language)))  |  \(part.title.text(language))  |  n = \(n)"
    // Which view is shown goes at the right of the title line when it fits beside at least 8 letters of the
    // area's name, else under the figures. The name (from the database) is shortened at a word to make room.
    let labelOnTitle = 1 + 8 + rest.count + 2 + weighting.count + 1 <= frame.width
    let nameRoom = frame.width - 2 - rest.count - (labelOnTitle ? weighting.count + 2 : 0)
    frame.buffer.put(ScreenFrame.shortened(area.name, to: max(8, nameRoom)) + rest, x: 1, y: row, style: .heading, maxWidth: frame.width - 2)
    if labelOnTitle { frame.buffer.put(weighting, x: frame.width - weighting.count - 1, y: row, style: .muted) }
    let labelBelow = labelOnTitle ? nil : weighting
    row += 1
    if figures.allSatisfy({ $0?.suppressed ?? true }) {
      frame.paragraph(UIString.dashboardSuppressedArea.format(language, data.profile.minimumGroupSize), y: row + 2, style: .warning)
      return
    }
    if let breakdown = state.breakdown, let question = questionnaire.demographics.first(where: { $0.id == breakdown }) {
      // Figures on top, the breakdown below, both full width.
      row = drawFigures(&frame, figures: figures, questionnaire: questionnaire, language: language, x: 1, y: row, width: frame.width - 2)
      if let labelBelow { frame.buffer.put(labelBelow, x: max(1, frame.width - labelBelow.count - 1), y: row, style: .muted, maxWidth: frame.width - 2) }
      row += 1
      drawBreakdown(&frame, question: question, area: area, part: part, data: data, language: language, y: row)
      return
    }
    let webWidth = max(30, min(60, frame.width - 44))
    let names = dimensionNames(data, language: language)
    // Names longer than the figure table's column (and the web's captions) are abbreviated, with a legend.
    // The table's names as wide as its column allows, the web's captions up to 12 letters; on a narrow
    // screen both as the overview's abbreviations, so one short legend names them.
    let room = figureNameWidth(width: frame.width - webWidth - 2) - 1
    let tableWidth = room >= 12 ? room : DimensionColumns.narrowWidth - 1
    func axes(_ width: Int) -> [SpiderWebView.Axis] {
      zip(names, figures).map { name, figure in
        SpiderWebView.Axis(label: DimensionColumns.abbreviation(name, width: width), score: figure?.summary?.mean)
      }
    }
    let gemeenteScores: [Double?]? = gemeente.flatMap { gemeente in
      gemeente.code == area.code ? nil : questionnaire.dimensionOrder.map { data.figure(area: gemeente.code, part: part.id, dimension: $0)?.summary?.mean }
    }
    // The previous round's means follow from this round's means and their differences.
    let previousScores: [Double?] = figures.map { figure in
      guard let mean = figure?.summary?.mean, let trend = figure?.versusPrevious else { return nil }
      return mean - trend.estimate
    }
    let hasPrevious = previousScores.contains { $0 != nil }
    // This area solid, the gemeente dashed, the previous round dotted: told apart without colour too.
    // The row above the footer's notice is the last one free; the line-style legend ends there.
    let last = frame.bodyBottom - 1
    var lineLegend: String?
    if gemeenteScores != nil || hasPrevious {
      lineLegend = UIString.dashboardWebLegendDashed.format(language, gemeente?.name ?? "")
        + (hasPrevious ? UIString.dashboardWebLegendPrevious.text(language) : "")
    }
    let legendLines = lineLegend.map { TextLayout.wrap($0, width: webWidth - 1).count } ?? 0
    // Captions are abbreviated (and named in the legend) rather than cut by the web: the widest
    // abbreviation whose captions all fit whole.
    let webHeight = last - legendLines - row + 1
    var captionWidth = room >= 12 ? 12 : tableWidth
    while captionWidth > 3,
          !SpiderWebView(axes: axes(captionWidth), ascii: !frame.unicode).showsCaptionsWhole(frameWidth: webWidth, frameHeight: webHeight) {
      captionWidth -= 1
    }
    var web = SpiderWebView(axes: axes(captionWidth), ascii: !frame.unicode, overlay: gemeenteScores,
                            dottedOverlay: hasPrevious ? previousScores : nil, dashedOverlay: true)
    web.floors = DashboardAgenda.floorScores(data: data, area: area)
    web.draw(into: &frame.buffer, frame: Rect(x: 0, y: row, width: webWidth, height: webHeight))
    if let lineLegend { frame.paragraph(lineLegend, y: last - legendLines + 1, style: .muted, x: 1, width: webWidth - 1) }
    let x = webWidth + 1
    let width = frame.width - x - 1
    // The table names the dimensions as the web's captions do, so one legend entry explains each.
    let namesWidth = min(tableWidth, captionWidth)
    var y = drawFigures(&frame, figures: figures, questionnaire: questionnaire, language: language, x: x, y: row + 1, width: width,
                        abbreviatedTo: namesWidth, below: DashboardAgenda.below(data: data, area: area, figures: figures))
    if let note = countsNote(data.profile, area: area.code, part: part.id, figures: figures, names: names.map {
      DimensionColumns.abbreviation($0, width: namesWidth)
    }) {
      y = frame.paragraph(note, y: y, style: .muted, x: x, width: width)
    }
    if state.showingAgenda {
      DashboardAgenda.draw(&frame, data: data, area: area, figures: figures, x: x, y: y, width: width, last: last, namesWidth: namesWidth,
                           language: language)
      return
    }
    if let previous = data.previousRoundName {
      y = frame.paragraph(UIString.dashboardPrevious.format(language, previous), y: y, style: .muted, x: x, width: width)
    }
    if let labelBelow { y = frame.paragraph(labelBelow, y: y, style: .muted, x: x, width: width) }
    y = frame.paragraph(UIString.dashboardBreakdownHint.text(language), y: y, style: .muted, x: x, width: width)
    let entries = names.filter { $0.count > namesWidth }.map { "\(DimensionColumns.abbreviation($0, width: namesWidth)) = \($0)" }
    if !entries.isEmpty {
      y = frame.paragraph(entries.joined(separator: ", "), y: y, style: .muted, x: x, width: width)
    }
    DashboardAgenda.hint(&frame, data: data, area: area, x: x, y: y, width: width, last: last, language: language)
  }

  /// The dimension name column of the figure table in `width` cells.
  static func figureNameWidth(width: Int) -> Int { max(10, min(24, width - 31)) }

  /// The table of an area's figures per dimension; returns the row after it.
  static func drawFigures(_ frame: inout ScreenFrame, figures: [ProfileFigure?], questionnaire: Questionnaire, language: Language,
                          x: Int, y: Int, width: Int, abbreviatedTo: Int? = nil, below: Set<Dimension> = []) -> Int {
    let nameWidth = figureNameWidth(width: width)
    let shortWidth = min(nameWidth - 1 >= 12 ? nameWidth - 1 : DimensionColumns.narrowWidth - 1, abbreviatedTo ?? .max)
    let head = UIString.profileDimension.text(language).rightPadded(nameWidth) + UIString.profileMean.text(language).leftPadded(5)
      + UIString.profileInterval.text(language).leftPadded(10) + UIString.profileVersusRest.text(language).leftPadded(8)
      + UIString.profileVersusPrevious.text(language).leftPadded(8)
    frame.buffer.put(head, x: x, y: y, style: .bold, maxWidth: width)
    var row = y + 1
    for (dimension, figure) in zip(questionnaire.dimensionOrder, figures) {
      var line = DimensionColumns.abbreviation(questionnaire.name(of: dimension).text(language), width: shortWidth)
        .rightPadded(nameWidth)
      if let figure, !figure.suppressed, let summary = figure.summary {
        let interval = summary.confidenceInterval.map { SpiderWebView.formatScore($0.lowerBound) + "-" + SpiderWebView.formatScore($0.upperBound) } ?? "-"
        // A mean below the area's ondergrens carries ▼ (v without Unicode).
        let mark = below.contains(dimension) ? (frame.unicode ? "▼" : "v") : ""
        line += (mark + SpiderWebView.formatScore(summary.mean)).leftPadded(5) + interval.leftPadded(10)
          + difference(figure.versusRest).leftPadded(8) + difference(figure.versusPrevious).leftPadded(8)
      } else {
        line += "*".leftPadded(5)
      }
      frame.buffer.put(line, x: x, y: row, style: below.contains(dimension) ? .warning : .plain, maxWidth: width)
      row += 1
    }
    return row
  }

  /// An area's figures by the categories of a question: categories down, dimensions across.
  static func drawBreakdown(_ frame: inout ScreenFrame, question: DemographicQuestion, area: Area, part: Part, data: DashboardData,
                            language: Language, y: Int) {
    let questionnaire = data.questionnaire
    frame.buffer.put(question.question.text(language) + "  (b)", x: 1, y: y, style: .heading)
    let columns = DimensionColumns(names: dimensionNames(data, language: language), room: frame.width - 2 - 16 - 7)
    let labelWidth = max(16, frame.width - 2 - 7 - columns.width * questionnaire.dimensionOrder.count)
    var row = y + 1
    for (index, line) in columns.header.enumerated() {
      let n = index == columns.header.count - 1 ? "n" : ""
      frame.buffer.put("".rightPadded(labelWidth) + n.leftPadded(7) + line, x: 1, y: row, style: .bold)
      row += 1
    }
    let legendLines = columns.legend.map { TextLayout.wrap($0, width: frame.width - 2).count } ?? 0
    guard let profile = data.breakdowns[question.id] else { return }
    for choice in question.choices where row <= frame.bodyBottom - legendLines {
      let figures = questionnaire.dimensionOrder.map {
        data.figure(area: area.code, part: part.id, dimension: $0, in: profile, category: choice.id)
      }
      let n = respondentsText(profile, area: area.code, part: part.id, category: choice.id)
      frame.buffer.put(choice.label.text(language).rightPadded(labelWidth) + n.leftPadded(7), x: 1, y: row)
      var x = 1 + labelWidth + 7
      for figure in figures {
        let (text, style) = cell(figure, unicode: frame.unicode)
        frame.buffer.put(text.leftPadded(columns.width), x: x, y: row, style: style)
        x += columns.width
      }
      row += 1
    }
    if let legend = columns.legend { frame.paragraph(legend, y: row, style: .muted) }
  }

  /// The protected number of respondents of an area in a part (and category): the same published cell as
  /// `profile` shows; "*" when hidden, "-" when the profile has none.
  static func respondentsText(_ profile: Profile, area: String, part: String, category: String? = nil) -> String {
    guard let respondents = profile.respondents(area: area, partID: part, category: category) else { return "-" }
    return respondents.n.map(String.init) ?? "*"
  }

  /// "n: Name 23, ..." for the dimensions whose published n differs from the area's respondents; nil when none does.
  static func countsNote(_ profile: Profile, area: String, part: String, figures: [ProfileFigure?], names: [String]) -> String? {
    let respondents = profile.respondents(area: area, partID: part, category: nil)?.n
    let entries = zip(names, figures).compactMap { name, figure -> String? in
      guard let figure, !figure.suppressed, let n = figure.summary?.n, n != respondents else { return nil }
      return "\(name) \(n)"
    }
    return entries.isEmpty ? nil : "n: " + entries.joined(separator: ", ")
  }

  static func difference(_ difference: Difference?) -> String {
    guard let difference else { return "" }
    return (difference.estimate >= 0 ? "+" : "") + SpiderWebView.formatScore(difference.estimate) + (difference.isSignificant ? "!" : " ")
  }

  static func drawHelp(_ frame: inout ScreenFrame) {
    let language = frame.language
    frame.buffer.put(UIString.helpTitle.text(language), x: frame.margin, y: frame.bodyTop + 1, style: .heading)
    var row = frame.bodyTop + 3
    for key in [UIString.dashboardHelpMove, .dashboardHelpEnter, .dashboardHelpPart, .dashboardHelpBreakdown, .dashboardHelpWeighted, .helpLanguage,
                .dashboardHelpQuit] {
      row = frame.paragraph(key.text(language), y: row)
    }
    frame.footer(keys: [UIString.helpClose.text(language)], notice: nil)
  }
}

extension String {
  func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
  func rightPadded(_ width: Int) -> String {
    count > width ? String(prefix(max(0, width - 1))) + "." : self + String(repeating: " ", count: width - count)
  }
}
