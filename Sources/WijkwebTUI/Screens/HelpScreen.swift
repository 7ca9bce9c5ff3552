import WijkwebCore

/// The keys of the screen the help was opened on (`?` or F1), from that screen's key table.
enum HelpScreen {
  static func draw(_ frame: inout ScreenFrame, step: InterviewState.Step) {
    let language = frame.language
    frame.buffer.put(UIString.helpTitle.text(language), x: frame.margin, y: frame.bodyTop + 1, style: .heading)
    let lines = InterviewKeyMap.helpLines(for: step)
    var row = frame.bodyTop + 3
    for line in lines where row <= frame.bodyBottom {
      row = frame.paragraph(line.text(language), y: row)
    }
    frame.footer(keys: [UIString.helpClose.text(language)], notice: nil)
  }
}
