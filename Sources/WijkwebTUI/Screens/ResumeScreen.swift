import WijkwebCore

/// Offers an interrupted interview: resume it, or discard it after confirmation.
enum ResumeScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState) -> [String] {
    let language = frame.language
    var row = frame.bodyTop + 3
    frame.buffer.putCentered(UIString.resumeTitle.text(language), y: row, style: .heading)
    row += 2
    if let saved = state.interrupted {
      let count = saved.answers.count
      row = frame.paragraph(UIString.resumeText.format(language, saved.startedAt, count), y: row, centered: true) + 1
      row = frame.paragraph(UIString.resumeSameResident.text(language), y: row, centered: true) + 2
    }
    if state.step == .confirmDiscard {
      frame.keyLine(UIString.discardConfirm.text(language), y: row, style: .warning)
    } else {
      frame.keyLine(UIString.resumeKeys.text(language), y: row)
    }
    return []
  }
}
