import WijkwebCore

/// Draws the interview: a pure function from the interview state to a screen.
public enum InterviewView {
  /// The screen for `state` at `size`. Shows the too-small message below 80x24, the pause screen when
  /// paused, and the key help on top of any screen when asked.
  public static func render(_ state: InterviewState, context: InterviewContext, size: Size, unicode: Bool) -> ScreenBuffer {
    let language = state.language
    if size.width < ScreenFrame.minimumSize.width || size.height < ScreenFrame.minimumSize.height {
      return ScreenFrame.tooSmall(size: size, language: language)
    }
    var frame = ScreenFrame(size: size, unicode: unicode, language: language)
    let round = context.round(state.roundIndex)
    var roundText = round.map { "\(UIString.roundLabel.text(language)): \($0.name)" } ?? UIString.noRound.text(language)
    if LanguagePacks.isConcept(language) {
      // A draft translation says so on every screen; the round gives way when both do not fit.
      let mark = UIString.languageConcept.text(language)
      let both = roundText + " | " + mark
      roundText = UIString.appTitle.text(language).count + both.count + 4 <= size.width ? both : mark
    }
    frame.header(UIString.appTitle.text(language), right: roundText)
    let notice = state.notice.map { noticeText($0, language: language) }

    if state.paused {
      PausedScreen.draw(&frame)
      return frame.buffer
    }
    if state.showingHelp {
      HelpScreen.draw(&frame, step: state.step)
      return frame.buffer
    }
    let questionnaire = round?.questionnaire
    var keys: [String]
    switch state.step {
    case .resumeOffer, .confirmDiscard:
      keys = ResumeScreen.draw(&frame, state: state)
    case .welcome:
      keys = WelcomeScreen.draw(&frame, questionnaire: questionnaire)
    case .volunteer:
      keys = VolunteerScreen.draw(&frame, state: state, context: context)
    case .consent:
      keys = ConsentScreen.draw(&frame, questionnaire: questionnaire)
    case .declined:
      frame.paragraph(UIString.declinedText.text(language), y: frame.bodyTop + 4, style: .bold, centered: true)
      keys = [UIString.keyContinue.text(language)]
    case .area:
      keys = AreaScreen.draw(&frame, state: state, context: context)
    case .demographic(let index):
      guard let questionnaire else { return frame.buffer }
      keys = DemographicScreen.draw(&frame, state: state, question: questionnaire.demographics[index])
    case .item(let part, let index):
      guard let questionnaire else { return frame.buffer }
      keys = ItemScreen.draw(&frame, state: state, questionnaire: questionnaire, part: part, index: index)
    case .web(let part):
      guard let questionnaire else { return frame.buffer }
      keys = WebScreen.draw(&frame, state: state, questionnaire: questionnaire, part: part, canLookUpEarlier: context.earlierWeb != nil)
    case .dialogue(let part, let focus, let question):
      guard let questionnaire else { return frame.buffer }
      keys = DialogueScreen.draw(&frame, state: state, questionnaire: questionnaire, part: part, focus: focus, question: question)
    case .earlierCode:
      keys = EarlierCodeScreen.draw(&frame, state: state)
    case .reflection(let index):
      guard let questionnaire else { return frame.buffer }
      keys = ReflectionScreen.draw(&frame, state: state, questionnaire: questionnaire, index: index)
    case .summary:
      guard let questionnaire else { return frame.buffer }
      keys = SummaryScreen.draw(&frame, state: state, questionnaire: questionnaire)
    case .saved(let receipt):
      keys = SavedScreen.draw(&frame, receipt: receipt)
      if !state.savedScores.isEmpty { keys.append(UIString.takeHomeKey.text(language)) }
    }
    if !state.takesText || state.step == .area || state.step == .volunteer {
      keys.append(state.takesText ? "F1: ?" : UIString.keyHelp.text(language))
    }
    keys.append(UIString.languageKey(next: state.nextLanguage(context: context), in: language))
    frame.footer(keys: keys, notice: notice)
    return frame.buffer
  }

  /// A folder as the one-line notice can show it: long paths as "…/" and their last folder.
  static func shortPath(_ path: String) -> String {
    guard path.count > 24, let last = path.split(separator: "/").last else { return path }
    return "…/" + last
  }

  static func noticeText(_ notice: InterviewNotice, language: Language) -> String {
    switch notice {
    case .chooseScoreFirst: return UIString.noticeChooseScore.text(language)
    case .dontKnowNotAllowed: return UIString.noticeDontKnowNotAllowed.text(language)
    case .volunteerCodeInvalid: return UIString.noticeVolunteerCode.text(language)
    case .noAreaMatch: return UIString.noticeNoArea.text(language)
    case .noOpenRound: return UIString.noticeNoRound.text(language)
    case .firstQuestion: return UIString.noticeFirstQuestion.text(language)
    case .focusAtMostTwo: return UIString.noticeFocusAtMostTwo.text(language)
    case .earlierNotFound: return UIString.noticeEarlierNotFound.text(language)
    case .saveFailed(let reason):
      let why: UIString
      switch reason {
      case .diskFull: why = .saveFailedDiskFull
      case .readOnly: why = .saveFailedReadOnly
      case .busy: why = .saveFailedBusy
      case .other: why = .saveFailedOther
      }
      return UIString.noticeSaveFailed.format(language, why.text(language))
    case .takeHome(let outcome):
      switch outcome {
      case .written(let fileName): return UIString.takeHomeWritten.format(language, fileName)
      case .printed(let printer): return UIString.takeHomePrinted.format(language, printer)
      case .notConfigured: return UIString.takeHomeNotConfigured.text(language)
      case .folderUnusable(let path): return UIString.takeHomeFolderUnusable.format(language, shortPath(path))
      case .failed(let reason): return UIString.takeHomeFailed.format(language, reason)
      }
    case .personalData(let kind, let text):
      return UIString.noticePersonalData.format(language, personalDataKind(kind).text(language), text)
    }
  }

  /// What personal data was found, in words ("een telefoonnummer").
  static func personalDataKind(_ kind: PersonalDataCheck.Finding.Kind) -> UIString {
    switch kind {
    case .email: return .personalDataEmail
    case .phone: return .personalDataPhone
    case .postcodeWithNumber, .postcode: return .personalDataPostcode
    case .address: return .personalDataAddress
    case .name: return .personalDataName
    }
  }
}
