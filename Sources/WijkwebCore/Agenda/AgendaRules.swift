/// The rules every text, date and value of the agenda must meet before it is stored, wherever it comes
/// from (a command, the screen, an imported file): texts of at most 1 000 characters without control
/// characters, and without anything the personal-data check takes for a name, address, postcode, phone
/// number or e-mail address (the agenda is published; it names roles and organisations, never people).
public enum AgendaRules {
  /// The longest text (an opgave, what an action does, a note), as for a reflection.
  public static let maximumTextLength = TextEditor.maximumLength
  /// The longest role or group name.
  public static let maximumRoleLength = 120

  /// Which field a text is for (it names the field in a problem).
  public enum Field: String, Sendable, CaseIterable {
    case note, opgave, what, who, agreedBy = "agreed_by"

    /// How a sentence names it.
    var described: String {
      switch self {
      case .note: return "the note"
      case .opgave: return "the opgave"
      case .what: return "what the action does"
      case .who: return "who picks it up"
      case .agreedBy: return "who agreed the ondergrens"
      }
    }

    /// Whether the field may stay empty.
    var optional: Bool { self == .note }
    var limit: Int { self == .who || self == .agreedBy ? AgendaRules.maximumRoleLength : AgendaRules.maximumTextLength }
  }

  /// `text` with white space trimmed, or the problem that keeps it out.
  public static func text(_ text: String, _ field: Field, allowedNames: Set<String> = []) throws(AgendaProblem) -> String {
    let trimmed = text.trimmingWhitespace
    guard TerminalText.isPrintable(trimmed) else {
      throw AgendaProblem(.controlCharacter, field: field, "\(field.described.capitalizedFirst) holds a control character (such as a line break or an escape code); write it as plain text on one line.")
    }
    guard !trimmed.isEmpty || field.optional else {
      throw AgendaProblem(.empty, field: field, "\(field.described.capitalizedFirst) is empty; write it down.")
    }
    let count = trimmed.count
    guard count <= field.limit else {
      throw AgendaProblem(.tooLong, field: field, "\(field.described.capitalizedFirst) has \(count) characters; at most \(field.limit) are allowed.")
    }
    if let finding = PersonalDataCheck.findings(in: trimmed, allowedNames: allowedNames).first {
      throw AgendaProblem(.personalData(finding.kind), field: field,
        "\(field.described.capitalizedFirst) looks like it holds \(finding.kind.described) (\"\(finding.text)\"); the agenda names roles and organisations, never people, addresses or contact details.")
    }
    return trimmed
  }

  /// A calendar day written `yyyy-MM-dd` (years 2000-2099), or the problem.
  public static func day(_ text: String, what: String) throws(AgendaProblem) -> String {
    let trimmed = text.trimmingWhitespace
    let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    guard trimmed.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
          let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
          (2000 ... 2099).contains(year), (1 ... 12).contains(month), (1 ... daysIn(month: month, year: year)).contains(day) else {
      throw AgendaProblem(.badDate, field: nil, "\(what.capitalizedFirst) \"\(TerminalText.visible(String(trimmed.prefix(40))))\" is not a day; write it as yyyy-mm-dd, e.g. 2027-03-01.")
    }
    return trimmed
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// An ondergrens between 0 and 10 with at most one decimal (`5,5` or `5.5`), or the problem.
  public static func floorValue(_ text: String) throws(AgendaProblem) -> Double {
    let trimmed = text.trimmingWhitespace.replacingComma()
    let decimals = trimmed.split(separator: ".", omittingEmptySubsequences: false)
    guard !trimmed.isEmpty, trimmed.utf8.count <= 4, decimals.count <= 2, decimals.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
          decimals.count == 1 || decimals[1].count == 1, let value = Double(trimmed), (0 ... 10).contains(value) else {
      throw AgendaProblem(.badValue, field: nil, "The ondergrens \"\(TerminalText.visible(String(text.prefix(40))))\" is not a score from 0 to 10 (one decimal at most, e.g. 6 or 5,5).")
    }
    return value
  }

  /// The dimension named by its key (`meedoen`, `mentaal_welbevinden`), or the problem.
  public static func dimension(_ text: String) throws(AgendaProblem) -> Dimension {
    guard let dimension = Dimension(rawValue: text.trimmingWhitespace.lowercased()) else {
      throw AgendaProblem(.badChoice, field: nil, "\"\(TerminalText.visible(String(text.prefix(40))))\" is no dimension; use one of \(Dimension.allCases.map(\.key).joined(separator: ", ")).")
    }
    return dimension
  }

  /// A recognition (`ja`, `deels`, `nee`), or the problem.
  public static func recognition(_ text: String) throws(AgendaProblem) -> Recognition {
    guard let value = Recognition(rawValue: text.trimmingWhitespace.lowercased()) else {
      throw AgendaProblem(.badChoice, field: nil, "\"\(TerminalText.visible(String(text.prefix(40))))\" is no recognition; use ja, deels or nee.")
    }
    return value
  }

  /// An action's status (`open`, `bezig`, `klaar`, `vervallen`), or the problem.
  public static func status(_ text: String) throws(AgendaProblem) -> ActionStatus {
    guard let value = ActionStatus(rawValue: text.trimmingWhitespace.lowercased()) else {
      throw AgendaProblem(.badChoice, field: nil, "\"\(TerminalText.visible(String(text.prefix(40))))\" is no status; use open, bezig, klaar or vervallen.")
    }
    return value
  }

  /// Checks every field of an action; returns it with its texts trimmed.
  public static func action(_ action: AgendaAction, allowedNames: Set<String> = []) throws(AgendaProblem) -> AgendaAction {
    var checked = action
    checked.what = try text(action.what, .what, allowedNames: allowedNames)
    checked.who = try text(action.who, .who, allowedNames: allowedNames)
    checked.due = try day(action.due, what: "the due day")
    checked.note = try text(action.note, .note, allowedNames: allowedNames)
    return checked
  }

  /// Checks an ondergrens; returns it with its texts trimmed.
  public static func floor(_ floor: Floor, allowedNames: Set<String> = []) throws(AgendaProblem) -> Floor {
    var checked = floor
    guard floor.value.isFinite, (0 ... 10).contains(floor.value), (floor.value * 10).rounded() == floor.value * 10 else {
      throw AgendaProblem(.badValue, field: nil, "The ondergrens \(floor.value) is not a score from 0 to 10 with at most one decimal.")
    }
    checked.agreedBy = try text(floor.agreedBy, .agreedBy, allowedNames: allowedNames)
    checked.agreedOn = try day(floor.agreedOn, what: "the day it was agreed")
    return checked
  }
}

/// Why a text, day or value was kept out of the agenda: one plain sentence, and its kind for a screen.
public struct AgendaProblem: Error, UserFacingError, Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case empty, tooLong, controlCharacter, personalData(PersonalDataCheck.Finding.Kind), badDate, badValue, badChoice, unknown
  }

  public var kind: Kind
  public var field: AgendaRules.Field?
  public var message: String

  public init(_ kind: Kind, field: AgendaRules.Field?, _ message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }

  public var description: String { message }
}

extension PersonalDataCheck.Finding.Kind {
  /// What the finding looks like, in a sentence.
  var described: String {
    switch self {
    case .email: return "an e-mail address"
    case .phone: return "a phone number"
    case .postcodeWithNumber, .postcode: return "a postcode"
    case .address: return "an address"
    case .name: return "a person's name"
    }
  }
}

extension String {
  func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
