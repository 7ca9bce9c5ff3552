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
    let matches = context.areas.matches(state.query)
    if state.query.isEmpty {
      frame.buffer.put(UIString.areaTypeMore.text(language), x: frame.margin + 2, y: row, style: .muted)
    } else if matches.isEmpty {
      frame.buffer.put(UIString.areaNoMatch.text(language), x: frame.margin + 2, y: row, style: .warning)
    }
    // The list scrolls with the highlight; "k van n" below it says where it is.
    let visible = max(1, frame.bodyBottom - row - (matches.count > 1 ? 1 : 0))
    let first = state.selection < visible ? 0 : state.selection - visible + 1
    for (offset, match) in matches.dropFirst(first).prefix(visible).enumerated() {
      let index = first + offset
      // Area names come from an area file: control characters made visible.
      var line = TerminalText.visible(match.matchedName)
      if match.matchedName != match.area.name { line += " (" + TerminalText.visible(match.area.name) + ")" }
      line += "  -  " + match.area.level.name(in: language)
      if let parent = match.parentName { line += ", " + TerminalText.visible(parent) }
      line += "  " + match.area.code
      let chosen = index == state.selection
      frame.buffer.put((chosen ? "> " : "  ") + line, x: frame.margin, y: row + offset,
                       style: chosen ? .selected : .plain, maxWidth: frame.bodyWidth)
    }
    if matches.count > 1 {
      frame.buffer.put(UIString.areaPosition.format(language, state.selection + 1, matches.count), x: frame.margin + 2,
                       y: row + min(visible, matches.count), style: .muted)
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
