/// One line of the agenda as it travels between databases and the council's overview: a recognition, an
/// opgave, an action or an ondergrens of one area (and round; an ondergrens holds for every round).
public enum AgendaRecord: Hashable, Sendable {
  case recognition(areaCode: String, roundName: String, AgendaRecognition)
  case task(areaCode: String, roundName: String, AgendaTask)
  case action(areaCode: String, roundName: String, AgendaAction)
  case floor(Floor)

  /// The word in the `kind` column.
  public var kind: String {
    switch self {
    case .recognition: return "herkenning"
    case .task: return "opgave"
    case .action: return "actie"
    case .floor: return "ondergrens"
    }
  }

  public var areaCode: String {
    switch self {
    case .recognition(let area, _, _), .task(let area, _, _), .action(let area, _, _): return area
    case .floor(let floor): return floor.areaCode
    }
  }

  /// The round, empty for an ondergrens.
  public var roundName: String {
    switch self {
    case .recognition(_, let round, _), .task(_, let round, _), .action(_, let round, _): return round
    case .floor: return ""
    }
  }

  /// The columns of the CSV export and import, in order.
  public static let columns = ["kind", "area_code", "area_name", "round", "dimension", "recognition", "text", "who", "due",
                               "status", "note", "value", "agreed_by", "agreed_on", "changed_at"]

  /// The record's fields under `columns` (numbers with a decimal point; empty where a kind has none).
  public func fields(areaName: String) -> [String] {
    var row = Dictionary(uniqueKeysWithValues: Self.columns.map { ($0, "") })
    row["kind"] = kind
    row["area_code"] = areaCode
    row["area_name"] = areaName
    row["round"] = roundName
    switch self {
    case .recognition(_, _, let value):
      row["dimension"] = value.dimension.key
      row["recognition"] = value.recognition.rawValue
      row["note"] = value.note
      row["changed_at"] = value.changedAt
    case .task(_, _, let task):
      row["dimension"] = task.dimension.key
      row["text"] = task.text
      row["changed_at"] = task.changedAt
    case .action(_, _, let action):
      row["dimension"] = action.dimension.key
      row["text"] = action.what
      row["who"] = action.who
      row["due"] = action.due
      row["status"] = action.status.rawValue
      row["note"] = action.note
      row["changed_at"] = action.changedAt
    case .floor(let floor):
      row["dimension"] = floor.dimension.key
      row["value"] = String(format1: floor.value)
      row["agreed_by"] = floor.agreedBy
      row["agreed_on"] = floor.agreedOn
      row["changed_at"] = floor.changedAt
    }
    return Self.columns.map { row[$0] ?? "" }
  }
}

extension String {
  /// A score with one decimal and a decimal point (`5.5`, `6.0`).
  public init(format1 value: Double) {
    let tenths = Int((value * 10).rounded())
    self = "\(tenths / 10).\(abs(tenths % 10))"
  }
}
