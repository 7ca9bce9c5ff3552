import WijkwebCore

/// One statement, large and calm: dimension, progress, the statement, and a 0-10 slider.
enum ItemScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState, questionnaire: Questionnaire, part: Int, index: Int) -> [String] {
    let language = frame.language
    let item = questionnaire.parts[part].items[index]
    let before = questionnaire.parts[..<part].reduce(0) { $0 + $1.items.count }
    let total = questionnaire.allItems.count
    let number = before + index + 1
    var row = frame.bodyTop
    let heading = questionnaire.parts[part].title.text(language) + "  |  " + questionnaire.name(of: item.dimension).text(language)
    frame.buffer.put(heading, x: frame.margin, y: row, style: .heading, maxWidth: frame.bodyWidth - 22)
    let progress = UIString.itemProgress.format(language, number, total)
    frame.buffer.put(progress, x: frame.margin + frame.bodyWidth - progress.count, y: row, style: .bold)
    row += 1
    frame.progressBar(fraction: Double(number - 1) / Double(max(1, total)), x: frame.margin, y: row, width: frame.bodyWidth)

    if index == 0, let intro = questionnaire.parts[part].intro {
      frame.paragraph(intro.text(language), y: row + 2, style: .muted)
    }
    let textWidth = min(frame.bodyWidth, 64)
    let statement = TextLayout.wrap(item.text.text(language), width: textWidth)
    let sliderTop = frame.bodyBottom - 6
    row = max(row + 2, (row + sliderTop) / 2 - statement.count / 2)
    for line in statement where row < sliderTop - 1 {
      frame.buffer.putCentered(line, y: row, style: .bold)
      row += 1
    }
    drawSlider(&frame, state: state, scale: item.scale, top: sliderTop)
    if let earlier = state.answers[item.id] {
      let text = earlier.score.map(String.init) ?? UIString.dontKnowShort.text(language)
      frame.buffer.putCentered(UIString.earlierAnswer.format(language, text), y: sliderTop + 6, style: .muted)
    }

    var keys = [UIString.keyConfirm.text(language)]
    if item.scale.dontKnow { keys.append(UIString.keyDontKnow.text(language)) }
    keys.append(UIString.keyBack.text(language))
    return keys
  }

  /// The end labels, the row of numbers with the chosen one highlighted, a track with a knob, and
  /// the earlier answer when the statement was answered before.
  static func drawSlider(_ frame: inout ScreenFrame, state: InterviewState, scale: Scale, top: Int) {
    let language = frame.language
    let steps = scale.max - scale.min
    let spacing = min(6, max(3, (frame.bodyWidth - 8) / max(1, steps)))
    let span = spacing * steps
    let left = frame.margin + (frame.bodyWidth - span) / 2
    let low = scale.low.text(language)
    let high = scale.high.text(language)
    frame.buffer.put(low, x: max(frame.margin, left - 1), y: top, style: .muted)
    frame.buffer.put(high, x: min(frame.margin + frame.bodyWidth, left + span + 2) - high.count, y: top, style: .muted)
    for value in scale.min ... scale.max {
      let label = String(value)
      let x = left + (value - scale.min) * spacing - (label.count - 1)
      let chosen = state.slider == value
      if chosen {
        frame.buffer.put("[" + label + "]", x: x - 1, y: top + 2, style: .selected)
      } else {
        frame.buffer.put(label, x: x, y: top + 2, style: .plain)
      }
    }
    let track = frame.unicode ? "─" : "-"
    frame.buffer.put(String(repeating: track, count: span + 1), x: left, y: top + 3, style: .muted)
    if let value = state.slider {
      frame.buffer.put(frame.unicode ? "●" : "O", x: left + (value - scale.min) * spacing, y: top + 3, style: .web)
    }
    let status = state.slider.map { "\($0)" } ?? UIString.noScoreYet.text(language)
    frame.buffer.putCentered(status, y: top + 5, style: state.slider == nil ? .muted : .web)
  }
}
