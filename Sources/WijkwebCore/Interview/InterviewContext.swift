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

  public init(
    rounds: [RoundChoice], areas: [Area],
    newResponseID: @escaping @Sendable () -> String, newReceiptCode: @escaping @Sendable () -> String
  ) {
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
