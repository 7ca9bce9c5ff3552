import WijkwebCore

/// A change the agenda screen asks to store; the store checks it by the agenda's rules.
public enum AgendaEdit: Hashable, Sendable {
  /// An ondergrens as typed (checked when it is stored).
  public struct FloorInput: Hashable, Sendable {
    public var value: String
    public var agreedBy: String
    public var agreedOn: String
  }

  /// A dimension's recognition (nil: leave it) and ondergrens (nil: leave it).
  case dimension(Dimension, recognition: AgendaRecognition?, floor: FloorInput?)
  case task(AgendaTask)
  case action(AgendaAction)
}

/// The screen where the gebiedsteam records a wijkdialoog's outcome: one row per dimension (recognition
/// and ondergrens), the opgaven and the actions; Enter opens a form, `s` moves an action's status on.
/// Pure: keys in, the state and the edits to store out.
public struct AgendaEditState: Hashable, Sendable {
  public enum Row: Hashable, Sendable { case dimension(Dimension), task(Int), action(Int), newTask, newAction }

  public enum Field: Hashable, Sendable { case recognition, note, floorValue, agreedBy, agreedOn, dimension, text, what, who, due, status }

  /// A form being filled in: which thing, its fields in order, their values as typed, the field in focus.
  public struct Form: Hashable, Sendable {
    public enum Subject: Hashable, Sendable { case dimension(Dimension), task(id: Int64?), action(id: Int64?) }
    public var subject: Subject
    public var fields: [Field]
    public var values: [Field: String]
    public var focus = 0

    /// Fields chosen with ← → rather than typed.
    public static let choices: [Field: [String]] = [
      .recognition: [""] + Recognition.allCases.map(\.rawValue),
      .dimension: Dimension.allCases.map(\.key),
      .status: ActionStatus.allCases.map(\.rawValue),
    ]
  }

  public var agenda: Agenda
  public var floors: [Floor]
  public var dimensions: [Dimension]
  public var language: Language
  public var selection = 0
  public var form: Form?
  /// A line for the foot of the screen: saved, or why not.
  public var notice: String?
  public var wantsToQuit = false

  public init(agenda: Agenda, floors: [Floor], dimensions: [Dimension], language: Language) {
    self.agenda = agenda
    self.floors = floors
    self.dimensions = dimensions
    self.language = language
  }

  public var rows: [Row] {
    dimensions.map { .dimension($0) } + agenda.tasks.indices.map { .task($0) } + [.newTask]
      + agenda.actions.indices.map { .action($0) } + [.newAction]
  }

  /// Applies a key; returns the edit to store, if the key asked for one.
  public mutating func handle(_ key: Key) -> AgendaEdit? {
    if form != nil { return handleForm(key) }
    let rows = self.rows
    notice = nil
    switch key {
    case .up: selection = max(0, selection - 1)
    case .down: selection = min(rows.count - 1, selection + 1)
    case .home: selection = 0
    case .end: selection = rows.count - 1
    case .escape, .interrupt, .character("q"): wantsToQuit = true
    case .function(2): language = language == .dutch ? .english : .dutch
    case .character("n"): open(.newTask)
    case .character("t"): open(.newAction)
    case .enter: open(rows[min(selection, rows.count - 1)])
    case .character("s"):
      guard case .action(let index) = rows[min(selection, rows.count - 1)] else { return nil }
      var action = agenda.actions[index]
      let all = ActionStatus.allCases
      action.status = all[((all.firstIndex(of: action.status) ?? 0) + 1) % all.count]
      return .action(action)
    default: break
    }
    return nil
  }

  mutating func open(_ row: Row) {
    switch row {
    case .dimension(let dimension):
      let recognition = agenda.recognition(of: dimension)
      let floor = floors.first { $0.dimension == dimension }
      form = Form(subject: .dimension(dimension), fields: [.recognition, .note, .floorValue, .agreedBy, .agreedOn], values: [
        .recognition: recognition?.recognition.rawValue ?? "", .note: recognition?.note ?? "",
        .floorValue: floor.map { Floor.number($0.value, language) } ?? "", .agreedBy: floor?.agreedBy ?? "", .agreedOn: floor?.agreedOn ?? "",
      ])
    case .task(let index):
      let task = agenda.tasks[index]
      form = Form(subject: .task(id: task.id), fields: [.dimension, .text], values: [.dimension: task.dimension.key, .text: task.text])
    case .newTask:
      form = Form(subject: .task(id: nil), fields: [.dimension, .text], values: [.dimension: dimensions.first?.key ?? "", .text: ""])
    case .action(let index):
      let action = agenda.actions[index]
      form = Form(subject: .action(id: action.id), fields: [.dimension, .what, .who, .due, .status, .note], values: [
        .dimension: action.dimension.key, .what: action.what, .who: action.who, .due: action.due, .status: action.status.rawValue,
        .note: action.note,
      ])
    case .newAction:
      form = Form(subject: .action(id: nil), fields: [.dimension, .what, .who, .due, .status, .note], values: [
        .dimension: dimensions.first?.key ?? "", .what: "", .who: "", .due: "", .status: ActionStatus.open.rawValue, .note: "",
      ])
    }
  }

  mutating func handleForm(_ key: Key) -> AgendaEdit? {
    guard var form else { return nil }
    let field = form.fields[form.focus]
    defer { if self.form != nil { self.form = form } }
    switch key {
    case .escape:
      self.form = nil
      notice = nil
      return nil
    case .tab, .down:
      form.focus = (form.focus + 1) % form.fields.count
    case .backTab, .up:
      form.focus = (form.focus + form.fields.count - 1) % form.fields.count
    case .left, .right:
      guard let choices = Form.choices[field] else { break }
      let index = choices.firstIndex(of: form.values[field] ?? "") ?? 0
      form.values[field] = choices[(index + (key == .right ? 1 : choices.count - 1)) % choices.count]
    case .backspace:
      guard Form.choices[field] == nil else { break }
      _ = form.values[field]?.popLast()
    case .character(let character):
      guard Form.choices[field] == nil, (form.values[field] ?? "").count < AgendaRules.maximumTextLength else { break }
      form.values[field, default: ""].append(character)
    case .enter:
      return edit(form)
    default: break
    }
    return nil
  }

  /// The edit a filled-in form asks for (checked by the store when it is saved).
  func edit(_ form: Form) -> AgendaEdit {
    let value = { (field: Field) in form.values[field] ?? "" }
    switch form.subject {
    case .dimension(let dimension):
      let recognition = Recognition(rawValue: value(.recognition)).map { AgendaRecognition(dimension: dimension, recognition: $0, note: value(.note)) }
      let floor = value(.floorValue).isEmpty ? nil
        : AgendaEdit.FloorInput(value: value(.floorValue), agreedBy: value(.agreedBy), agreedOn: value(.agreedOn))
      return .dimension(dimension, recognition: recognition, floor: floor)
    case .task(let id):
      return .task(AgendaTask(id: id, dimension: Dimension(rawValue: value(.dimension)) ?? .meedoen, text: value(.text)))
    case .action(let id):
      return .action(AgendaAction(id: id, dimension: Dimension(rawValue: value(.dimension)) ?? .meedoen, what: value(.what), who: value(.who),
                                  due: value(.due), status: ActionStatus(rawValue: value(.status)) ?? .open, note: value(.note)))
    }
  }

  /// After a save: the stored agenda, the form closed, "Bewaard.".
  public mutating func saved(agenda: Agenda, floors: [Floor]) {
    self.agenda = agenda
    self.floors = floors
    form = nil
    notice = UIString.agendaSaved.text(language)
    selection = min(selection, rows.count - 1)
  }

  /// After a refusal: the form stays as typed, with why.
  public mutating func refused(_ error: any Error) {
    guard let problem = error as? AgendaProblem else {
      notice = TerminalText.visible(String(describing: error))
      return
    }
    switch problem.kind {
    case .personalData(let kind):
      let what: UIString
      switch kind {
      case .email: what = .personalDataEmail
      case .phone: what = .personalDataPhone
      case .postcode, .postcodeWithNumber: what = .personalDataPostcode
      case .address: what = .personalDataAddress
      case .name: what = .personalDataName
      }
      let quoted = problem.message.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
      notice = UIString.agendaProblemPersonal.format(language, what.text(language), TerminalText.visible(quoted))
    default:
      notice = UIString.agendaProblemOther.format(language, Self.fieldName(Self.field(of: problem), language))
    }
  }

  static func field(of problem: AgendaProblem) -> Field? {
    switch problem.field {
    case .note: return .note
    case .opgave: return .text
    case .what: return .what
    case .who: return .who
    case .agreedBy: return .agreedBy
    case nil:
      switch problem.kind {
      case .badDate: return problem.message.contains("due") ? .due : .agreedOn
      case .badValue: return .floorValue
      default: return nil
      }
    }
  }

  public static func fieldName(_ field: Field?, _ language: Language) -> String {
    guard let field else { return "" }
    switch field {
    case .recognition: return UIString.agendaRecognitionHeading.text(language)
    case .note: return UIString.agendaFieldNote.text(language)
    case .floorValue: return UIString.reportFloorTitle.text(language)
    case .agreedBy: return UIString.agendaFieldAgreedBy.text(language)
    case .agreedOn: return UIString.agendaFieldAgreedOn.text(language)
    case .dimension: return UIString.agendaFieldDimension.text(language)
    case .text: return UIString.agendaTasksHeading.text(language)
    case .what: return UIString.agendaFieldWhat.text(language)
    case .who: return UIString.agendaFieldWho.text(language)
    case .due: return UIString.agendaFieldDue.text(language)
    case .status: return UIString.agendaFieldStatus.text(language)
    }
  }
}
