import WijkwebCore

extension ProfileEngine {
  /// The breakdown by the kind of place a respondent's area is (`profile --by-kind`): a gemeente's figures
  /// for all its dorpen, all its stadswijken, ... side by side, protected like every other breakdown.
  public static let areaKindBreakdown = "area_kind"

  /// The categories of a breakdown: the choices of a question, or the comparable area kinds.
  static func categories(of breakdown: String?, questionnaire: Questionnaire) -> [String] {
    guard let breakdown else { return [] }
    if breakdown == areaKindBreakdown { return AreaKind.comparable.map(\.rawValue) }
    return questionnaire.demographics.first { $0.id == breakdown }?.choices.map(\.id) ?? []
  }

  /// The kind category of every area that has one (its own or inherited, see `AreaTree.comparableKind`).
  static func kinds(in tree: AreaTree) -> [String: String] {
    var result: [String: String] = [:]
    for index in tree.areas.indices {
      if let kind = tree.comparableKind(of: index) { result[tree.areas[index].code] = kind.rawValue }
    }
    return result
  }
}
