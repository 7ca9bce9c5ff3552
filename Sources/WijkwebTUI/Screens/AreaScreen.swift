import WijkwebCore

/// Type-ahead search for the resident's wijk, buurt or village.
enum AreaScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState, context: InterviewContext) -> [String] {
    let language = frame.language
    var row = frame.bodyTop + 1
    frame.buffer.put(UIString.areaTitle.text(language), x: frame.margin, y: row, style: .heading)
    row += 2
    frame.buffer.put(UIString.areaPrompt.text(language), x: frame.margin, y: row)
    row += 2
    frame.buffer.put("> ", x: frame.margin, y: row, style: .bold)
    frame.buffer.put(state.query, x: frame.margin + 2, y: row, style: .bold.withUnderline, maxWidth: frame.bodyWidth - 2)
    frame.buffer.cursor = Point(x: frame.margin + 2 + state.query.count, y: row)
    row += 2
    let matches = context.areas.matches(state.query, limit: max(1, frame.bodyBottom - row))
    if state.query.isEmpty {
      frame.buffer.put(UIString.areaTypeMore.text(language), x: frame.margin + 2, y: row, style: .muted)
    } else if matches.isEmpty {
      frame.buffer.put(UIString.areaNoMatch.text(language), x: frame.margin + 2, y: row, style: .warning)
    }
    for (index, match) in matches.enumerated() {
      var line = match.matchedName
      if match.matchedName != match.area.name { line += " (" + match.area.name + ")" }
      line += "  -  " + match.area.level.name(in: language)
      if let parent = match.parentName { line += ", " + parent }
      line += "  " + match.area.code
      let chosen = index == state.selection
      frame.buffer.put((chosen ? "> " : "  ") + line, x: frame.margin, y: row + index,
                       style: chosen ? .selected : .plain, maxWidth: frame.bodyWidth)
    }
    return [UIString.keyChoose.text(language)]
  }
}

extension Style {
  var withUnderline: Style {
    var copy = self
    copy.underline = true
    return copy
  }
}
