import WijkwebCore

/// The consent text, read aloud; nothing is stored until the resident says yes.
enum ConsentScreen {
  static func draw(_ frame: inout ScreenFrame, questionnaire: Questionnaire?) -> [String] {
    let language = frame.language
    var row = frame.bodyTop + 1
    frame.buffer.put(UIString.consentTitle.text(language), x: frame.margin, y: row, style: .heading)
    row += 2
    if let questionnaire {
      row = frame.paragraph(questionnaire.consent.text(language), y: row) + 1
    }
    frame.keyLine(UIString.consentKeys.text(language), y: max(row, frame.bodyBottom - 1))
    return [UIString.keyBack.text(language)]
  }
}
