import WijkwebCore

/// The page a resident takes home: their own web per part, the scores per dimension and the date.
/// Nothing else: no receipt code, no area, nothing that identifies them.
public enum TakeHomeLayout {
  /// The A4 page for `scores` (from the interview's completed response), texts in `language`, or in
  /// Dutch with a line saying why when the language's script cannot be set (see `LanguagePacks.printable`).
  public static func page(scores: [DimensionScore], questionnaire: Questionnaire, language requested: Language, date: String) -> Drawing {
    let language = LanguagePacks.printable(requested)
    let width = ReportLayout.pageWidth
    let margin = ReportLayout.margin
    let content = width - 2 * margin
    var drawing = Drawing(width: width, height: ReportLayout.pageHeight)
    var y = margin
    func line(_ text: String, size: Double, weight: FontWeight = .regular, colour: RGB = .text, x: Double = margin,
              anchor: TextAnchor = .start) {
      y += TextMetrics.ascent * size
      drawing.elements.append(.text(text, at: PagePoint(x: x, y: y), size: size, weight: weight, colour: colour, anchor: anchor))
      y += TextMetrics.descent * size
    }
    line(questionnaire.title.text(language), size: 10, colour: .muted)
    y += 6
    line(UIString.takeHomeTitle.text(language), size: 24, weight: .bold)
    y += 4
    line(UIString.takeHomeDate.format(language, date), size: 11)
    if language != requested {
      y += 4
      for text in TextMetrics.wrap(UIString.takeHomePrintedInDutch.text(language), width: content, size: 10) {
        line(text, size: 10, colour: .muted)
      }
    }
    y += 10
    drawing.elements.append(.line(from: PagePoint(x: margin, y: y), to: PagePoint(x: width - margin, y: y), stroke: Stroke(colour: .rule, width: 0.8)))
    y += 18
    let names = questionnaire.dimensionOrder.map { questionnaire.name(of: $0).text(language) }
    // Each part gets a web as wide as the page and a list of its scores beside nothing else; two parts
    // share the page from top to bottom.
    let parts = questionnaire.parts.filter { part in scores.contains { $0.partID == part.id } }
    let noteLines = TextMetrics.wrap(UIString.takeHomeNote.text(language), width: content, size: 10)
    let noteHeight = Double(noteLines.count) * 13 + 10
    let available = ReportLayout.pageHeight - margin - noteHeight - y
    let block = available / Double(max(1, parts.count))
    for part in parts {
      let top = y
      let values = questionnaire.dimensionOrder.map { dimension in scores.first { $0.partID == part.id && $0.dimension == dimension }?.score }
      line(part.title.text(language), size: 13, weight: .bold)
      y += 4
      let webWidth = content * 0.66
      let webHeight = block - (y - top) - 10
      let web = SpiderWebDrawing.make(width: webWidth, height: webHeight, axisNames: names,
                                      series: [WebSeries(scores: values, style: .main, skipsMissing: true)], labelSize: 8.5)
      drawing.place(web, x: margin, y: y)
      // The scores beside the web, one per line, vertically centred on it.
      let listX = margin + webWidth + 16
      let rowHeight = 17.0
      var rowY = y + (webHeight - rowHeight * Double(names.count)) / 2
      for (index, name) in names.enumerated() {
        let score = values[index].map { language == .dutch ? NumberFormat.dutch($0) : NumberFormat.machine($0, decimals: 1) } ?? "–"
        let baseline = rowY + TextMetrics.ascent * 10.5
        let nameText = TextMetrics.wrap(name, width: width - margin - listX - 36, size: 10.5, maxLines: 1).first ?? ""
        drawing.elements.append(.text(nameText, at: PagePoint(x: listX, y: baseline), size: 10.5, weight: .regular, colour: .text, anchor: .start))
        drawing.elements.append(.text(score, at: PagePoint(x: width - margin, y: baseline), size: 10.5, weight: .bold, colour: .text, anchor: .end))
        rowY += rowHeight
      }
      y = top + block
    }
    y = ReportLayout.pageHeight - margin - noteHeight + 10
    for text in noteLines {
      line(text, size: 10, colour: .muted)
      y += 13 - (TextMetrics.ascent + TextMetrics.descent) * 10
    }
    return drawing
  }
}
