/// What the interview reads but never changes: the open rounds, the areas, and how to make new ids.
public struct InterviewContext: Sendable {
  public var rounds: [RoundChoice]
  public var areas: AreaSearch
  public var areaNames: [String: String]
  /// Names and local names of the areas, never taken for a person's name in free text.
  public var placeNames: Set<String>
  /// Makes the id of a new response (a UUID in the program, a counter in tests).
  public var newResponseID: @Sendable () -> String
  /// Makes a receipt code for a completed response.
  public var newReceiptCode: @Sendable () -> String
  /// Finds a completed interview of another round of the same questionnaire by its receipt code (as
  /// typed, with the questionnaire id) and gives its six scores per part id; nil when there is none.
  /// Nil itself when earlier webs cannot be looked up.
  public var earlierWeb: (@Sendable (_ receiptCode: String, _ questionnaireID: String) -> [String: [Double?]]?)?

  public init(
    rounds: [RoundChoice], areas: [Area],
    newResponseID: @escaping @Sendable () -> String, newReceiptCode: @escaping @Sendable () -> String,
    earlierWeb: (@Sendable (_ receiptCode: String, _ questionnaireID: String) -> [String: [Double?]]?)? = nil
  ) {
    self.earlierWeb = earlierWeb
    self.rounds = rounds
    self.areas = AreaSearch(areas: areas)
    self.areaNames = Dictionary(areas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    self.placeNames = Set(areas.flatMap { [$0.name] + $0.aliases })
    self.newResponseID = newResponseID
    self.newReceiptCode = newReceiptCode
  }

  /// The round at `index`, if there is one.
  public func round(_ index: Int) -> RoundChoice? {
    rounds.indices.contains(index) ? rounds[index] : nil
  }
}
