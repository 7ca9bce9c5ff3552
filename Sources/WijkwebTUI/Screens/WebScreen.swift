import WijkwebCore

/// The resident's spider web after a part: six axes, rings at 2 to 10, a score beside each axis.
enum WebScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState, questionnaire: Questionnaire, part: Int) -> [String] {
    let language = frame.language
    let thePart = questionnaire.parts[part]
    frame.buffer.put(UIString.webTitle.format(language, thePart.title.text(language)), x: frame.margin, y: frame.bodyTop, style: .heading)
    let scores = questionnaire.scores(part: thePart, answers: state.answers)
    let axes = scores.map { score in
      SpiderWebView.Axis(label: questionnaire.name(of: score.dimension).text(language), score: score.score)
    }
    let web = SpiderWebView(axes: axes, ascii: !frame.unicode)
    let top = frame.bodyTop + 1
    web.draw(into: &frame.buffer, frame: Rect(x: 0, y: top, width: frame.width, height: frame.bodyBottom - top))
    frame.paragraph(UIString.webExplain.text(language), y: frame.bodyBottom, style: .muted, centered: true)
    return [UIString.keyContinue.text(language), UIString.keyBack.text(language)]
  }
}
