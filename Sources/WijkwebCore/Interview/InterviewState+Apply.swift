extension InterviewState {
  /// The questionnaire of the chosen round.
  public func questionnaire(in context: InterviewContext) -> Questionnaire? {
    context.round(roundIndex)?.questionnaire
  }

  /// Applies one intent and returns the effects, in order: store writes to record before the next screen
  /// is drawn, and requests (a take-home web, an earlier web to look up) for the app to carry out.
  public mutating func apply(_ intent: InterviewIntent, context: InterviewContext) -> [InterviewEffect] {
    notice = nil
    switch intent {
    case .interrupt:
      wantsToQuit = true
      return []
    case .earlierWebFound(let found):
      return earlierWebFound(found)
    default:
      break
    }
    if paused {
      if intent == .confirm { paused = false }
      return []
    }
    if showingHelp {
      showingHelp = false
      return []
    }
    switch intent {
    case .showHelp:
      showingHelp = true
      return []
    case .switchLanguage:
      return switchLanguage(context: context)
    case .dismiss:
      return []
    default:
      break
    }
    let before = step
    var effects = applyToStep(intent, context: context)
    if step != before, let responseID, isInProgressStep(step) {
      effects.append(.setPosition(responseID: responseID, position: step.positionCode))
    }
    return effects
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

  /// The language F2 switches to: the next of the questionnaire's offered languages, round and round.
  public func nextLanguage(context: InterviewContext) -> Language {
    let offered = questionnaire(in: context)?.languages ?? [.dutch, .english]
    guard !offered.isEmpty else { return language }
    let index = offered.firstIndex(of: language) ?? -1
    return offered[(index + 1) % offered.count]
  }

  private mutating func switchLanguage(context: InterviewContext) -> [InterviewEffect] {
    language = nextLanguage(context: context)
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

  private mutating func applyToStep(_ intent: InterviewIntent, context: InterviewContext) -> [InterviewEffect] {
    switch step {
    case .resumeOffer: return applyToResumeOffer(intent, context: context)
    case .confirmDiscard: return applyToConfirmDiscard(intent)
    case .welcome: return applyToWelcome(intent, context: context)
    case .volunteer: return applyToVolunteer(intent, context: context)
    case .consent: return applyToConsent(intent, context: context)
    case .declined:
      if intent == .confirm || intent == .back { startOver() }
      return []
    case .area: return applyToArea(intent, context: context)
    case .demographic(let index): return applyToDemographic(intent, index: index, context: context)
    case .item(let part, let index): return applyToItem(intent, part: part, index: index, context: context)
    case .web(let part): return applyToWeb(intent, part: part, context: context)
    case .dialogue(let part, let focus, let question):
      return applyToDialogue(intent, part: part, focus: focus, question: question, context: context)
    case .earlierCode(let part): return applyToEarlierCode(intent, part: part, context: context)
    case .reflection(let index): return applyToReflection(intent, index: index, context: context)
    case .summary: return applyToSummary(intent, context: context)
    case .saved:
      if intent == .confirm || intent == .back { startOver() }
      if intent == .takeHome, !savedScores.isEmpty { return [.takeHome(scores: savedScores, language: language)] }
      return []
    }
  }
}
