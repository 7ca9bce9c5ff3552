/// Whether residents recognised the area's profile at the wijkdialoog, for one dimension.
public enum Recognition: String, CaseIterable, Sendable, Hashable {
  case ja, deels, nee
}

/// Where an action of the agenda stands.
public enum ActionStatus: String, CaseIterable, Sendable, Hashable {
  case open, bezig, klaar, vervallen
}

/// Whether residents recognised the profile of one dimension ("herkend"), with the meeting's note.
public struct AgendaRecognition: Hashable, Sendable {
  public var dimension: Dimension
  public var recognition: Recognition
  public var note: String
  /// When it was last changed (`yyyy-MM-dd HH:mm:ss`, UTC), set by the store.
  public var changedAt: String

  public init(dimension: Dimension, recognition: Recognition, note: String, changedAt: String = "") {
    self.dimension = dimension
    self.recognition = recognition
    self.note = note
    self.changedAt = changedAt
  }
}

/// An opgave: what the area agreed needs work on one dimension.
public struct AgendaTask: Hashable, Sendable {
  /// The store's number for it (nil before it is stored).
  public var id: Int64?
  public var dimension: Dimension
  public var text: String
  public var changedAt: String

  public init(id: Int64? = nil, dimension: Dimension, text: String, changedAt: String = "") {
    self.id = id
    self.dimension = dimension
    self.text = text
    self.changedAt = changedAt
  }
}

/// An actie: what is done, which organisation or group (a role, never a person) picks it up, by when.
public struct AgendaAction: Hashable, Sendable {
  public var id: Int64?
  public var dimension: Dimension
  public var what: String
  /// A role or organisation ("buurtteam", "woningcorporatie"), never a person's name.
  public var who: String
  /// The day it should be done by, `yyyy-MM-dd`.
  public var due: String
  public var status: ActionStatus
  public var note: String
  public var changedAt: String

  public init(id: Int64? = nil, dimension: Dimension, what: String, who: String, due: String, status: ActionStatus = .open,
              note: String = "", changedAt: String = "") {
    self.id = id
    self.dimension = dimension
    self.what = what
    self.who = who
    self.due = due
    self.status = status
    self.note = note
    self.changedAt = changedAt
  }
}

/// An ondergrens: the score (0-10) residents agreed a dimension of their area should not fall below,
/// who agreed it (as a group, e.g. "wijkdialoog Beijum") and on which day.
public struct Floor: Hashable, Sendable {
  public var areaCode: String
  public var dimension: Dimension
  public var value: Double
  public var agreedBy: String
  /// `yyyy-MM-dd`.
  public var agreedOn: String
  public var changedAt: String

  public init(areaCode: String, dimension: Dimension, value: Double, agreedBy: String, agreedOn: String, changedAt: String = "") {
    self.areaCode = areaCode
    self.dimension = dimension
    self.value = value
    self.agreedBy = agreedBy
    self.agreedOn = agreedOn
    self.changedAt = changedAt
  }
}

/// The outcome of one wijkdialoog: one area and round's recognition, opgaven and actions.
public struct Agenda: Hashable, Sendable {
  public var areaCode: String
  public var roundName: String
  public var recognitions: [AgendaRecognition]
  public var tasks: [AgendaTask]
  public var actions: [AgendaAction]

  public init(areaCode: String, roundName: String, recognitions: [AgendaRecognition] = [], tasks: [AgendaTask] = [],
              actions: [AgendaAction] = []) {
    self.areaCode = areaCode
    self.roundName = roundName
    self.recognitions = recognitions
    self.tasks = tasks
    self.actions = actions
  }

  /// Nothing was recorded.
  public var isEmpty: Bool { recognitions.isEmpty && tasks.isEmpty && actions.isEmpty }

  /// The recognition of one dimension, if recorded.
  public func recognition(of dimension: Dimension) -> AgendaRecognition? {
    recognitions.first { $0.dimension == dimension }
  }
}
