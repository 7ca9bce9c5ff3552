/// A key press, as the interview understands it; terminals translate their own codes into these.
public enum Key: Hashable, Sendable {
  case character(Character)
  case enter
  case tab
  case backTab
  case backspace
  case delete
  case escape
  case up
  case down
  case left
  case right
  case home
  case end
  case pageUp
  case pageDown
  case function(Int)
  /// Ctrl-C: leave the program; confirmed answers are already stored.
  case interrupt
  /// The terminal changed size.
  case resize
}
