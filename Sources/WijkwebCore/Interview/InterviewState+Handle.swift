extension InterviewState {
  /// The questionnaire of the chosen round.
  public func questionnaire(in context: InterviewContext) -> Questionnaire? {
    context.round(roundIndex)?.questionnaire
  }

  /// Applies one key press and returns what the store must record, in order.
  public mutating func handle(_ key: Key, context: InterviewContext) -> [InterviewEffect] {
    notice = nil
    if key == .interrupt {
      wantsToQuit = true
      return []
    }
    if key == .resize { return [] }
    if paused {
      if key == .enter { paused = false }
      return []
    }
    if showingHelp {
      showingHelp = false
      return []
    }
    if key == .function(1) || (key == .character("?") && !takesText) {
      showingHelp = true
      return []
    }
    if key == .function(2) || (key == .character("l") && !takesText) {
      return switchLanguage(context: context)
    }
    let before = step
    var effects = handleStep(key, context: context)
    if step != before, let responseID, isInProgressStep(step) {
      effects.append(.setPosition(responseID: responseID, position: step.positionCode))
    }
    return effects
  }

  /// Pasted (or otherwise typed at once) text: inserted into a reflection or dialogue answer with its
  /// line breaks, typed into a one-line field without them, and ignored on every other screen.
  public mutating func typeText(_ text: String, context: InterviewContext) -> [InterviewEffect] {
    notice = nil
    guard !paused, !showingHelp else { return [] }
    switch step {
    case .reflection, .dialogue:
      editor.insert(text)
    case .volunteer, .area, .earlierCode:
      for character in text where character.isLetter || character.isNumber || character == " " || character == "-" {
        _ = handleStep(.character(character), context: context)
      }
    default:
      break
    }
    return []
  }

  /// The idle time has passed with no key: hide the resident's answers, or clear a finished interview.
  public mutating func idle() {
    switch step {
    case .saved, .declined:
      startOver()
    default:
      if showsResidentData { paused = true }
      showingHelp = false
    }
  }

  private func isInProgressStep(_ step: Step) -> Bool {
    switch step {
    case .area, .demographic, .item, .web, .dialogue, .earlierCode, .reflection, .summary: return true
    default: return false
    }
  }

  private mutating func switchLanguage(context: InterviewContext) -> [InterviewEffect] {
    let offered = questionnaire(in: context)?.languages ?? [.dutch, .english]
    let index = offered.firstIndex(of: language) ?? -1
    language = offered[(index + 1) % offered.count]
    guard let responseID else { return [] }
    return [.setLanguage(responseID: responseID, language: language)]
  }

  /// Clears everything about the resident, keeping the round, volunteer code and nothing else.
  public mutating func startOver() {
    let keptRound = roundIndex
    let keptCode = volunteerCode
    self = InterviewState(volunteerCode: keptCode)
    roundIndex = keptRound
  }

  private mutating func handleStep(_ key: Key, context: InterviewContext) -> [InterviewEffect] {
    switch step {
    case .resumeOffer: return handleResumeOffer(key, context: context)
    case .confirmDiscard: return handleConfirmDiscard(key)
    case .welcome: return handleWelcome(key, context: context)
    case .volunteer: return handleVolunteer(key, context: context)
    case .consent: return handleConsent(key, context: context)
    case .declined:
      if key == .enter || key == .escape { startOver() }
      return []
    case .area: return handleArea(key, context: context)
    case .demographic(let index): return handleDemographic(key, index: index, context: context)
    case .item(let part, let index): return handleItem(key, part: part, index: index, context: context)
    case .web(let part): return handleWeb(key, part: part, context: context)
    case .dialogue(let part, let focus, let question):
      return handleDialogue(key, part: part, focus: focus, question: question, context: context)
    case .earlierCode(let part): return handleEarlierCode(key, part: part, context: context)
    case .reflection(let index): return handleReflection(key, index: index, context: context)
    case .summary: return handleSummary(key, context: context)
    case .saved:
      if key == .enter || key == .escape { startOver() }
      if key == .character("p"), !savedScores.isEmpty { return [.takeHome(scores: savedScores, language: language)] }
      return []
    }
  }

  // MARK: Before the resident

  private mutating func handleResumeOffer(_ key: Key, context: InterviewContext) -> [InterviewEffect] {
    guard let saved = interrupted else {
      step = .welcome
      return []
    }
    switch key {
    case .character("h"), .character("r"), .enter:
      resume(saved, context: context)
    case .character("w"), .character("d"):
      step = .confirmDiscard
    case .escape, .character("q"):
      wantsToQuit = true
    default:
      break
    }
    return []
  }

  private mutating func handleConfirmDiscard(_ key: Key) -> [InterviewEffect] {
    switch key {
    case .character("j"), .character("y"):
      guard let saved = interrupted else { return [] }
      interrupted = nil
      step = .welcome
      return [.discard(responseID: saved.responseID)]
    case .character("n"), .escape:
      step = .resumeOffer
    default:
      break
    }
    return []
  }

  /// Restores an interrupted interview on the screen where it stopped.
  mutating func resume(_ saved: SavedInterview, context: InterviewContext) {
    guard let index = context.rounds.firstIndex(where: { $0.id == saved.roundID }) else {
      notice = .noOpenRound
      return
    }
    let questionnaire = context.rounds[index].questionnaire
    roundIndex = index
    volunteerCode = saved.volunteerCode
    language = questionnaire.languages.contains(saved.language) ? saved.language : .dutch
    responseID = saved.responseID
    areaCode = saved.areaCode
    demographics = saved.demographics
    answers = saved.answers
    reflections = saved.reflections
    interrupted = nil
    enter(Step(positionCode: saved.position, questionnaire: questionnaire) ?? .area, context: context)
  }

  private mutating func handleWelcome(_ key: Key, context: InterviewContext) -> [InterviewEffect] {
    switch key {
    case .enter:
      if context.rounds.isEmpty {
        notice = .noOpenRound
      } else {
        roundIndex = min(roundIndex, context.rounds.count - 1)
        selection = roundIndex
        step = .volunteer
      }
    case .escape, .character("q"):
      wantsToQuit = true
    default:
      break
    }
    return []
  }

  private mutating func handleVolunteer(_ key: Key, context: InterviewContext) -> [InterviewEffect] {
    switch key {
    case .up:
      roundIndex = max(0, roundIndex - 1)
    case .down:
      roundIndex = min(context.rounds.count - 1, roundIndex + 1)
    case .backspace:
      if !volunteerCode.isEmpty { volunteerCode.removeLast() }
    case .character(let character):
      if volunteerCode.count < 12, character.isASCII, character.isLetter || character.isNumber || character == "-" {
        volunteerCode.append(Character(character.uppercased()))
      }
    case .enter:
      guard Self.isValidVolunteerCode(volunteerCode) else {
        notice = .volunteerCodeInvalid
        return []
      }
      step = .consent
      return [.rememberVolunteer(code: volunteerCode)]
    case .escape:
      step = .welcome
    default:
      break
    }
    return []
  }

  private mutating func handleConsent(_ key: Key, context: InterviewContext) -> [InterviewEffect] {
    switch key {
    case .character("j"), .character("J"), .character("y"), .character("Y"):
      guard let round = context.round(roundIndex) else { return [] }
      let id = context.newResponseID()
      responseID = id
      step = .area
      query = ""
      selection = 0
      return [.begin(responseID: id, roundID: round.id, volunteerCode: volunteerCode, language: language)]
    case .character("n"), .character("N"):
      step = .declined
    case .escape, .backspace:
      step = .volunteer
    default:
      break
    }
    return []
  }

  // MARK: The resident's answers

  private mutating func handleArea(_ key: Key, context: InterviewContext) -> [InterviewEffect] {
    let matches = context.areas.matches(query)
    switch key {
    case .character(let character):
      if query.count < 40 {
        query.append(character)
        selection = 0
      }
    case .backspace:
      if !query.isEmpty {
        query.removeLast()
        selection = 0
      }
    case .up:
      selection = max(0, selection - 1)
    case .down:
      selection = min(max(0, matches.count - 1), selection + 1)
    case .enter:
      guard matches.indices.contains(selection), let responseID, let questionnaire = questionnaire(in: context) else {
        notice = .noAreaMatch
        return []
      }
      let code = matches[selection].area.code
      areaCode = code
      enter(questionnaire.demographics.isEmpty ? .item(part: 0, index: 0) : .demographic(0), context: context)
      return [.setArea(responseID: responseID, code: code)]
    case .escape:
      notice = .firstQuestion
    default:
      break
    }
    return []
  }

  private mutating func handleDemographic(_ key: Key, index: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    let question = questionnaire.demographics[index]
    let optionCount = question.choices.count + (question.preferNotToSay ? 1 : 0)
    var chosen: Int?
    switch key {
    case .up: selection = max(0, selection - 1)
    case .down: selection = min(optionCount - 1, selection + 1)
    case .enter: chosen = selection
    case .character(let character):
      if let digit = character.wholeNumberValue, digit >= 1, digit <= optionCount { chosen = digit - 1 }
    case .escape, .backspace:
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

  private mutating func handleItem(_ key: Key, part: Int, index: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    let item = questionnaire.parts[part].items[index]
    let scale = item.scale
    let wasOne = lastKeyWasOne
    lastKeyWasOne = false
    switch key {
    case .character(let character) where character.wholeNumberValue != nil:
      let digit = character.wholeNumberValue ?? 0
      if digit == 0, wasOne, slider == 1, scale.max >= 10 {
        slider = 10
      } else if digit >= scale.min, digit <= scale.max {
        slider = digit
        lastKeyWasOne = digit == 1
      }
    case .left:
      slider = max(scale.min, (slider ?? (scale.min + scale.max + 1) / 2 + 1) - 1)
    case .right:
      slider = min(scale.max, (slider ?? (scale.min + scale.max) / 2 - 1) + 1)
    case .home:
      slider = scale.min
    case .end:
      slider = scale.max
    case .enter:
      guard let value = slider else {
        notice = .chooseScoreFirst
        return []
      }
      return confirm(.score(value), item: item, part: part, index: index, responseID: responseID, context: context)
    case .character("w"), .character("d"), .character("n"):
      guard scale.dontKnow else {
        notice = .dontKnowNotAllowed
        return []
      }
      return confirm(.skipped, item: item, part: part, index: index, responseID: responseID, context: context)
    case .backspace, .escape, .character("b"):
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

  private mutating func handleWeb(_ key: Key, part: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    let partID = questionnaire.parts[part].id
    switch key {
    case .enter:
      enter(focus(partID: partID).isEmpty ? afterWeb(part, questionnaire) : .dialogue(part: part, focus: 0, question: 0), context: context)
    case .backspace, .escape, .character("b"):
      enter(.item(part: part, index: questionnaire.parts[part].items.count - 1), context: context)
    case .character("v") where context.earlierWeb != nil:
      earlierCode = ""
      step = .earlierCode(part: part)
    case .character(let character):
      // 1-6 mark or unmark a dimension to talk about, in the order of the web.
      guard let digit = character.wholeNumberValue, (1 ... questionnaire.dimensionOrder.count).contains(digit) else { break }
      let dimension = questionnaire.dimensionOrder[digit - 1]
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

  private mutating func handleDialogue(_ key: Key, part: Int, focus index: Int, question: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    let partID = questionnaire.parts[part].id
    let marked = focus(partID: partID)
    guard marked.indices.contains(index) else {
      enter(.web(part: part), context: context)
      return []
    }
    switch key {
    case .tab, .function(10):
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
      return [.setReflection(responseID: responseID, promptID: id, text: text)]
    case .escape, .backTab:
      if question > 0 {
        enter(.dialogue(part: part, focus: index, question: question - 1), context: context)
      } else if index > 0 {
        enter(.dialogue(part: part, focus: index - 1, question: Self.dialogueQuestions - 1), context: context)
      } else {
        enter(.web(part: part), context: context)
      }
    default:
      editor.handle(key)
    }
    return []
  }

  private mutating func handleEarlierCode(_ key: Key, part: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context) else { return [] }
    switch key {
    case .character(let character):
      if earlierCode.count < 20, character.isASCII, character.isLetter || character.isNumber || character == "-" {
        earlierCode.append(Character(character.uppercased()))
      }
    case .backspace:
      if !earlierCode.isEmpty { earlierCode.removeLast() }
    case .enter:
      guard let found = context.earlierWeb?(earlierCode, questionnaire.id) else {
        notice = .earlierNotFound
        return []
      }
      earlierScores = found
      earlierCode = ""
      step = .web(part: part)
    case .escape:
      earlierCode = ""
      step = .web(part: part)
    default:
      break
    }
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

  private mutating func handleReflection(_ key: Key, index: Int, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    switch key {
    case .tab, .function(10):
      let prompt = questionnaire.reflection[index]
      let text = editor.text.trimmingWhitespace
      if warnsOfPersonalData(in: text, context: context) { return [] }
      reflections[prompt.id] = text
      enter(index + 1 < questionnaire.reflection.count ? .reflection(index + 1) : .summary, context: context)
      return [.setReflection(responseID: responseID, promptID: prompt.id, text: text)]
    case .escape, .backTab:
      enter(index > 0 ? .reflection(index - 1) : .web(part: questionnaire.parts.count - 1), context: context)
    default:
      editor.handle(key)
    }
    return []
  }

  private mutating func handleSummary(_ key: Key, context: InterviewContext) -> [InterviewEffect] {
    guard let questionnaire = questionnaire(in: context), let responseID else { return [] }
    switch key {
    case .enter:
      let receipt = context.newReceiptCode()
      let scores = questionnaire.scores(answers: answers)
      let packedAnswers = AnswerCodec.pack(answers, items: questionnaire.allItems)
      let packedDemographics = AnswerCodec.packDemographics(demographics, questions: questionnaire.demographics)
      // The resident's answers leave the screen state the moment they are stored.
      let keptRound = roundIndex
      let keptCode = volunteerCode
      self = InterviewState(volunteerCode: keptCode)
      roundIndex = keptRound
      step = .saved(receiptCode: receipt)
      savedScores = scores
      return [.complete(responseID: responseID, receiptCode: receipt, scores: scores, answers: packedAnswers, demographics: packedDemographics)]
    case .backspace, .escape, .character("b"):
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
