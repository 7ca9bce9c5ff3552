extension InterviewState {
  // MARK: Before the resident

  mutating func applyToResumeOffer(_ intent: InterviewIntent, context: InterviewContext) -> [InterviewEffect] {
    guard let saved = interrupted else {
      step = .welcome
      return []
    }
    switch intent {
    case .resume: resume(saved, context: context)
    case .discard: step = .confirmDiscard
    case .leave: wantsToQuit = true
    default: break
    }
    return []
  }

  mutating func applyToConfirmDiscard(_ intent: InterviewIntent) -> [InterviewEffect] {
    switch intent {
    case .yes:
      guard let saved = interrupted else { return [] }
      interrupted = nil
      step = .welcome
      return [.discard(responseID: saved.responseID)]
    case .no, .back:
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

  mutating func applyToWelcome(_ intent: InterviewIntent, context: InterviewContext) -> [InterviewEffect] {
    switch intent {
    case .confirm:
      if context.rounds.isEmpty {
        notice = .noOpenRound
      } else {
        roundIndex = min(roundIndex, context.rounds.count - 1)
        selection = roundIndex
        step = .volunteer
      }
    case .leave:
      wantsToQuit = true
    default:
      break
    }
    return []
  }

  mutating func applyToVolunteer(_ intent: InterviewIntent, context: InterviewContext) -> [InterviewEffect] {
    switch intent {
    case .moveUp:
      roundIndex = max(0, roundIndex - 1)
    case .moveDown:
      roundIndex = min(context.rounds.count - 1, roundIndex + 1)
    case .deleteBackward:
      if !volunteerCode.isEmpty { volunteerCode.removeLast() }
    case .typeText(let text):
      for character in text where volunteerCode.count < 12 && character.isASCII && (character.isLetter || character.isNumber || character == "-") {
        volunteerCode.append(Character(character.uppercased()))
      }
    case .confirm:
      guard Self.isValidVolunteerCode(volunteerCode) else {
        notice = .volunteerCodeInvalid
        return []
      }
      step = .consent
      return [.rememberVolunteer(code: volunteerCode)]
    case .back:
      step = .welcome
    default:
      break
    }
    return []
  }

  mutating func applyToConsent(_ intent: InterviewIntent, context: InterviewContext) -> [InterviewEffect] {
    switch intent {
    case .yes:
      guard let round = context.round(roundIndex) else { return [] }
      let id = context.newResponseID()
      responseID = id
      step = .area
      query = ""
      selection = 0
      return [.begin(responseID: id, roundID: round.id, volunteerCode: volunteerCode, language: language)]
    case .no:
      step = .declined
    case .back:
      step = .volunteer
    default:
      break
    }
    return []
  }
}
