import WijkwebCore

/// A reflection question with a multi-line text editor.
enum ReflectionScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState, questionnaire: Questionnaire, index: Int) -> [String] {
    let language = frame.language
    let prompt = questionnaire.reflection[index]
    var row = frame.bodyTop
    frame.buffer.put(UIString.reflectionTitle.text(language), x: frame.margin, y: row, style: .heading)
    let progress = UIString.reflectionProgress.format(language, index + 1, questionnaire.reflection.count)
    frame.buffer.put(progress, x: frame.margin + frame.bodyWidth - progress.count, y: row, style: .bold)
    row += 2
    row = frame.paragraph(prompt.prompt.text(language), y: row, style: .bold) + 1
    TextBox.draw(&frame, editor: state.editor, top: row, bottom: frame.bodyBottom - 2)
    frame.paragraph(UIString.reflectionHint.text(language), y: frame.bodyBottom - 1, style: .muted)
    return [UIString.keyNext.text(language), UIString.keyEscBack.text(language)]
  }
}
