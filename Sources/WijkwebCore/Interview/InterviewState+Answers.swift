extension InterviewState {
  /// How far PgUp and PgDn move the highlight in the list of areas.
  public static let areaPage = 8

  // MARK: The resident's answers

  mutating func applyToArea(_ intent: InterviewIntent, context: InterviewContext) -> [InterviewEffect] {
    let count = context.areas.matches(query).count
    let last = max(0, count - 1)
    switch intent {
    case .typeText(let text):
      let typed = text.filter { !($0.unicodeScalars.first?.properties.generalCategory == .control) }
      guard !typed.isEmpty else { return [] }
      query = String((query + typed).prefix(40))
      selection = 0
    case .deleteBackward:
      if !query.isEmpty {
        query.removeLast()
        selection = 0
      }
    case .moveUp: selection = max(0, selection - 1)
    case .moveDown: selection = min(last, selection + 1)
    case .pageUp: selection = max(0, selection - Self.areaPage)
    case .pageDown: selection = min(last, selection + Self.areaPage)
    case .moveToFirst: selection = 0
    case .moveToLast: selection = last
    case .confirm:
      let matches = context.areas.matches(query)
      guard matches.indices.contains(selection), let responseID, let questionnaire = questionnaire(in: context) else {
        notice = .noAreaMatch
        return []
      }
      let code = matches[selection].area.code
      areaCode = code
      enter(questionnaire.demographics.isEmpty ? .item(part: 0, index: 0) : .demographic(0), context: context)
      return [.setArea(responseID: responseID, code: code)]
    case .back:
      notice = .firstQuestion
    default:
      break
    }
    return []
  }

  mutating func applyToDemographic(_ intent: InterviewIntent, index: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    let question = questionnaire.demographics[index]
    let optionCount = question.choices.count + (question.preferNotToSay ? 1 : 0)
    var chosen: Int?
    switch intent {
    case .moveUp: selection = max(0, selection - 1)
    case .moveDown: selection = min(optionCount - 1, selection + 1)
    case .moveToFirst: selection = 0
    case .moveToLast: selection = optionCount - 1
    case .confirm: chosen = selection
    case .chooseOption(let number):
      if number >= 1, number <= optionCount { chosen = number - 1 }
    case .back:
      enter(index == 0 ? .area : .demographic(index - 1), context: context)
    default: break
    }
    guard let chosen else { return [] }
    let choiceID = chosen < question.choices.count ? question.choices[chosen].id : nil
    demographics[question.id] = .some(choiceID)
    let next: Step = index + 1 < questionnaire.demographics.count ? .demographic(index + 1) : .item(part: 0, index: 0)
    enter(next, context: context)
    return [.setDemographic(responseID: responseID, questionID: question.id, choiceID: choiceID)]
  }

  mutating func applyToItem(_ intent: InterviewIntent, part: Int, index: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    let item = questionnaire.parts[part].items[index]
    let scale = item.scale
    let wasOne = lastKeyWasOne
    lastKeyWasOne = false
    switch intent {
    case .chooseScore(let digit):
      if digit == 0, wasOne, slider == 1, scale.max >= 10 {
        slider = 10
      } else if digit >= scale.min, digit <= scale.max {
        slider = digit
        lastKeyWasOne = digit == 1
      }
    case .lowerScore:
      slider = max(scale.min, (slider ?? (scale.min + scale.max + 1) / 2 + 1) - 1)
    case .raiseScore:
      slider = min(scale.max, (slider ?? (scale.min + scale.max) / 2 - 1) + 1)
    case .lowestScore:
      slider = scale.min
    case .highestScore:
      slider = scale.max
    case .confirm:
      guard let value = slider else {
        // An earlier "weet niet" stays the answer when Enter is pressed without choosing a score.
        if answers[item.id] == .skipped {
          return confirm(.skipped, item: item, part: part, index: index, responseID: responseID, context: context)
        }
        notice = .chooseScoreFirst
        return []
      }
      return confirm(.score(value), item: item, part: part, index: index, responseID: responseID, context: context)
    case .dontKnow:
      guard scale.dontKnow else {
        notice = .dontKnowNotAllowed
        return []
      }
      return confirm(.skipped, item: item, part: part, index: index, responseID: responseID, context: context)
    case .back:
      if index > 0 {
        enter(.item(part: part, index: index - 1), context: context)
      } else if part > 0 {
        enter(.web(part: part - 1), context: context)
      } else if !questionnaire.demographics.isEmpty {
        enter(.demographic(questionnaire.demographics.count - 1), context: context)
      } else {
        enter(.area, context: context)
      }
    default:
      break
    }
    return []
  }

  private mutating func confirm(
    _ value: AnswerValue, item: Item, part: Int, index: Int, responseID: String, context: InterviewContext
  ) -> [InterviewEffect] {
    answers[item.id] = value
    let items = questionnaire(in: context)?.parts[part].items.count ?? 0
    enter(index + 1 < items ? .item(part: part, index: index + 1) : .web(part: part), context: context)
    return [.setAnswer(responseID: responseID, itemID: item.id, value: value)]
  }
}
