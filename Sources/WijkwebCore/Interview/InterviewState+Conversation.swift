extension InterviewState {
  // MARK: The web, the conversation and the reflection

  mutating func applyToWeb(_ intent: InterviewIntent, part: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    let partID = questionnaire.parts[part].id
    switch intent {
    case .confirm:
      enter(focus(partID: partID).isEmpty ? afterWeb(part, questionnaire) : .dialogue(part: part, focus: 0, question: 0), context: context)
    case .back:
      enter(.item(part: part, index: questionnaire.parts[part].items.count - 1), context: context)
    case .showEarlierWeb where context.earlierWeb != nil:
      earlierCode = ""
      step = .earlierCode(part: part)
    case .markTopic(let number):
      // 1-6 mark or unmark a dimension to talk about, in the order of the web.
      guard (1 ... questionnaire.dimensionOrder.count).contains(number) else { break }
      let dimension = questionnaire.dimensionOrder[number - 1]
      var marked = focus(partID: partID)
      if let index = marked.firstIndex(of: dimension) {
        marked.remove(at: index)
      } else if marked.count >= Self.maximumFocus {
        notice = .focusAtMostTwo
        return []
      } else {
        marked.append(dimension)
      }
      let text = marked.map(\.key).joined(separator: ",")
      reflections[Self.focusID(partID: partID)] = text.isEmpty ? nil : text
      return [.setReflection(responseID: responseID, promptID: Self.focusID(partID: partID), text: text)]
    default:
      break
    }
    return []
  }

  /// Where the interview goes after the web of `part` and its conversation.
  private func afterWeb(_ part: Int, _ questionnaire: Questionnaire) -> Step {
    if part + 1 < questionnaire.parts.count { return .item(part: part + 1, index: 0) }
    return questionnaire.reflection.isEmpty ? .summary : .reflection(0)
  }

  /// Typing, pasting and editing in a multi-line answer; true when `intent` was one of those.
  private mutating func edit(_ intent: InterviewIntent) -> Bool {
    switch intent {
    case .typeText(let text): editor.insert(text)
    case .deleteBackward: editor.apply(.deleteBackward)
    case .edit(let edit): editor.apply(edit)
    default: return false
    }
    return true
  }

  mutating func applyToDialogue(_ intent: InterviewIntent, part: Int, focus index: Int, question: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    let partID = questionnaire.parts[part].id
    let marked = focus(partID: partID)
    guard marked.indices.contains(index) else {
      enter(.web(part: part), context: context)
      return []
    }
    switch intent {
    case .nextText:
      let id = Self.dialogueID(partID: partID, dimension: marked[index], question: question)
      let text = editor.text.trimmingWhitespace
      if warnsOfPersonalData(in: text, context: context) { return [] }
      reflections[id] = text.isEmpty ? nil : text
      if question + 1 < Self.dialogueQuestions {
        enter(.dialogue(part: part, focus: index, question: question + 1), context: context)
      } else if index + 1 < marked.count {
        enter(.dialogue(part: part, focus: index + 1, question: 0), context: context)
      } else {
        enter(afterWeb(part, questionnaire), context: context)
      }
      return [.setReflection(responseID: responseID, promptID: id, text: text)] + flag(text, responseID: responseID, promptID: id, context: context)
    case .back:
      if question > 0 {
        enter(.dialogue(part: part, focus: index, question: question - 1), context: context)
      } else if index > 0 {
        enter(.dialogue(part: part, focus: index - 1, question: Self.dialogueQuestions - 1), context: context)
      } else {
        enter(.web(part: part), context: context)
      }
    default:
      _ = edit(intent)
    }
    return []
  }

  mutating func applyToEarlierCode(_ intent: InterviewIntent, part: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context) else { return [] }
    switch intent {
    case .typeText(let text):
      for character in text where earlierCode.count < 20 && character.isASCII && (character.isLetter || character.isNumber || character == "-") {
        earlierCode.append(Character(character.uppercased()))
      }
    case .deleteBackward:
      if !earlierCode.isEmpty { earlierCode.removeLast() }
    case .confirm:
      // Read by the app, not here: the result comes back as `.earlierWebFound`.
      return [.lookUpEarlierWeb(receiptCode: earlierCode, questionnaireID: questionnaire.id)]
    case .back:
      earlierCode = ""
      step = .web(part: part)
    default:
      break
    }
    return []
  }

  /// The earlier web looked up on the receipt-code screen: shown beside this one, or a notice.
  mutating func earlierWebFound(_ found: [String: [Double?]]?) -> [InterviewEffect] {
    guard case .earlierCode(let part) = step else { return [] }
    guard let found else {
      notice = .earlierNotFound
      return []
    }
    earlierScores = found
    earlierCode = ""
    step = .web(part: part)
    return []
  }

  /// Whether free text looks like personal data and was not warned about yet: then the notice says what
  /// was found and the text is not stored; Tab again on the same text keeps it.
  private mutating func warnsOfPersonalData(in text: String, context: InterviewContext) -> Bool {
    guard text != warnedReflection,
          let found = PersonalDataCheck.findings(in: text, allowedNames: context.placeNames).first else { return false }
    warnedReflection = text
    notice = .personalData(found.kind, found.text)
    return true
  }

  /// A text stored after the personal-data warning (the check still finds something in it) is flagged
  /// for the review.
  private func flag(_ text: String, responseID: String, promptID: String, context: InterviewContext) -> [InterviewEffect] {
    PersonalDataCheck.findings(in: text, allowedNames: context.placeNames).isEmpty
      ? [] : [.flagPersonalData(responseID: responseID, promptID: promptID)]
  }

  mutating func applyToReflection(_ intent: InterviewIntent, index: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    switch intent {
    case .nextText:
      let prompt = questionnaire.reflection[index]
      let text = editor.text.trimmingWhitespace
      if warnsOfPersonalData(in: text, context: context) { return [] }
      reflections[prompt.id] = text
      enter(index + 1 < questionnaire.reflection.count ? .reflection(index + 1) : .summary, context: context)
      return [.setReflection(responseID: responseID, promptID: prompt.id, text: text)]
        + flag(text, responseID: responseID, promptID: prompt.id, context: context)
    case .back:
      enter(index > 0 ? .reflection(index - 1) : .web(part: questionnaire.parts.count - 1), context: context)
    default:
      _ = edit(intent)
    }
    return []
  }

  mutating func applyToSummary(_ intent: InterviewIntent, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    switch intent {
    case .confirm:
      let receipt = context.newReceiptCode()
      let scores = questionnaire.scores(answers: answers)
      let packedAnswers = AnswerCodec.pack(answers, items: questionnaire.allItems)
      let packedDemographics = AnswerCodec.packDemographics(demographics, questions: questionnaire.demographics)
      // The resident's answers leave the screen state the moment they are stored.
      let keptRound = roundIndex
      let keptCode = volunteerCode
      // The saved screen (receipt code, take-home web) stays in the resident's language.
      self = InterviewState(volunteerCode: keptCode, language: language)
      roundIndex = keptRound
      step = .saved(receiptCode: receipt)
      savedScores = scores
      return [.complete(responseID: responseID, receiptCode: receipt, scores: scores, answers: packedAnswers, demographics: packedDemographics)]
    case .back:
      enter(questionnaire.reflection.isEmpty ? .web(part: questionnaire.parts.count - 1)
        : .reflection(questionnaire.reflection.count - 1), context: context)
    default:
      break
    }
    return []
  }

  /// Moves to `next` and prepares its draft: the slider shows the earlier answer, the editor the earlier text.
  mutating func enter(_ next: Step, context: InterviewContext) {
    step = next
    lastKeyWasOne = false
    slider = nil
    selection = 0
    guard let questionnaire = questionnaire(in: context) else { return }
    switch next {
    case .item(let part, let index):
      slider = answers[questionnaire.parts[part].items[index].id]?.score
    case .reflection(let index):
      editor = TextEditor(text: reflections[questionnaire.reflection[index].id] ?? "")
      warnedReflection = reflections[questionnaire.reflection[index].id]
    case .dialogue(let part, let index, let question):
      let partID = questionnaire.parts[part].id
      let marked = focus(partID: partID)
      editor = TextEditor(text: marked.indices.contains(index)
        ? reflections[Self.dialogueID(partID: partID, dimension: marked[index], question: question)] ?? "" : "")
      warnedReflection = editor.text
    case .demographic(let index):
      let question = questionnaire.demographics[index]
      if let answered = demographics[question.id] {
        selection = answered.flatMap { id in question.choices.firstIndex { $0.id == id } } ?? question.choices.count
      }
    case .area:
      query = areaCode.flatMap { context.areaNames[$0] } ?? ""
    default:
      break
    }
  }
}
