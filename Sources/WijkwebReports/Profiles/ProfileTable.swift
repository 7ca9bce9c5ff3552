import WijkwebCore

/// A profile as text for an 80-column terminal, in Dutch (or English): areas by dimensions, or one
/// area's figures per dimension.
public struct ProfileTable {
  public var profile: Profile
  public var questionnaire: Questionnaire
  public var round: String
  public var language: Language
  /// Whether the terminal shows ▲ and ▼; otherwise + and -.
  public var unicode: Bool

  public init(profile: Profile, questionnaire: Questionnaire, round: String, language: Language = .dutch, unicode: Bool = true) {
    self.profile = profile
    self.questionnaire = questionnaire
    self.round = round
    self.language = language
    self.unicode = unicode
  }

  private func text(_ key: UIString, _ arguments: CustomStringConvertible...) -> String {
    key.format(language, arguments: arguments)
  }

  private func header(partID: String) -> [String] {
    let part = questionnaire.parts.first { $0.id == partID }?.title.text(language) ?? partID
    let weighting = profile.weighted ? text(.profileWeighted) : text(.profileUnweighted)
    return [
      "\(text(.profileTitle))  \(UIString.roundLabel.text(language)): \(round)  \(text(.profilePart)): \(part)",
      "(\(weighting), \(text(.profileMinimum, profile.minimumGroupSize)))",
    ]
  }

  /// A mean with its marker: ▲ significantly above the rest of the gemeente, ▼ below.
  func cell(_ figure: ProfileFigure?) -> String {
    guard let figure else { return "" }
    if figure.suppressed { return "*" }
    guard let summary = figure.summary else { return "-" }
    var marker = " "
    if let rest = figure.versusRest, rest.isSignificant {
      marker = rest.estimate > 0 ? (unicode ? "▲" : "+") : (unicode ? "▼" : "-")
    }
    return NumberFormat.dutch(summary.mean) + marker
  }

  /// Areas down the side, the six dimensions across: one block per part (and per category).
  public func overview(figures: [ProfileFigure]) -> String {
    var lines: [String] = []
    let parts = questionnaire.parts.map(\.id).filter { id in figures.contains { $0.partID == id } }
    for partID in parts {
      lines += header(partID: partID)
      var head = text(.profileArea).rightPadded(profile.breakdown == nil ? 24 : 16)
      if profile.breakdown != nil { head += text(.profileCategory).rightPadded(9) }
      head += "n".leftPadded(6)
      for dimension in questionnaire.dimensionOrder {
        head += String(questionnaire.name(of: dimension).text(language).prefix(7)).leftPadded(8)
      }
      lines.append(head)
      let partFigures = figures.filter { $0.partID == partID }
      var seen: [String] = []
      for figure in partFigures where !seen.contains(rowKey(figure)) {
        seen.append(rowKey(figure))
        let row = partFigures.filter { rowKey($0) == rowKey(figure) }
        let indent = String(repeating: " ", count: figure.area.level.depth)
        var line = (indent + figure.area.name).rightPadded(profile.breakdown == nil ? 24 : 16)
        if profile.breakdown != nil { line += (figure.category ?? text(.profileEveryone)).rightPadded(9) }
        let respondents = profile.respondents(of: figure)
        line += respondentsCell(respondents, row).leftPadded(6)
        for dimension in questionnaire.dimensionOrder {
          line += cell(row.first { $0.dimension == dimension }).leftPadded(8)
        }
        lines.append(line)
        let differing = differingCounts(row, respondents: respondents)
        if !differing.isEmpty {
          lines.append(String(repeating: " ", count: (profile.breakdown == nil ? 24 : 25) - 2) + "n: "
            + differing.map { "\(questionnaire.name(of: $0.dimension).text(language).prefix(7)) \($0.n)" }.joined(separator: ", "))
        }
      }
      lines.append("")
    }
    lines.append(text(.profileLegendSuppressed, profile.minimumGroupSize))
    lines.append(text(.profileLegendRespondents))
    lines.append(text(.profileLegendMarker, unicode ? "▲" : "+", unicode ? "▼" : "-"))
    return lines.joined(separator: "\n") + "\n"
  }

  /// The number of respondents of a row's area (a protected cell of its own): "*" when hidden, "-" when the
  /// area has none.
  func respondentsCell(_ respondents: ProfileRespondents?, _ row: [ProfileFigure]) -> String {
    if let n = respondents?.n { return String(n) }
    return respondents == nil || row.allSatisfy({ $0.summary == nil && !$0.suppressed }) ? "-" : "*"
  }

  /// The dimensions of a row whose published n differs from the area's published number of respondents
  /// (some respondents answered none of that dimension's statements), in the questionnaire's order.
  func differingCounts(_ row: [ProfileFigure], respondents: ProfileRespondents?) -> [(dimension: Dimension, n: Int)] {
    questionnaire.dimensionOrder.compactMap { dimension in
      guard let n = row.first(where: { $0.dimension == dimension && !$0.suppressed })?.summary?.n, n != respondents?.n else { return nil }
      return (dimension, n)
    }
  }

  private func rowKey(_ figure: ProfileFigure) -> String { figure.area.code + "|" + (figure.category ?? "") }

  /// One area: a line per dimension with mean, interval, median, quartiles, share below 5.5 and the
  /// differences with the rest of the gemeente and the previous round.
  public func detail(figures: [ProfileFigure]) -> String {
    var lines: [String] = []
    guard let area = figures.first?.area else { return text(.profileNoData) + "\n" }
    for partID in questionnaire.parts.map(\.id) {
      let partFigures = figures.filter { $0.partID == partID && $0.category == nil }
      if partFigures.isEmpty { continue }
      lines += header(partID: partID)
      let respondents = profile.respondents(area: area.code, partID: partID, category: nil)
      lines.append("\(area.name) (\(area.level.name(in: language)), \(area.code))  n = "
        + respondentsCell(respondents, partFigures))
      lines.append(
        text(.profileDimension).rightPadded(22) + "n".leftPadded(5) + text(.profileMean).leftPadded(6)
          + text(.profileInterval).leftPadded(12) + text(.profileMedian).leftPadded(6) + text(.profileBelowPass).leftPadded(8)
          + text(.profileVersusRest).leftPadded(10) + text(.profileVersusPrevious).leftPadded(10))
      for dimension in questionnaire.dimensionOrder {
        guard let figure = partFigures.first(where: { $0.dimension == dimension }) else { continue }
        var line = questionnaire.name(of: dimension).text(language).rightPadded(22)
        if figure.suppressed {
          line += "*".leftPadded(5)
        } else if let summary = figure.summary {
          let interval = summary.confidenceInterval.map { NumberFormat.dutch($0.lowerBound) + "-" + NumberFormat.dutch($0.upperBound) } ?? "-"
          line += (summary.n == respondents?.n ? "" : String(summary.n)).leftPadded(5) + NumberFormat.dutch(summary.mean).leftPadded(6) + interval.leftPadded(12)
            + NumberFormat.dutch(summary.median).leftPadded(6) + NumberFormat.percent(summary.shareBelowPass).leftPadded(8)
            + difference(figure.versusRest).leftPadded(10) + difference(figure.versusPrevious).leftPadded(10)
        } else {
          line += "-".leftPadded(5)
        }
        lines.append(line)
      }
      if profile.weighted {
        let sizes = partFigures.filter { !$0.suppressed }.compactMap { $0.summary?.effectiveSampleSize }
        if let low = sizes.min(), let high = sizes.max() {
          let shown = NumberFormat.dutch(low) == NumberFormat.dutch(high)
            ? NumberFormat.dutch(low) : NumberFormat.dutch(low) + "-" + NumberFormat.dutch(high)
          lines.append(text(.profileEffectiveSize, shown))
        }
      }
      lines.append("")
    }
    lines.append(text(.profileLegendSuppressed, profile.minimumGroupSize))
    lines.append(text(.profileLegendRespondents))
    lines.append(text(.profileLegendDifference))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A difference with a sign, starred when its 95% interval excludes zero.
  func difference(_ difference: Difference?) -> String {
    guard let difference else { return "" }
    let sign = difference.estimate >= 0 ? "+" : ""
    return sign + NumberFormat.dutch(difference.estimate) + (difference.isSignificant ? "!" : " ")
  }
}
