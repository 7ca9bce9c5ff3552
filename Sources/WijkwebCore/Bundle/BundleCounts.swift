/// How many records of each kind a bundle holds, as its manifest states them.
public struct BundleCounts: Codable, Hashable, Sendable {
  public var questionnaires: Int
  public var rounds: Int
  public var responses: Int
  public var reflections: Int
  public var tombstones: Int

  public init(questionnaires: Int, rounds: Int, responses: Int, reflections: Int, tombstones: Int) {
    self.questionnaires = questionnaires
    self.rounds = rounds
    self.responses = responses
    self.reflections = reflections
    self.tombstones = tombstones
  }
}
