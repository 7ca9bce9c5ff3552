/// A key press, as the interview understands it; terminals translate their own codes into these.
///
/// A closed set: every key a terminal can send is one of these or is reported as unrecognised by the
/// terminal layer, never as a guess. Modifiers (Shift, Alt, Ctrl on arrows and the like) travel beside
/// the key in the terminal event; the screens act only on unmodified keys.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl with a letter (`a` ... `z`), other than those that are Tab (Ctrl-I), Enter (Ctrl-J, Ctrl-M),
  /// Backspace (Ctrl-H) or the interrupt (Ctrl-C).
  case control(Character)
  case enter
  case tab
  case backTab
  case backspace
  case delete
  case insert
  case escape
  case up
  case down
  case left
  case right
  case home
  case end
  case pageUp
  case pageDown
  /// F1 ... F24.
  case function(Int)
  /// Ctrl-C: leave the program; confirmed answers are already stored.
  case interrupt
  /// The terminal changed size.
  case resize
}
