import WijkwebCore

/// The list of all keys (`?` or F1).
enum HelpScreen {
  static func draw(_ frame: inout ScreenFrame, takesText: Bool) {
    let language = frame.language
    frame.buffer.put(UIString.helpTitle.text(language), x: frame.margin, y: frame.bodyTop + 1, style: .heading)
    let lines: [UIString] = [
      .helpDigits, .helpTen, .helpArrows, .helpEnter, .helpDontKnow, .helpBack, .helpList,
      .helpText, .helpTab, .helpEscape, .helpFocus, .helpEarlier, .helpTakeHome, .helpLanguage, .helpHelp, .helpQuit,
    ]
    var row = frame.bodyTop + 3
    for line in lines where row <= frame.bodyBottom {
      row = frame.paragraph(line.text(language), y: row)
    }
    frame.footer(keys: [UIString.helpClose.text(language)], notice: nil)
  }
}
