import WijkwebCore

/// The agenda on the dashboard's area screen: the ondergrens of each dimension against the published
/// figure (a mean below it carries ▼ in the figure table), and what was agreed after the previous round.
/// Shown beside the web with `a`; otherwise one line says it is there (or that no ondergrens was agreed).
enum DashboardAgenda {
  /// The dimensions whose published mean (never a suppressed one) is below the area's ondergrens.
  static func below(data: DashboardData, area: Area, figures: [ProfileFigure?]) -> Set<Dimension> {
    let floors = data.floors.filter { $0.areaCode == area.code }
    guard !floors.isEmpty else { return [] }
    var result = Set<Dimension>()
    for (dimension, figure) in zip(data.questionnaire.dimensionOrder, figures) {
      let mean = figure.flatMap { $0.suppressed ? nil : $0.summary?.mean }
      if FloorMark(mean: mean, floor: floors.first { $0.dimension == dimension }).isBelow { result.insert(dimension) }
    }
    return result
  }

  /// The area's ondergrens per dimension in questionnaire order (nil where none was agreed), for the web.
  static func floorScores(data: DashboardData, area: Area) -> [Double?] {
    let floors = data.floors.filter { $0.areaCode == area.code }
    return data.questionnaire.dimensionOrder.map { dimension in floors.first { $0.dimension == dimension }?.value }
  }

  /// Wrapped lines from `y` down to `last` at most; returns the row after them.
  @discardableResult
  static func lines(_ frame: inout ScreenFrame, _ text: String, x: Int, y: Int, width: Int, last: Int, style: Style = .plain) -> Int {
    var row = y
    for line in TextLayout.wrap(text, width: width) where row <= last {
      frame.buffer.put(line, x: x, y: row, style: style, maxWidth: width)
      row += 1
    }
    return row
  }

  /// The line under the area's notes: `a` shows the agenda; no ondergrens is said plainly.
  static func hint(_ frame: inout ScreenFrame, data: DashboardData, area: Area, x: Int, y: Int, width: Int, last: Int, language: Language) {
    let none = !data.floors.contains { $0.areaCode == area.code }
    let text = (none ? UIString.dashboardAgendaHintNone : UIString.dashboardAgendaHint).text(language)
    lines(&frame, text, x: x, y: y, width: width, last: last, style: .muted)
  }

  /// The ondergrens per dimension and last round's actions (with their status) and opgaven, in the right column from `y`.
  static func draw(_ frame: inout ScreenFrame, data: DashboardData, area: Area, figures: [ProfileFigure?], x: Int, y: Int, width: Int,
                   last: Int, namesWidth: Int, language: Language) {
    let questionnaire = data.questionnaire
    func name(_ dimension: Dimension) -> String {
      DimensionColumns.abbreviation(questionnaire.name(of: dimension).text(language), width: namesWidth)
    }
    let floors = data.floors.filter { $0.areaCode == area.code }
    var row = y
    row = lines(&frame, UIString.reportFloorTitle.text(language), x: x, y: row, width: width, last: last, style: .bold)
    if floors.isEmpty {
      row = lines(&frame, UIString.agendaNoFloor.text(language), x: x, y: row, width: width, last: last)
    } else {
      for (dimension, figure) in zip(questionnaire.dimensionOrder, figures) {
        guard let floor = floors.first(where: { $0.dimension == dimension }) else { continue }
        let mean = figure.flatMap { $0.suppressed ? nil : $0.summary?.mean }
        let floorText = Floor.number(floor.value, language)
        let text: String
        switch FloorMark(mean: mean, floor: floor) {
        case .below(_, let mean):
          text = (frame.unicode ? "▼ " : "v ") + UIString.agendaBelowFloor.format(language, name(dimension) + " " + SpiderWebView.formatScore(mean), floorText)
        case .atOrAbove(_, let mean):
          text = UIString.agendaAtOrAboveFloor.format(language, name(dimension) + " " + SpiderWebView.formatScore(mean), floorText)
        default:
          text = name(dimension) + ": " + UIString.agendaFloorNoFigure.format(language, floorText)
        }
        row = lines(&frame, TerminalText.visible(text), x: x, y: row, width: width, last: last)
      }
      let without = questionnaire.dimensionOrder.filter { dimension in !floors.contains { $0.dimension == dimension } }
      if !without.isEmpty {
        row = lines(&frame, UIString.agendaNoFloor.text(language) + ": " + without.map(name).joined(separator: ", "), x: x, y: row,
                    width: width, last: last, style: .muted)
      }
    }
    if let agenda = data.previousAgendas.first(where: { $0.areaCode == area.code }), !agenda.isEmpty, row <= last {
      row = lines(&frame, UIString.reportAgendaTitle.text(language) + ": " + TerminalText.visible(agenda.roundName), x: x, y: row,
                  width: width, last: last, style: .bold)
      for action in agenda.actions where row <= last {
        frame.buffer.put(TerminalText.visible("- \(action.what) (\(action.status.text(language)))"), x: x, y: row,
                         style: action.status == .klaar ? .muted : .plain, maxWidth: width)
        row += 1
      }
      for task in agenda.tasks where row <= last {
        frame.buffer.put(TerminalText.visible("- \(name(task.dimension)): \(task.text)"), x: x, y: row, maxWidth: width)
        row += 1
      }
    }
    lines(&frame, UIString.dashboardAgendaBack.text(language), x: x, y: max(row, last), width: width, last: last, style: .muted)
  }
}
