import WijkwebCore

/// The review of free text, one reflection at a time: mark publishable, not publishable, or publishable
/// after editing (a redacted copy), and tag it with dimensions. Pure: `handle` returns what to store.
public struct ReviewState: Sendable {
  /// One reflection under review, as the store gave it, with the decision being made.
  public struct Entry: Hashable, Sendable {
    public var text: String
    public var areaName: String
    public var promptID: String
    public var status: String
    public var redacted: String?
    public var dimensions: Set<Dimension>
    /// Whether the personal-data check flagged the text during the interview.
    public var flaggedPersonalData: Bool
    public init(text: String, areaName: String, promptID: String, status: String, redacted: String?, dimensions: Set<Dimension>,
                flaggedPersonalData: Bool = false) {
      self.flaggedPersonalData = flaggedPersonalData
      self.text = text
      self.areaName = areaName
      self.promptID = promptID
      self.status = status
      self.redacted = redacted
      self.dimensions = dimensions
    }
  }

  /// What the caller must store after a key.
  public enum Decision: Hashable, Sendable {
    case save(index: Int)
  }

  public var entries: [Entry]
  public var index = 0
  /// The redacted copy being typed, when editing.
  public var editor: TextEditor?
  public var language: Language
  public var showingHelp = false
  public var wantsToQuit = false
  /// What looks like personal data in the edited copy, shown after the first Tab; a second Tab on the
  /// same text keeps it (the reviewer decides).
  public var personalDataWarning: PersonalDataCheck.Finding?
  /// Place names that are never taken for a person's name.
  public var placeNames: Set<String> = []
  private var warnedText: String?

  public init(entries: [Entry], language: Language = .dutch) {
    self.entries = entries
    self.language = language
  }

  public var current: Entry? { entries.indices.contains(index) ? entries[index] : nil }

  /// Applies a key; returns the entries to store.
  public mutating func handle(_ key: Key) -> [Decision] {
    if showingHelp {
      showingHelp = false
      return []
    }
    if var editor {
      personalDataWarning = nil
      switch key {
      case .tab, .function(10):
        let text = editor.text.trimmingWhitespaceAndNewlines
        if text != warnedText, let found = PersonalDataCheck.findings(in: text, allowedNames: placeNames).first {
          warnedText = text
          personalDataWarning = found
          return []
        }
        self.editor = nil
        guard !text.isEmpty else { return [] }
        entries[index].redacted = text
        entries[index].status = "publishable_edited"
        return [.save(index: index)] + advance()
      case .escape:
        self.editor = nil
      case .interrupt:
        wantsToQuit = true
      default:
        editor.handle(key)
        self.editor = editor
      }
      return []
    }
    guard current != nil else {
      if key == .interrupt || key == .character("q") || key == .escape || key == .enter { wantsToQuit = true }
      // Back from "no more texts" to the last one.
      if key == .left || key == .pageUp, !entries.isEmpty { index = entries.count - 1 }
      return []
    }
    switch key {
    case .interrupt, .character("q"), .escape:
      wantsToQuit = true
    case .character("?"), .function(1):
      showingHelp = true
    case .function(2), .character("l"):
      language = language == .dutch ? .english : .dutch
    case .character("p"):
      entries[index].status = "publishable"
      entries[index].redacted = nil
      return [.save(index: index)] + advance()
    case .character("n"):
      entries[index].status = "not_publishable"
      entries[index].redacted = nil
      return [.save(index: index)] + advance()
    case .character("e"):
      editor = TextEditor(text: entries[index].redacted ?? entries[index].text, wrapWidth: 66)
    case .character(let character) where character.wholeNumberValue.map({ (1 ... 6).contains($0) }) ?? false:
      let dimension = Dimension.allCases[(character.wholeNumberValue ?? 1) - 1]
      if entries[index].dimensions.contains(dimension) {
        entries[index].dimensions.remove(dimension)
      } else {
        entries[index].dimensions.insert(dimension)
      }
      if entries[index].status != "unreviewed" { return [.save(index: index)] }
    case .right, .enter, .pageDown:
      index = min(entries.count - 1, index + 1)
    case .left, .pageUp:
      index = max(0, index - 1)
    case .home:
      index = 0
    case .end:
      index = entries.count - 1
    default:
      break
    }
    return []
  }

  /// After a decision: the next text not yet reviewed (after this one, then from the start); "no more
  /// texts" only when every text has been reviewed.
  private mutating func advance() -> [Decision] {
    let order = Array(entries.indices.dropFirst(index + 1)) + Array(entries.indices.prefix(index + 1))
    index = order.first { entries[$0].status == "unreviewed" } ?? entries.count
    return []
  }
}

extension String {
  var trimmingWhitespaceAndNewlines: String {
    var result = Substring(self)
    while let first = result.first, first.isWhitespace { result.removeFirst() }
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return String(result)
  }
}
