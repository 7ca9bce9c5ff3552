import WijkwebCore

/// What will be saved: the scores of each part and how much was answered.
enum SummaryScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState, questionnaire: Questionnaire) -> [String] {
    let language = frame.language
    var row = frame.bodyTop + 1
    frame.buffer.put(UIString.summaryTitle.text(language), x: frame.margin, y: row, style: .heading)
    row += 2
    let nameWidth = questionnaire.dimensions.map { $0.name.text(language).count }.max() ?? 20
    let columnWidth = (questionnaire.parts.map { $0.title.text(language).count }.max() ?? 10) + 4
    for (column, part) in questionnaire.parts.enumerated() {
      frame.buffer.put(part.title.text(language), x: frame.margin + nameWidth + 2 + column * columnWidth, y: row, style: .bold)
    }
    row += 1
    for dimension in questionnaire.dimensionOrder {
      frame.buffer.put(questionnaire.name(of: dimension).text(language), x: frame.margin, y: row)
      for (column, part) in questionnaire.parts.enumerated() {
        let score = questionnaire.scores(part: part, answers: state.answers).first { $0.dimension == dimension }?.score
        let text = score.map(SpiderWebView.formatScore) ?? UIString.webNoScore.text(language)
        frame.buffer.put(text, x: frame.margin + nameWidth + 2 + column * columnWidth, y: row, style: .web)
      }
      row += 1
    }
    row += 1
    let items = questionnaire.allItems
    let answered = items.filter { state.answers[$0.id]?.score != nil }.count
    let skipped = items.filter { state.answers[$0.id] == .skipped }.count
    row = frame.paragraph(UIString.summaryAnswered.format(language, answered, items.count, skipped), y: row)
    if !questionnaire.reflection.isEmpty {
      let texts = questionnaire.reflection.filter { !(state.reflections[$0.id] ?? "").isEmpty }.count
      row = frame.paragraph(UIString.summaryReflections.format(language, texts, questionnaire.reflection.count), y: row)
    }
    frame.paragraph(UIString.summaryExplain.text(language), y: row + 1, style: .bold)
    return [UIString.keySave.text(language), UIString.keyBack.text(language)]
  }
}
