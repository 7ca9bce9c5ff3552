import WijkwebCore

/// One key press (or paste) through the interview, as every front end (the screen and the plain mode) applies it:
/// the new state is kept only when its effects were recorded; a take-home request is then carried out
/// and its outcome said as a notice.
enum InterviewStep {
  static func apply(
    _ key: Key, to state: inout InterviewState, context: InterviewContext, recorder: InterviewRecorder,
    takeHomePrinter: TakeHomePrinter?
  ) {
    apply({ $0.handle(key, context: $1) }, to: &state, context: context, recorder: recorder, takeHomePrinter: takeHomePrinter)
  }

  /// Applies one update of the state (a key, a paste) the same way.
  static func apply(
    _ update: (inout InterviewState, InterviewContext) -> [InterviewEffect], to state: inout InterviewState,
    context: InterviewContext, recorder: InterviewRecorder, takeHomePrinter: TakeHomePrinter?
  ) {
    var next = state
    let effects = update(&next, context)
    let writes = effects.filter(\.isStoreWrite)
    do {
      try recorder.record(writes)
      state = next
    } catch {
      state.notice = .saveFailed((error as? SaveFailure)?.reason ?? .other)
      return
    }
    // A read the update asked for: its result comes back as an intent.
    for case .lookUpEarlierWeb(let code, let questionnaireID) in effects {
      _ = state.apply(.earlierWebFound(context.earlierWeb?(code, questionnaireID)), context: context)
    }
    for case .takeHome(let scores, let language) in effects {
      guard let questionnaire = state.questionnaire(in: context) else { continue }
      state.notice = .takeHome(takeHomePrinter?.takeHome(scores: scores, questionnaire: questionnaire, language: language) ?? .notConfigured)
    }
  }
}
