import WijkwebCore

/// The volunteer picks the round and types their volunteer code.
enum VolunteerScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState, context: InterviewContext) -> [String] {
    let language = frame.language
    var row = frame.bodyTop + 1
    frame.buffer.put(UIString.volunteerTitle.text(language), x: frame.margin, y: row, style: .heading)
    row += 2
    frame.buffer.put(UIString.volunteerRound.text(language) + ":", x: frame.margin, y: row, style: .bold)
    row += 1
    for (index, round) in context.rounds.enumerated() where row < frame.bodyBottom - 5 {
      let chosen = index == state.roundIndex
      let marker = chosen ? "> " : "  "
      frame.buffer.put(marker + TerminalText.visible(round.name) + "  (" + round.questionnaire.title.text(language) + ")",
                       x: frame.margin + 2, y: row, style: chosen ? .selected : .plain, maxWidth: frame.bodyWidth - 2)
      row += 1
    }
    if context.rounds.count > 1 {
      frame.buffer.put(UIString.volunteerRoundHint.text(language), x: frame.margin + 2, y: row, style: .muted)
      row += 1
    }
    row += 1
    let label = UIString.volunteerCode.text(language) + ": "
    frame.buffer.put(label, x: frame.margin, y: row, style: .bold)
    let fieldX = frame.margin + label.count
    frame.buffer.put(state.volunteerCode + String(repeating: "_", count: 12 - state.volunteerCode.count), x: fieldX, y: row, style: .underline.withBold)
    frame.buffer.cursor = Point(x: fieldX + state.volunteerCode.count, y: row)
    row += 2
    row = frame.paragraph(UIString.volunteerCodeHint.text(language), y: row, style: .muted) + 1
    // Languages from language files: a draft no native speaker has checked carries the concept mark;
    // Arabic, which this screen cannot show, is pointed to the plain mode.
    let offered = Set(context.rounds.flatMap(\.questionnaire.languages))
    let extra = LanguagePacks.registered.filter { offered.contains($0.language) }
    if !extra.isEmpty {
      let names = ["Nederlands", "English"]
        + extra.map { $0.name + ($0.status == .concept ? " [" + UIString.languageConcept.text(language) + "]" : "") }
      row = frame.paragraph(UIString.volunteerLanguages.format(language, names.joined(separator: ", ")), y: row, style: .muted)
    }
    if LanguagePacks.info(for: Language("ar")) != nil, !offered.contains(Language("ar")) {
      frame.paragraph(UIString.arabicPlainOnly.text(language), y: row, style: .muted)
    }
    return [UIString.keyContinue.text(language), UIString.keyEscBack.text(language)]
  }
}

extension Style {
  static let underline = Style(underline: true)
  var withBold: Style {
    var copy = self
    copy.bold = true
    return copy
  }
}
