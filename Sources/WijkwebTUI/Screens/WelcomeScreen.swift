import WijkwebCore

/// The first screen: what the interview is, and Enter to begin.
enum WelcomeScreen {
  static func draw(_ frame: inout ScreenFrame, questionnaire: Questionnaire?) -> [String] {
    let language = frame.language
    var row = frame.bodyTop + 2
    frame.buffer.putCentered(UIString.welcomeTitle.text(language), y: row, style: .heading)
    row += 2
    if let questionnaire {
      frame.buffer.putCentered(questionnaire.title.text(language), y: row, style: .bold)
      row += 2
    }
    row = frame.paragraph(UIString.welcomeIntro.text(language), y: row, centered: true) + 1
    if let basedOn = questionnaire?.basedOn {
      row = frame.paragraph(basedOn.text(language), y: row, style: .muted, centered: true) + 1
    }
    frame.paragraph(UIString.welcomeStart.text(language), y: max(row, frame.bodyBottom - 2), style: .bold, centered: true)
    return [UIString.keyContinue.text(language), UIString.keyQuit.text(language)]
  }
}
