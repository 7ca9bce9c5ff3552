/// The whole state of one interview on screen: where it is, what was answered, and what is being typed.
///
/// A value type with no I/O: `handle(_:context:)` turns a key press into a new state plus the effects the
/// store must apply before the next screen is drawn. Screens are drawn from this state alone.
public struct InterviewState: Hashable, Sendable {
  /// The screens of an interview, in order.
  public enum Step: Hashable, Sendable {
    /// An interrupted interview was found: resume it or discard it.
    case resumeOffer
    case confirmDiscard
    case welcome
    /// Round and volunteer code.
    case volunteer
    case consent
    /// No consent: nothing is stored.
    case declined
    case area
    case demographic(Int)
    case item(part: Int, index: Int)
    /// The web of a part; digits mark the one or two dimensions the resident wants to talk about.
    case web(part: Int)
    /// One of the three dialogue questions about a dimension marked on the web of `part`.
    case dialogue(part: Int, focus: Int, question: Int)
    /// The receipt code of an earlier round, to show that web beside this one.
    case earlierCode(part: Int)
    case reflection(Int)
    case summary
    case saved(receiptCode: String)
  }

  public var step: Step
  public var language: Language
  public var showingHelp = false
  /// Hidden behind the "gesprek gepauzeerd" screen after the idle time.
  public var paused = false
  /// The volunteer pressed Ctrl-C or chose to leave.
  public var wantsToQuit = false
  public var notice: InterviewNotice?

  public var roundIndex = 0
  public var volunteerCode: String
  public var responseID: String?
  public var areaCode: String?
  public var demographics: [String: String?] = [:]
  public var answers: [String: AnswerValue] = [:]
  public var reflections: [String: String] = [:]
  /// The resident's scores per part id (in `Dimension.allCases` order) from an earlier round, found with their receipt code (shown
  /// beside the web; never stored with this response).
  public var earlierScores: [String: [Double?]] = [:]
  /// The receipt code being typed on the earlier-web screen.
  public var earlierCode = ""
  /// The interrupted interview offered for resuming, if any.
  public var interrupted: SavedInterview?
  /// The dimension scores of the response just saved, only while the saved screen shows: the resident
  /// may take their own web home (`p`). Cleared with everything else on Enter or after the idle time.
  public var savedScores: [DimensionScore] = []

  /// The score on the slider, not yet confirmed.
  public var slider: Int?
  var lastKeyWasOne = false
  /// The highlighted line in a list (rounds, areas, choices).
  public var selection = 0
  /// What has been typed in the area search.
  public var query = ""
  public var editor = TextEditor()
  /// The reflection text the volunteer was last warned about (or that was already kept): a second Tab
  /// on the same text stores it anyway; the reviewer decides.
  public var warnedReflection: String?

  /// A fresh interview at the welcome screen, or at the resume offer when one was interrupted.
  public init(volunteerCode: String = "", interrupted: SavedInterview? = nil, language: Language = .dutch) {
    self.volunteerCode = volunteerCode
    self.interrupted = interrupted
    self.language = language
    self.step = interrupted == nil ? .welcome : .resumeOffer
  }

  /// The volunteer code must look like a code, not a name: 2 to 12 letters and digits with at least one digit.
  public static func isValidVolunteerCode(_ code: String) -> Bool {
    (2 ... 12).contains(code.count) && code.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-") && $0.isASCII }
      && code.contains(where: \.isNumber)
  }

  /// Whether the current step takes typed text, so letter keys are text rather than commands.
  public var takesText: Bool {
    switch step {
    case .volunteer, .area, .reflection, .dialogue, .earlierCode: return true
    default: return false
    }
  }

  /// Whether answers of a resident could be on screen, so the idle pause must hide them.
  public var showsResidentData: Bool {
    switch step {
    case .resumeOffer, .confirmDiscard, .welcome, .volunteer, .consent, .declined: return false
    default: return true
    }
  }
}

extension InterviewState.Step {
  /// The step as stored with an unfinished interview, so it resumes on the same screen.
  public var positionCode: String {
    switch self {
    case .area: return "area"
    case .demographic(let index): return "demographic:\(index)"
    case .item(let part, let index): return "item:\(part):\(index)"
    case .web(let part), .earlierCode(let part): return "web:\(part)"
    case .dialogue(let part, let focus, let question): return "dialogue:\(part):\(focus):\(question)"
    case .reflection(let index): return "reflection:\(index)"
    case .summary: return "summary"
    default: return "area"
    }
  }

  /// The step for a stored position, checked against the questionnaire; nil when it no longer fits.
  public init?(positionCode: String, questionnaire: Questionnaire) {
    let fields = positionCode.split(separator: ":").map(String.init)
    let numbers = fields.dropFirst().compactMap { Int($0) }
    switch (fields.first, numbers.count) {
    case ("area", 0): self = .area
    case ("demographic", 1) where questionnaire.demographics.indices.contains(numbers[0]):
      self = .demographic(numbers[0])
    case ("item", 2) where questionnaire.parts.indices.contains(numbers[0])
      && questionnaire.parts[numbers[0]].items.indices.contains(numbers[1]):
      self = .item(part: numbers[0], index: numbers[1])
    case ("web", 1) where questionnaire.parts.indices.contains(numbers[0]): self = .web(part: numbers[0])
    case ("dialogue", 3) where questionnaire.parts.indices.contains(numbers[0]) && (0 ..< 2).contains(numbers[1])
      && (0 ..< InterviewState.dialogueQuestions).contains(numbers[2]):
      self = .dialogue(part: numbers[0], focus: numbers[1], question: numbers[2])
    case ("reflection", 1) where questionnaire.reflection.indices.contains(numbers[0]): self = .reflection(numbers[0])
    case ("summary", 0): self = .summary
    default: return nil
    }
  }
}

extension InterviewState {
  /// The dialogue questions asked about each marked dimension: what is important, what would you like
  /// to change, what or who could help.
  public static let dialogueQuestions = 3
  /// At most this many dimensions can be marked on a web.
  public static let maximumFocus = 2

  /// The dialogue question `index` (0: what is important, 1: what to change, 2: what or who could help)
  /// about a dimension, by its name.
  public static func dialogueQuestion(_ index: Int, dimension name: String, language: Language) -> String {
    switch index {
    case 0: return UIString.dialogueImportant.format(language, name.lowercased())
    case 1: return UIString.dialogueChange.format(language, name.lowercased())
    default: return UIString.dialogueHelp.text(language)
    }
  }

  /// The reflection id under which the marked dimensions of a part are stored.
  public static func focusID(partID: String) -> String { "focus.\(partID)" }

  /// The reflection id of a dialogue answer.
  public static func dialogueID(partID: String, dimension: Dimension, question: Int) -> String {
    "dialogue.\(partID).\(dimension.key).\(question + 1)"
  }

  /// The earlier round's score of a dimension in a part (scores are kept in `Dimension.allCases` order).
  public func earlierScore(partID: String, dimension: Dimension) -> Double? {
    guard let scores = earlierScores[partID], let index = Dimension.allCases.firstIndex(of: dimension), index < scores.count else { return nil }
    return scores[index]
  }

  /// The dimensions marked on the web of a part, in the order they were marked.
  public func focus(partID: String) -> [Dimension] {
    (reflections[Self.focusID(partID: partID)] ?? "").split(separator: ",").compactMap { Dimension(rawValue: String($0)) }
  }
}
