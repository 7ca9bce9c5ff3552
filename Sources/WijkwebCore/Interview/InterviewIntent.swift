/// What the volunteer wants, as the interview state machine understands it: no terminal keys here.
///
/// The terminal layer maps keys to intents, one table per kind of screen (`InterviewKeyMap` in
/// WijkwebTUI); the plain mode maps typed lines to them. Results of effects that read (the earlier web
/// found by its receipt code) come back as intents too.
public enum InterviewIntent: Hashable, Sendable {
  /// Ctrl-C: leave the program; confirmed answers are already stored.
  case interrupt
  /// Leave the interview screen (from the welcome screen or the resume offer).
  case leave
  case showHelp
  case switchLanguage
  /// Enter: confirm the score, the highlighted choice, the typed code; go on.
  case confirm
  /// Back to the previous screen.
  case back
  /// Move the highlight in a list (or the round on the volunteer screen).
  case moveUp
  case moveDown
  case pageUp
  case pageDown
  case moveToFirst
  case moveToLast
  /// A digit on a statement: the score on the slider (1 then 0 is 10).
  case chooseScore(Int)
  case lowerScore
  case raiseScore
  case lowestScore
  case highestScore
  case dontKnow
  /// A number on a question about the resident: that choice (1-based), chosen at once.
  case chooseOption(Int)
  /// A number on the web: mark or unmark that dimension (1-based, in the web's order) to talk about.
  case markTopic(Int)
  /// Look up the web of an earlier round by its receipt code.
  case showEarlierWeb
  /// Text typed or pasted into the field of the screen.
  case typeText(String)
  case deleteBackward
  /// A cursor movement or deletion in a multi-line answer.
  case edit(TextEditor.Edit)
  /// Keep the typed answer and go on (Tab).
  case nextText
  /// Resume the interrupted interview.
  case resume
  /// Discard the interrupted interview (asks for confirmation).
  case discard
  case yes
  case no
  /// The resident takes their own web home (the saved screen).
  case takeHome
  /// The result of `InterviewEffect.lookUpEarlierWeb`: the earlier scores, or nil when none were found.
  case earlierWebFound([String: [Double?]]?)
  /// Close the help screen.
  case dismiss
}
