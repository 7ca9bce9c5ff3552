/// Lays out one area's page on A4 in pure code: where every web, line and text goes. The PDF and the
/// HTML draw the same layout, so what the tests check here is what is printed.
public struct ReportLayout {
  /// A4 in points.
  public static let pageWidth = 595.28
  public static let pageHeight = 841.89
  public static let margin = 40.0
  static var contentWidth: Double { pageWidth - 2 * margin }

  /// The tallest a web's box may be.
  static let webHeight = 172.0
  static let tableSize = 8.5
  static let rowHeight = 11.0
  static let bodySize = 8.5
  static let footerSize = 6.8

  /// The table's columns as shares of the content width; the first holds the dimension's name.
  static let columnShares = [0.25, 0.11, 0.16, 0.13, 0.16, 0.19]

  /// The page of `report`, with `pageLabel` ("pagina 2 van 37") at the foot.
  public static func page(_ report: AreaReport, pageLabel: String) -> Drawing {
    firstPage(report, pageLabel: pageLabel).drawing
  }

  /// The area's first page, and whether its agenda section did not fit on it (it then goes on a second page).
  static func firstPage(_ report: AreaReport, pageLabel: String) -> (drawing: Drawing, agendaOverflows: AgendaOverflow) {
    var layout = Cursor()
    layout.text(report.instrument, size: 8.5, colour: .muted)
    layout.y += 4
    layout.text(report.title, size: 19, weight: .bold)
    layout.y += 2
    let subtitleTop = layout.y
    layout.text(report.subtitle, size: 10, colour: .text)
    layout.y += 5
    layout.rule()
    layout.y += 8
    let footerTop = layout.footer(report.footer, pageLabel: pageLabel)
    let noFloorInBody = !layout.noFloorBesideSubtitle(report, top: subtitleTop)
    if report.suppressed {
      layout.y += 30
      if let why = report.suppressedText {
        layout.text(why.heading, size: 14, weight: .bold)
        layout.y += 6
        layout.paragraph(why.detail, size: 10.5)
      }
      let overflow = report.agenda.map { layout.agendaBlocks($0, noFloorInBody: false, limit: footerTop) } ?? .none
      return (layout.drawing, overflow)
    }
    layout.webs(report)
    layout.legend(report.legend)
    for part in report.parts {
      layout.y += 6
      layout.table(part)
    }
    if !report.strengths.isEmpty {
      layout.y += 6
      for sentence in report.strengths { layout.paragraph(sentence, size: bodySize, limit: footerTop) }
    }
    var agendaOverflows = AgendaOverflow.none
    if let agenda = report.agenda {
      // Each block here when it fits whole, else it goes to a second page (`ReportLayout+Agenda.swift`).
      agendaOverflows = layout.agendaBlocks(agenda, noFloorInBody: noFloorInBody, limit: footerTop)
    }
    if let starters = report.starters, layout.y + 50 < footerTop {
      layout.y += 6
      layout.heading(starters.heading)
      layout.paragraph(starters.intro, size: bodySize, colour: .muted, limit: footerTop)
      for item in starters.items {
        layout.labelled(item.dimension, item.topics.joined(separator: "  ·  "), size: bodySize, maxLines: 2, limit: footerTop)
      }
    }
    if let quotes = report.quotes {
      layout.y += 6
      if layout.y + 40 < footerTop {
        layout.heading(quotes.heading)
        for quote in quotes.items {
          let text = "\u{201C}" + quote.text + "\u{201D}"
          if !layout.labelled(quote.dimension ?? "", text, size: bodySize, maxLines: 3, limit: footerTop) { break }
        }
      }
    }
    return (layout.drawing, agendaOverflows)
  }

  /// A running position down the page that places elements and advances.
  struct Cursor {
    var drawing = Drawing(width: ReportLayout.pageWidth, height: ReportLayout.pageHeight)
    var y = ReportLayout.margin
    let left = ReportLayout.margin
    let width = ReportLayout.contentWidth

    /// One line of text whose top is at `y`; moves `y` below it.
    mutating func text(_ string: String, size: Double, weight: FontWeight = .regular, colour: RGB = .text, x: Double? = nil) {
      let baseline = y + TextMetrics.ascent * size
      let fitted = TextMetrics.wrap(string, width: width, size: size, weight: weight, maxLines: 1).first ?? ""
      drawing.elements.append(.text(fitted, at: PagePoint(x: x ?? left, y: baseline), size: size, weight: weight, colour: colour, anchor: .start))
      y = baseline + TextMetrics.descent * size
    }

    mutating func heading(_ string: String) {
      text(string, size: 10.5, weight: .bold)
      y += 2
    }

    mutating func rule() {
      drawing.elements.append(.line(from: PagePoint(x: left, y: y), to: PagePoint(x: left + width, y: y), stroke: Stroke(colour: .rule, width: 0.8)))
    }

    /// Wrapped text over the full width; lines that would pass `limit` (the footer's top) are left out.
    mutating func paragraph(_ string: String, size: Double, colour: RGB = .text, limit: Double = .infinity) {
      for line in TextMetrics.wrap(string, width: width, size: size) {
        guard y + (TextMetrics.ascent + TextMetrics.descent) * size <= limit else { return }
        text(line, size: size, colour: colour)
        y += size * 0.2
      }
    }

    /// A bold label in a left column beside wrapped text; false (and nothing drawn) when it would pass `limit`.
    @discardableResult
    mutating func labelled(_ label: String, _ string: String, size: Double, maxLines: Int, limit: Double) -> Bool {
      let labelWidth = width * 0.24
      let lines = TextMetrics.wrap(string, width: width - labelWidth - 6, size: size, maxLines: maxLines)
      let lineHeight = size * 1.25
      let labelLines = TextMetrics.wrap(label, width: labelWidth - 6, size: size, weight: .bold, maxLines: 2)
      let height = Double(max(lines.count, labelLines.count)) * lineHeight
      guard y + height + 2 <= limit else { return false }
      for (index, line) in labelLines.enumerated() {
        drawing.elements.append(.text(line, at: PagePoint(x: left, y: y + TextMetrics.ascent * size + Double(index) * lineHeight),
                                      size: size, weight: .bold, colour: .text, anchor: .start))
      }
      for (index, line) in lines.enumerated() {
        drawing.elements.append(.text(line, at: PagePoint(x: left + labelWidth, y: y + TextMetrics.ascent * size + Double(index) * lineHeight),
                                      size: size, weight: .regular, colour: .text, anchor: .start))
      }
      y += height + 3
      return true
    }

    /// The parts' webs side by side, each under its title.
    mutating func webs(_ report: AreaReport) {
      let count = max(1, report.parts.count)
      let column = width / Double(count)
      for (index, part) in report.parts.enumerated() {
        let x = left + Double(index) * column
        drawing.elements.append(.text(part.title, at: PagePoint(x: x + column / 2, y: y + TextMetrics.ascent * 10), size: 10, weight: .bold,
                                      colour: .text, anchor: .middle))
        var series: [WebSeries] = []
        if let previous = part.previous { series.append(WebSeries(scores: previous, style: .previous)) }
        if let gemeente = part.gemeente { series.append(WebSeries(scores: gemeente, style: .comparison)) }
        series.append(WebSeries(scores: part.area, style: .main))
        let web = SpiderWebDrawing.make(width: column - 8, height: ReportLayout.webHeight, axisNames: part.dimensionNames, series: series,
                                        floors: part.floors ?? [])
        drawing.place(web, x: x + 4, y: y + 14)
      }
      y += 14 + ReportLayout.webHeight
    }

    /// A sample of each series' line with its label, in one centred row.
    mutating func legend(_ legend: (area: String, gemeente: String?, previous: String?)) {
      let size = 8.0
      var entries: [(WebSeriesStyle, String)] = [(.main, legend.area)]
      if let gemeente = legend.gemeente { entries.append((.comparison, gemeente)) }
      if let previous = legend.previous { entries.append((.previous, previous)) }
      let sample = 26.0
      let spacing = 18.0
      // Long names (a round, a gemeente) are shortened at a word so the row stays within the margins.
      let share = (width - spacing * Double(entries.count - 1)) / Double(entries.count) - sample - 5
      if entries.map({ sample + 5 + TextMetrics.width($0.1, size: size) }).reduce(0, +) + spacing * Double(entries.count - 1) > width {
        entries = entries.map { ($0.0, TextMetrics.wrap($0.1, width: share, size: size, maxLines: 1).first ?? "") }
      }
      let widths = entries.map { sample + 5 + TextMetrics.width($0.1, size: size) }
      var x = left + max(0, (width - widths.reduce(0, +) - spacing * Double(entries.count - 1)) / 2)
      let middle = y + size / 2
      for (index, entry) in entries.enumerated() {
        let style = entry.0
        if let fill = style.fill {
          drawing.elements.append(.polygon([PagePoint(x: x, y: middle - 4), PagePoint(x: x + sample, y: middle - 4), PagePoint(x: x + sample, y: middle + 4),
                                            PagePoint(x: x, y: middle + 4)], stroke: nil, fill: fill.colour, fillOpacity: fill.opacity))
        }
        drawing.elements.append(.line(from: PagePoint(x: x, y: middle), to: PagePoint(x: x + sample, y: middle), stroke: style.stroke))
        drawing.elements.append(.text(entry.1, at: PagePoint(x: x + sample + 5, y: middle + size * 0.35), size: size, weight: .regular,
                                      colour: .text, anchor: .start))
        x += widths[index] + spacing
      }
      y += size + 4
    }

    /// A part's table: its title, a header and a row per dimension; significant differences in bold.
    mutating func table(_ part: PartReport) {
      let size = ReportLayout.tableSize
      let shares = ReportLayout.columnShares
      var edges = [left]
      for share in shares { edges.append((edges.last ?? left) + share * width) }
      text(part.title, size: 9.5, weight: .bold)
      y += 1
      rule()
      y += 1
      // Header: up to two lines per column, numbers' columns right-aligned.
      let headerTexts = part.headers
      var headerLines = 1
      for (column, header) in headerTexts.enumerated() {
        let columnWidth = edges[column + 1] - edges[column] - 4
        let lines = TextMetrics.wrap(header, width: columnWidth, size: size - 0.5, weight: .bold, maxLines: 2)
        headerLines = max(headerLines, lines.count)
        for (index, line) in lines.enumerated() {
          let point = column == 0 ? PagePoint(x: edges[0], y: y + TextMetrics.ascent * size + Double(index) * size * 1.1)
            : PagePoint(x: edges[column + 1] - 2, y: y + TextMetrics.ascent * size + Double(index) * size * 1.1)
          drawing.elements.append(.text(line, at: point, size: size - 0.5, weight: .bold, colour: .muted, anchor: column == 0 ? .start : .end))
        }
      }
      y += Double(headerLines) * size * 1.1 + 3
      for (index, row) in part.rows.enumerated() {
        if index % 2 == 0 {
          drawing.elements.append(.rect(PageRect(x: left, y: y - 1.5, width: width, height: ReportLayout.rowHeight), stroke: nil, fill: RGB(hex: 0xF0F0F0)))
        }
        let baseline = y + TextMetrics.ascent * size
        let nameWidth = edges[1] - edges[0] - 4
        let name = TextMetrics.wrap(row.name, width: nameWidth, size: size, maxLines: 1).first ?? ""
        drawing.elements.append(.text(name, at: PagePoint(x: edges[0] + 2, y: baseline), size: size, weight: .regular, colour: .text, anchor: .start))
        if let missing = row.missing {
          drawing.elements.append(.text(missing, at: PagePoint(x: edges[2] - 2, y: baseline), size: size, weight: .regular, colour: .muted, anchor: .end))
        } else {
          let cells: [(String, Bool)] = [
            (row.mean, false), (row.interval, false), (row.belowPass, false),
            (row.versusGemeente?.text ?? "", row.versusGemeente?.significant ?? false),
            (row.versusPrevious?.text ?? "", row.versusPrevious?.significant ?? false),
          ]
          for (offset, cell) in cells.enumerated() where !cell.0.isEmpty {
            drawing.elements.append(.text(cell.0, at: PagePoint(x: edges[offset + 2] - 2, y: baseline), size: size,
                                          weight: cell.1 || offset == 0 ? .bold : .regular, colour: cell.1 || offset == 0 ? .text : .muted,
                                          anchor: .end))
          }
        }
        y += ReportLayout.rowHeight
      }
      if let note = part.countsNote {
        y += 1
        paragraph(note, size: size - 1, colour: .muted)
      }
    }

    /// The method note and the page number at the foot of the page; returns the note's top.
    mutating func footer(_ note: String, pageLabel: String) -> Double {
      let size = ReportLayout.footerSize
      let lineHeight = size * 1.3
      let lines = TextMetrics.wrap(note, width: width, size: size)
      let bottom = ReportLayout.pageHeight - ReportLayout.margin
      let top = bottom - Double(lines.count + 1) * lineHeight - 6
      drawing.elements.append(.line(from: PagePoint(x: left, y: top), to: PagePoint(x: left + width, y: top), stroke: Stroke(colour: .grid, width: 0.5)))
      for (index, line) in lines.enumerated() {
        drawing.elements.append(.text(line, at: PagePoint(x: left, y: top + 4 + TextMetrics.ascent * size + Double(index) * lineHeight),
                                      size: size, weight: .regular, colour: .muted, anchor: .start))
      }
      drawing.elements.append(.text(pageLabel, at: PagePoint(x: left + width, y: bottom - TextMetrics.descent * size), size: size,
                                    weight: .regular, colour: .muted, anchor: .end))
      return top - 4
    }
  }
}
