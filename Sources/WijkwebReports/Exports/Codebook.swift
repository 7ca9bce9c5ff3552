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
  /// What a reader needs besides the columns: the questionnaire, the scoring rule, the missing codes, the
  /// area levels, the statistical methods of profiles, the CSV formula rule. Every format carries them.
  public var notes: [CodebookNote]

  public init(round: String, questionnaireID: String, questionnaireVersion: Int, questionnaireHash: String,
              questionnaireTitle: ExportText, variables: [ExportVariable], notes: [CodebookNote] = []) {
    self.notes = notes
    self.round = round
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.questionnaireHash = questionnaireHash
    self.questionnaireTitle = questionnaireTitle
    self.variables = variables
  }

  /// The code of "weet niet / niet van toepassing" in every item column.
  public static let dontKnowCode = 99

  /// The code of "zeg ik liever niet" in every demographic column (user-missing).
  public static let preferNotToSayCode = -1

  /// The code of a question about the resident left unanswered, or an area level not given, in every
  /// demographic and area column (user-missing): distinct from "zeg ik liever niet".
  public static let notAnsweredCode = -2

  /// The value labels of the two missing codes of categorical columns.
  static let preferNotToSayLabel = ValueLabel(
    code: String(preferNotToSayCode), label: ExportText(nl: "zeg ik liever niet", en: "prefer not to say"))
  static let notAnsweredLabel = ValueLabel(
    code: String(notAnsweredCode), label: ExportText(nl: "niet beantwoord", en: "not answered"))
  static let areaNotGivenLabel = ValueLabel(
    code: String(notAnsweredCode), label: ExportText(nl: "niet opgegeven", en: "not given"))

  /// The numeric codes of the areas of one level: the number in the CBS code (`WK001411` is 1411) when
  /// every code of the level is letters then digits and those numbers differ, else the position (1, 2, ...)
  /// in the order of the codes. The codebook labels each number with its code and name.
  public static func areaNumbers(_ codes: [String]) -> [String: Int] {
    let sorted = Array(Set(codes)).sorted()
    let numbers = sorted.map { code -> Int? in
      let digits = code.drop { $0.isLetter && $0.isASCII }
      guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
      return Int(digits).flatMap { $0 > 0 ? $0 : nil }
    }
    let found = numbers.compactMap { $0 }
    if found.count == sorted.count, Set(found).count == found.count {
      return Dictionary(uniqueKeysWithValues: zip(sorted, found))
    }
    return Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0 + 1) })
  }

  /// The area levels, in the order of their columns.
  public static let areaLevels: [AreaLevel] = [.gemeente, .gebied, .wijk, .buurt]
}

extension String {
  /// The text with its first letter upper case.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// One note of the codebook: a key (`scoring`, `missing_codes`, ...) and its text in Dutch and English.
public struct CodebookNote: Hashable, Sendable {
  public var key: String
  public var text: ExportText
  public init(key: String, text: ExportText) {
    self.key = key
    self.text = text
  }
}
