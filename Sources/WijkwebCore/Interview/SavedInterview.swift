/// An interview as the store kept it: what is needed to resume it where it stopped.
public struct SavedInterview: Hashable, Sendable {
  public var responseID: String
  public var roundID: Int64
  public var volunteerCode: String
  public var language: Language
  public var areaCode: String?
  public var demographics: [String: String?]
  public var answers: [String: AnswerValue]
  public var reflections: [String: String]
  /// The step the interview was on, as `InterviewState.Step.positionCode`.
  public var position: String
  /// When it started, as shown to the volunteer (e.g. "23-11-2026 10:32").
  public var startedAt: String

  public init(
    responseID: String, roundID: Int64, volunteerCode: String, language: Language, areaCode: String?,
    demographics: [String: String?], answers: [String: AnswerValue], reflections: [String: String],
    position: String, startedAt: String
  ) {
    self.responseID = responseID
    self.roundID = roundID
    self.volunteerCode = volunteerCode
    self.language = language
    self.areaCode = areaCode
    self.demographics = demographics
    self.answers = answers
    self.reflections = reflections
    self.position = position
    self.startedAt = startedAt
  }
}

/// A round the volunteer can interview for, with the questionnaire it pins.
public struct RoundChoice: Hashable, Sendable {
  public var id: Int64
  public var name: String
  public var questionnaire: Questionnaire
  public init(id: Int64, name: String, questionnaire: Questionnaire) {
    self.id = id
    self.name = name
    self.questionnaire = questionnaire
  }
}

/// A change the interview asks the store to make; applied, all of one key press in one transaction,
/// before the next screen is drawn.
public enum InterviewEffect: Hashable, Sendable {
  case rememberVolunteer(code: String)
  case begin(responseID: String, roundID: Int64, volunteerCode: String, language: Language)
  case setArea(responseID: String, code: String)
  case setDemographic(responseID: String, questionID: String, choiceID: String?)
  case setAnswer(responseID: String, itemID: String, value: AnswerValue)
  case setReflection(responseID: String, promptID: String, text: String)
  /// The text just stored for `promptID` was flagged by the personal-data check and kept anyway: the
  /// review says so.
  case flagPersonalData(responseID: String, promptID: String)
  case setLanguage(responseID: String, language: Language)
  case setPosition(responseID: String, position: String)
  /// Completes the response: its answers packed (see `AnswerCodec`), demographics packed, and scores.
  case complete(responseID: String, receiptCode: String, scores: [DimensionScore], answers: String, demographics: String)
  case discard(responseID: String)
  /// Not a store write: the resident asked (key `p` on the saved screen) to take their own web home as
  /// a printed page; the app hands this to its take-home printer after the key's writes.
  case takeHome(scores: [DimensionScore], language: Language)
  /// Not a store write: read the scores of an earlier round's response with this receipt code; the
  /// result comes back as `InterviewIntent.earlierWebFound`.
  case lookUpEarlierWeb(receiptCode: String, questionnaireID: String)

  /// Whether the store writes this effect (the others are carried out by the app).
  public var isStoreWrite: Bool {
    switch self {
    case .takeHome, .lookUpEarlierWeb: return false
    default: return true
    }
  }
}

/// What became of a resident's request to take their web home, for the line at the bottom of the screen.
public enum TakeHomeOutcome: Hashable, Sendable {
  /// Written to the configured folder under this file name.
  case written(fileName: String)
  /// Sent to this printer.
  case printed(printer: String)
  /// Neither a folder nor a printer is configured.
  case notConfigured
  /// The configured folder is missing or cannot be written.
  case folderUnusable(path: String)
  /// Rendering or printing failed, with a short reason.
  case failed(String)
}

/// Something the interview has to tell the volunteer in a line at the bottom of the screen.
public enum InterviewNotice: Hashable, Sendable {
  case chooseScoreFirst
  case dontKnowNotAllowed
  case volunteerCodeInvalid
  case noAreaMatch
  case noOpenRound
  case firstQuestion
  /// A third dimension was marked on the web.
  case focusAtMostTwo
  /// No completed interview of an earlier round has this receipt code.
  case earlierNotFound
  case saveFailed(SaveFailureReason)
  case takeHome(TakeHomeOutcome)
  /// The reflection looks like it holds personal data (the kind, the text found); Tab again keeps it.
  case personalData(PersonalDataCheck.Finding.Kind, String)

  /// Why the store could not save, so the screen can say what to do.
  public enum SaveFailureReason: Hashable, Sendable {
    case diskFull, readOnly, busy, other
  }
}
