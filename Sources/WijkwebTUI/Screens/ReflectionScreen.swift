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
    let editorTop = row
    let editorHeight = max(3, frame.bodyBottom - 2 - editorTop)
    let lines = state.editor.displayLines()
    let cursor = state.editor.position()
    let firstLine = max(0, cursor.row - editorHeight + 1)
    let boxWidth = state.editor.wrapWidth + 2
    for offset in 0 ..< editorHeight {
      let y = editorTop + offset
      frame.buffer.put(frame.unicode ? "│" : "|", x: frame.margin, y: y, style: .muted)
      let lineIndex = firstLine + offset
      if lines.indices.contains(lineIndex) {
        frame.buffer.put(lines[lineIndex], x: frame.margin + 2, y: y, maxWidth: boxWidth - 2)
      }
    }
    frame.buffer.cursor = Point(x: frame.margin + 2 + cursor.column, y: editorTop + cursor.row - firstLine)
    frame.paragraph(UIString.reflectionHint.text(language), y: frame.bodyBottom - 1, style: .muted)
    return [UIString.keyNext.text(language), UIString.keyEscBack.text(language)]
  }
}
