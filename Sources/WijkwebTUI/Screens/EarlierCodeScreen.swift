import WijkwebCore

/// Asks the receipt code of an earlier interview, with the resident's consent, to show that web beside today's.
enum EarlierCodeScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState) -> [String] {
    let language = frame.language
    var row = frame.bodyTop + 1
    frame.buffer.put(UIString.earlierTitle.text(language), x: frame.margin, y: row, style: .heading)
    row = frame.paragraph(UIString.earlierText.text(language), y: row + 2) + 1
    let label = UIString.earlierPrompt.text(language) + ": "
    frame.buffer.put(label, x: frame.margin, y: row, style: .bold)
    frame.buffer.put(state.earlierCode, x: frame.margin + label.count, y: row, style: .selected)
    frame.buffer.cursor = Point(x: frame.margin + label.count + state.earlierCode.count, y: row)
    return [UIString.keyConfirm.text(language), UIString.keyEscBack.text(language)]
  }
}
