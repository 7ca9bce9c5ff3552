/// A multi-line text being typed, with a cursor; wraps at a fixed width for display and cursor movement.
public struct TextEditor: Hashable, Sendable {
  public private(set) var characters: [Character]
  /// Index in `characters` before which the next character is inserted.
  public private(set) var cursor: Int
  /// Columns per display row.
  public let wrapWidth: Int
  /// The most characters a reflection may hold.
  public static let maximumLength = 1000

  public init(text: String = "", wrapWidth: Int = 66) {
    self.characters = Array(text)
    self.cursor = characters.count
    self.wrapWidth = max(8, wrapWidth)
  }

  public var text: String { String(characters) }

  /// A cursor movement or deletion.
  public enum Edit: Hashable, Sendable {
    case deleteBackward, deleteForward, left, right, lineStart, lineEnd, up, down
  }

  /// Applies an edit.
  public mutating func apply(_ edit: Edit) {
    switch edit {
    case .deleteBackward:
      if cursor > 0 {
        characters.remove(at: cursor - 1)
        cursor -= 1
      }
    case .deleteForward:
      if cursor < characters.count { characters.remove(at: cursor) }
    case .left:
      cursor = max(0, cursor - 1)
    case .right:
      cursor = min(characters.count, cursor + 1)
    case .lineStart:
      cursor = rows()[position().row].start
    case .lineEnd:
      cursor = rows()[position().row].end
    case .up, .down:
      let rows = rows()
      let here = position()
      let target = here.row + (edit == .up ? -1 : 1)
      guard rows.indices.contains(target) else { return }
      cursor = min(rows[target].start + here.column, rows[target].end)
    }
  }

  /// Inserts text at the cursor (a paste): line breaks are kept, other control characters dropped, and
  /// what goes past `maximumLength` is left out.
  public mutating func insert(_ text: String) {
    for character in text { insert(character) }
  }

  private mutating func insert(_ character: Character) {
    guard characters.count < Self.maximumLength else { return }
    guard character == "\n" || !(character.unicodeScalars.first.map { $0.properties.generalCategory == .control } ?? true) else { return }
    characters.insert(character, at: cursor)
    cursor += 1
  }

  /// A display row: the characters `start ..< end` (without the newline that ends it, if any).
  public struct Row: Hashable, Sendable {
    public var start: Int
    public var end: Int
  }

  /// The text broken into display rows: at newlines, and at the last space before `wrapWidth`
  /// (or hard at `wrapWidth` inside a long word).
  public func rows() -> [Row] {
    var rows: [Row] = []
    var start = 0
    var index = 0
    var lastSpace: Int?
    while index < characters.count {
      let character = characters[index]
      if character == "\n" {
        rows.append(Row(start: start, end: index))
        start = index + 1
        lastSpace = nil
      } else if index - start >= wrapWidth {
        if let space = lastSpace, space > start {
          rows.append(Row(start: start, end: space))
          start = space + 1
        } else {
          rows.append(Row(start: start, end: index))
          start = index
        }
        lastSpace = nil
        continue
      } else if character == " " {
        lastSpace = index
      }
      index += 1
    }
    rows.append(Row(start: start, end: characters.count))
    return rows
  }

  /// The row and column of the cursor in the wrapped layout.
  public func position() -> (row: Int, column: Int) {
    let rows = rows()
    for (number, row) in rows.enumerated().reversed() where cursor >= row.start {
      return (number, min(cursor - row.start, wrapWidth))
    }
    return (0, 0)
  }

  /// The text of each display row.
  public func displayLines() -> [String] {
    rows().map { String(characters[$0.start ..< $0.end]) }
  }
}
