import WijkwebCore

/// One optional question about the resident, answered from a numbered list.
enum DemographicScreen {
  static func draw(_ frame: inout ScreenFrame, state: InterviewState, question: DemographicQuestion) -> [String] {
    let language = frame.language
    var row = frame.bodyTop + 1
    frame.buffer.put(UIString.demographicTitle.text(language), x: frame.margin, y: row, style: .heading)
    row += 2
    row = frame.paragraph(question.question.text(language), y: row, style: .bold) + 1
    var options = question.choices.map { $0.label.text(language) }
    if question.preferNotToSay { options.append(UIString.preferNotToSay.text(language)) }
    for (index, option) in options.enumerated() where row <= frame.bodyBottom {
      let chosen = index == state.selection
      frame.buffer.put((chosen ? "> " : "  ") + "\(index + 1)  " + option, x: frame.margin + 2, y: row,
                       style: chosen ? .selected : .plain, maxWidth: frame.bodyWidth - 2)
      row += 1
    }
    return [UIString.keyChoose.text(language), UIString.keyBack.text(language)]
  }
}
