import WijkwebCore

/// The resident's spider web after a part: six numbered axes, rings at 2 to 10, a score beside each
/// axis, the one or two topics the resident chose to talk about marked, and the web from an earlier
/// round beside it when the resident brought that receipt code.
enum WebScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState, questionnaire: Questionnaire, part: Int, canLookUpEarlier: Bool) -> [String] {
    let language = frame.language
    let thePart = questionnaire.parts[part]
    frame.buffer.put(UIString.webTitle.format(language, thePart.title.text(language)), x: frame.margin, y: frame.bodyTop, style: .heading)
    let scores = questionnaire.scores(part: thePart, answers: state.answers)
    let marked = state.focus(partID: thePart.id)
    let mark = frame.unicode ? "◆ " : "* "
    let axes = scores.enumerated().map { offset, score in
      SpiderWebView.Axis(
        label: (marked.contains(score.dimension) ? mark : "") + "\(offset + 1) " + questionnaire.name(of: score.dimension).text(language),
        score: score.score)
    }
    let top = frame.bodyTop + 1
    let height = frame.bodyBottom - 1 - top
    if state.earlierScores[thePart.id] != nil {
      let earlier = scores.map { state.earlierScore(partID: thePart.id, dimension: $0.dimension) }
      let earlierAxes = scores.map { score in
        SpiderWebView.Axis(label: questionnaire.name(of: score.dimension).text(language),
                           score: state.earlierScore(partID: thePart.id, dimension: score.dimension))
      }
      if frame.width >= 120 {
        // Side by side: last time on the left, today on the right.
        let half = frame.width / 2
        frame.buffer.putCentered(UIString.earlierLabel.text(language), y: top, width: half, style: .muted)
        frame.buffer.putCentered(UIString.nowLabel.text(language), y: top, x: half, width: frame.width - half, style: .bold)
        // Two blank columns between the webs' frames: a caption never leaves its frame, so the left web's
        // scores never run into the right web's captions.
        SpiderWebView(axes: earlierAxes, ascii: !frame.unicode)
          .draw(into: &frame.buffer, frame: Rect(x: 0, y: top + 1, width: half - 1, height: height - 1))
        SpiderWebView(axes: axes, ascii: !frame.unicode)
          .draw(into: &frame.buffer, frame: Rect(x: half + 1, y: top + 1, width: frame.width - half - 1, height: height - 1))
      } else {
        // Too narrow for two: last time as a dotted line in today's web.
        SpiderWebView(axes: axes, ascii: !frame.unicode, dottedOverlay: earlier)
          .draw(into: &frame.buffer, frame: Rect(x: 0, y: top, width: frame.width, height: height))
        let legend = UIString.earlierLegend.text(language)
        frame.buffer.put(legend, x: frame.margin + frame.bodyWidth - legend.count, y: frame.bodyTop, style: .muted)
      }
    } else {
      SpiderWebView(axes: axes, ascii: !frame.unicode).draw(into: &frame.buffer, frame: Rect(x: 0, y: top, width: frame.width, height: height))
    }
    let names = marked.map { questionnaire.name(of: $0).text(language) }.joined(separator: ", ")
    let prompt = marked.isEmpty ? UIString.webFocusQuestion.text(language) : UIString.webFocusChosen.format(language, names)
    frame.paragraph(prompt, y: frame.bodyBottom - 1, style: marked.isEmpty ? .muted : .bold, centered: true)
    frame.paragraph(UIString.webExplain.text(language), y: frame.bodyBottom, style: .muted, centered: true)
    var keys = [UIString.keyContinue.text(language), UIString.keyFocus.text(language)]
    if canLookUpEarlier { keys.append(UIString.keyEarlierWeb.text(language)) }
    keys.append(UIString.keyBack.text(language))
    return keys
  }
}
