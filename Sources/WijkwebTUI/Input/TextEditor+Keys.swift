import WijkwebCore

extension TextEditor {
  /// The edit a key makes in a multi-line text, or nil when the key is no editing key.
  public static func edit(for key: Key) -> Edit? {
    switch key {
    case .backspace: return .deleteBackward
    case .delete: return .deleteForward
    case .left: return .left
    case .right: return .right
    case .home: return .lineStart
    case .end: return .lineEnd
    case .up: return .up
    case .down: return .down
    default: return nil
    }
  }

  /// Applies an editing key (a character, Enter as a line break, or an edit); returns false when the
  /// key is not an editing key.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character): insert(String(character))
    case .enter: insert("\n")
    default:
      guard let edit = Self.edit(for: key) else { return false }
      apply(edit)
    }
    return true
  }
}
