import WijkwebCore

/// One of the three dialogue questions about a dimension the resident chose on the web, with a text editor.
enum DialogueScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState, questionnaire: Questionnaire, part: Int, focus: Int, question: Int) -> [String] {
    let language = frame.language
    let marked = state.focus(partID: questionnaire.parts[part].id)
    guard marked.indices.contains(focus) else { return [] }
    let name = questionnaire.name(of: marked[focus]).text(language)
    var row = frame.bodyTop
    frame.buffer.put(UIString.dialogueTitle.format(language, name), x: frame.margin, y: row, style: .heading)
    let progress = UIString.reflectionProgress.format(language, question + 1, InterviewState.dialogueQuestions)
    frame.buffer.put(progress, x: frame.margin + frame.bodyWidth - progress.count, y: row, style: .bold)
    row += 2
    row = frame.paragraph(InterviewState.dialogueQuestion(question, dimension: name, language: language), y: row, style: .bold) + 1
    TextBox.draw(&frame, editor: state.editor, top: row, bottom: frame.bodyBottom - 2)
    frame.paragraph(UIString.dialogueHint.text(language), y: frame.bodyBottom - 1, style: .muted)
    return [UIString.keyNext.text(language), UIString.keyEscBack.text(language)]
  }
}
