/// Cronbach's alpha of each dimension in each part of a round: how consistently a dimension's statements
/// move together. For researchers; the dialogue tool is not a validated measurement scale.
public struct Reliability: Sendable {
  public struct Row: Sendable, Equatable {
    public var partID: String
    public var dimension: Dimension
    public var items: Int
    /// Respondents who answered every statement of the dimension (no "weet niet").
    public var completeCount: Int
    public var alpha: Double?
  }

  private let questionnaire: Questionnaire
  /// Per part and dimension: the positions of its statements in the packed answers, and the accumulator.
  private var cells: [(partID: String, dimension: Dimension, positions: [Int], accumulator: CronbachAlphaAccumulator)]

  public init(questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
    let items = questionnaire.allItems
    let position = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    cells = questionnaire.parts.flatMap { part in
      questionnaire.dimensionOrder.map { dimension in
        let positions = part.items(of: dimension).compactMap { position[$0.id] }
        return (part.id, dimension, positions, CronbachAlphaAccumulator(itemCount: positions.count))
      }
    }
  }

  /// Adds one response's packed answers (`AnswerCodec`).
  public mutating func add(packedAnswers: String) {
    let values = AnswerCodec.values(packedAnswers)
    for index in cells.indices {
      let row = cells[index].positions.map { position -> Double? in
        position < values.count ? values[position]?.score.map(Double.init) : nil
      }
      cells[index].accumulator.add(row)
    }
  }

  public var rows: [Row] {
    cells.map { cell in
      Row(partID: cell.partID, dimension: cell.dimension, items: cell.positions.count,
          completeCount: cell.accumulator.completeCount, alpha: cell.accumulator.alpha())
    }
  }
}
