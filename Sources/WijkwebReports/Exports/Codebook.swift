import WijkwebCore

/// What a responses export holds: its round, its questionnaire and every column in order, with labels
/// in Dutch and English, value labels and missing-value codes. Every format writes it: a separate CSV,
/// a sheet, SPSS variable and value labels, the JSON `variables`.
public struct Codebook: Sendable {
  public var round: String
  public var questionnaireID: String
  public var questionnaireVersion: Int
  public var questionnaireHash: String
  public var questionnaireTitle: ExportText
  public var variables: [ExportVariable]

  public init(round: String, questionnaireID: String, questionnaireVersion: Int, questionnaireHash: String,
              questionnaireTitle: ExportText, variables: [ExportVariable]) {
    self.round = round
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.questionnaireHash = questionnaireHash
    self.questionnaireTitle = questionnaireTitle
    self.variables = variables
  }

  /// The code of "weet niet / niet van toepassing" in every item column.
  public static let dontKnowCode = 99

  /// The area levels, in the order of their columns.
  public static let areaLevels: [AreaLevel] = [.gemeente, .gebied, .wijk, .buurt]
}
