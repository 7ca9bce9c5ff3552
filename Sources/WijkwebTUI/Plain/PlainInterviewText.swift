import WijkwebCore

/// The interview as lines of text for a screen reader or braille display: each prompt one line, the
/// options spelled out, the web as a list of scores. A pure function of the state, like `InterviewView`.
public enum PlainInterviewText {
  /// The lines that introduce the current step.
  public static func lines(_ state: InterviewState, context: InterviewContext, roundPicked: Bool = true) -> [String] {
    let language = state.language
    func text(_ key: UIString, _ arguments: CustomStringConvertible...) -> String { key.format(language, arguments: arguments) }
    let questionnaire = context.round(state.roundIndex)?.questionnaire
    if state.paused { return [text(.pausedTitle), text(.pausedHint)] }
    switch state.step {
    case .resumeOffer:
      guard let saved = state.interrupted else { return [] }
      return [text(.resumeTitle) + ". " + text(.resumeText, saved.startedAt, saved.answers.count) + " " + text(.resumeSameResident),
              text(.resumeKeys)]
    case .confirmDiscard:
      return [text(.discardConfirm)]
    case .welcome:
      let title = questionnaire?.title.text(language) ?? text(.appTitle)
      return [title + ". " + text(.welcomeIntro), text(.plainWelcome)]
    case .volunteer:
      if !roundPicked {
        let options = context.rounds.enumerated().map { "\($0.offset + 1) = \(TerminalText.visible($0.element.name))" }
        return [text(.plainChooseRound, options.joined(separator: ", "))]
      }
      var lines = [text(.volunteerCode) + ". " + text(.volunteerCodeHint)]
      if !state.volunteerCode.isEmpty { lines.append(text(.plainVolunteerKnown, state.volunteerCode)) }
      return lines
    case .consent:
      return [questionnaire?.consent.text(language) ?? "", text(.consentKeys)]
    case .declined:
      return [text(.declinedText), text(.plainContinue)]
    case .area:
      return [text(.areaTitle) + " " + text(.areaPrompt)] + areaMatches(state, context: context)
    case .demographic(let index):
      guard let question = questionnaire?.demographics[index] else { return [] }
      return [question.question.text(language), text(.plainChoose, options(question, language: language))]
    case .item(let part, let index):
      guard let questionnaire else { return [] }
      return itemLines(state, questionnaire: questionnaire, part: part, index: index)
    case .web(let part):
      guard let questionnaire else { return [] }
      let thePart = questionnaire.parts[part]
      let scores = questionnaire.scores(part: thePart, answers: state.answers).map { score in
        questionnaire.name(of: score.dimension).text(language) + " "
          + (score.score.map(SpiderWebView.formatScore) ?? text(.webNoScore))
      }
      var lines = [text(.webTitle, thePart.title.text(language)) + ": " + scores.joined(separator: "; ") + "."]
      if state.earlierScores[thePart.id] != nil {
        let listed = questionnaire.dimensionOrder.map { dimension in
          questionnaire.name(of: dimension).text(language) + " "
            + (state.earlierScore(partID: thePart.id, dimension: dimension).map(SpiderWebView.formatScore) ?? text(.webNoScore))
        }
        lines.append(text(.plainEarlierWeb, listed.joined(separator: "; ")))
      }
      lines.append(text(.plainWebExplain))
      lines.append(focusLine(state, questionnaire: questionnaire, part: part))
      if context.earlierWeb != nil, state.earlierScores[thePart.id] == nil { lines.append(text(.plainEarlierOffer)) }
      lines.append(text(.plainContinueOrBack))
      return lines
    case .dialogue(let part, let focus, let question):
      guard let questionnaire else { return [] }
      let marked = state.focus(partID: questionnaire.parts[part].id)
      guard marked.indices.contains(focus) else { return [] }
      let name = questionnaire.name(of: marked[focus]).text(language)
      var lines = [text(.dialogueTitle, name) + ". " + text(.reflectionProgress, question + 1, InterviewState.dialogueQuestions) + ". "
        + InterviewState.dialogueQuestion(question, dimension: name, language: language)]
      if !state.editor.text.isEmpty { lines.append(text(.plainEarlierText, state.editor.text)) }
      lines.append(text(.plainDialogue))
      return lines
    case .earlierCode:
      return [text(.earlierTitle) + ". " + text(.earlierText), text(.plainEarlierCode)]
    case .reflection(let index):
      guard let prompt = questionnaire?.reflection[index], let count = questionnaire?.reflection.count else { return [] }
      var lines = [text(.reflectionProgress, index + 1, count) + ". " + prompt.prompt.text(language)]
      if !state.editor.text.isEmpty { lines.append(text(.plainEarlierText, state.editor.text)) }
      lines.append(text(.plainReflection))
      return lines
    case .summary:
      guard let questionnaire else { return [] }
      var lines = [text(.summaryTitle) + "."]
      for part in questionnaire.parts {
        let scores = questionnaire.scores(part: part, answers: state.answers).map { score in
          questionnaire.name(of: score.dimension).text(language) + " "
            + (score.score.map(SpiderWebView.formatScore) ?? text(.webNoScore))
        }
        lines.append(part.title.text(language) + ": " + scores.joined(separator: "; ") + ".")
      }
      let items = questionnaire.allItems
      let answered = items.filter { state.answers[$0.id]?.score != nil }.count
      let skipped = items.filter { state.answers[$0.id] == .skipped }.count
      lines.append(text(.summaryAnswered, answered, items.count, skipped))
      lines.append(text(.plainSave))
      return lines
    case .saved(let receipt):
      return [text(.savedTitle), text(.savedReceipt) + ": " + receipt.map(String.init).joined(separator: " "),
              text(.savedReceiptHint), text(.plainSavedNext)]
    }
  }

  /// The areas matching what was typed, numbered, or a hint when nothing was typed or found.
  public static func areaMatches(_ state: InterviewState, context: InterviewContext) -> [String] {
    let language = state.language
    guard !state.query.isEmpty else { return [] }
    let matches = context.areas.matches(state.query)
    guard !matches.isEmpty else { return [UIString.areaNoMatch.text(language)] }
    let options = matches.enumerated().map { offset, match in
      "\(offset + 1) = \(TerminalText.visible(match.matchedName))" + (match.parentName.map { " (\(TerminalText.visible($0)))" } ?? "")
    }
    return [UIString.plainAreaMatches.format(language, options.joined(separator: ", "))]
  }

  /// Which topics the resident chose on the web, or the question which they would like.
  public static func focusLine(_ state: InterviewState, questionnaire: Questionnaire, part: Int) -> String {
    let language = state.language
    let marked = state.focus(partID: questionnaire.parts[part].id)
    if marked.isEmpty {
      let options = questionnaire.dimensionOrder.enumerated().map { "\($0.offset + 1) = \(questionnaire.name(of: $0.element).text(language))" }
      return UIString.plainWebFocus.format(language, options.joined(separator: ", "))
    }
    return UIString.webFocusChosen.format(language, marked.map { questionnaire.name(of: $0).text(language) }.joined(separator: ", "))
  }

  static func options(_ question: DemographicQuestion, language: Language) -> String {
    var options = question.choices.map { $0.label.text(language) }
    if question.preferNotToSay { options.append(UIString.preferNotToSay.text(language)) }
    return options.enumerated().map { "\($0.offset + 1) = \($0.element)" }.joined(separator: ", ")
  }

  static func itemLines(_ state: InterviewState, questionnaire: Questionnaire, part: Int, index: Int) -> [String] {
    let language = state.language
    let item = questionnaire.parts[part].items[index]
    let number = questionnaire.parts[..<part].reduce(0) { $0 + $1.items.count } + index + 1
    var lines = [
      UIString.itemProgress.format(language, number, questionnaire.allItems.count) + ". "
        + questionnaire.parts[part].title.text(language) + ", " + questionnaire.name(of: item.dimension).text(language) + ".",
      item.text.text(language),
    ]
    let scale = item.scale
    let dontKnow = scale.dontKnow ? UIString.plainDontKnowOption.text(language) : ""
    lines.append(UIString.plainScale.format(language, scale.min, scale.low.text(language), scale.max, scale.high.text(language), dontKnow))
    if let earlier = state.answers[item.id] {
      lines.append(UIString.earlierAnswer.format(language, earlier.score.map(String.init) ?? UIString.dontKnowShort.text(language))
        + " " + UIString.plainKeepEarlier.text(language))
    }
    return lines
  }
}
