/// An answer to a statement: a score on its scale, or "weet niet / niet van toepassing".
public enum AnswerValue: Hashable, Sendable {
  case score(Int)
  case skipped

  /// The score, or nil for "weet niet".
  public var score: Int? {
    if case .score(let value) = self { return value }
    return nil
  }
}

/// A respondent's score on one dimension within one part.
public struct DimensionScore: Hashable, Sendable {
  public var partID: String
  public var dimension: Dimension
  /// The mean of the answered statements, or nil when too few were answered.
  public var score: Double?
  public var answered: Int
  public var total: Int

  public init(partID: String, dimension: Dimension, score: Double?, answered: Int, total: Int) {
    self.partID = partID
    self.dimension = dimension
    self.score = score
    self.answered = answered
    self.total = total
  }
}

extension Questionnaire {
  /// The dimension scores of one part under the questionnaire's scoring rule: the mean of the answered
  /// statements, when at least `minAnsweredShare` of them were answered; "weet niet" and missing answers
  /// are not answered.
  public func scores(part: Part, answers: [String: AnswerValue]) -> [DimensionScore] {
    dimensionOrder.map { dimension in
      let items = part.items(of: dimension)
      let values = items.compactMap { answers[$0.id]?.score }
      let enough = !items.isEmpty && Double(values.count) >= scoring.minAnsweredShare * Double(items.count) - 1e-9
      let mean = enough && !values.isEmpty ? Double(values.reduce(0, +)) / Double(values.count) : nil
      return DimensionScore(partID: part.id, dimension: dimension, score: mean, answered: values.count, total: items.count)
    }
  }

  /// The dimension scores of every part.
  public func scores(answers: [String: AnswerValue]) -> [DimensionScore] {
    parts.flatMap { scores(part: $0, answers: answers) }
  }
}
