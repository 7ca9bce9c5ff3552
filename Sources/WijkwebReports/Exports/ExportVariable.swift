/// A text of the codebook in Dutch and English.
public struct ExportText: Hashable, Sendable {
  public var nl: String
  public var en: String
  public init(nl: String, en: String) {
    self.nl = nl
    self.en = en
  }
}

/// One value of a variable with its label, e.g. `99` = "weet niet / niet van toepassing".
public struct ValueLabel: Hashable, Sendable {
  /// The value as written in the data: a number (`0`, `10`, `99`) or a choice id (`25-44`).
  public var code: String
  public var label: ExportText
  public init(code: String, label: ExportText) {
    self.code = code
    self.label = label
  }
}

/// One column of a responses export, as the codebook describes it.
public struct ExportVariable: Hashable, Sendable {
  /// What a variable holds.
  public enum Kind: String, Sendable {
    case id, round, questionnaire, version, area, date, demographic, item, score, text, tags
  }

  /// How a variable's values are stored.
  public enum ValueType: String, Sendable {
    /// Text (SPSS: a string variable).
    case string
    /// Whole numbers (answers 0-10 and 99, the questionnaire version).
    case integer
    /// Numbers with decimals (dimension scores).
    case decimal
    /// A calendar day, `yyyy-MM-dd` (a date cell in XLSX, a date in SPSS).
    case date
  }

  /// The column name: letters, digits and underscores, starting with a letter, valid in SPSS.
  public var name: String
  public var kind: Kind
  public var type: ValueType
  /// A short description (SPSS variable label: the Dutch one).
  public var label: ExportText
  /// The questionnaire's own wording: the statement, the question or the reflection prompt.
  public var text: ExportText?
  /// The part of the questionnaire (items and scores).
  public var part: String?
  /// The dimension key (items and scores).
  public var dimension: String?
  /// The id in the questionnaire this column comes from (`h-lf-1`, `age`), when it differs from `name`.
  public var source: String?
  public var valueLabels: [ValueLabel]
  /// Codes that mean "no valid answer" (99: weet niet), declared user-missing in SPSS.
  public var missingValues: [Int]
  /// For strings: the longest value in bytes (UTF-8), at least 1; 0 for numbers.
  public var width: Int

  public init(
    name: String, kind: Kind, type: ValueType, label: ExportText, text: ExportText? = nil, part: String? = nil,
    dimension: String? = nil, source: String? = nil, valueLabels: [ValueLabel] = [], missingValues: [Int] = [], width: Int = 0
  ) {
    self.name = name
    self.kind = kind
    self.type = type
    self.label = label
    self.text = text
    self.part = part
    self.dimension = dimension
    self.source = source
    self.valueLabels = valueLabels
    self.missingValues = missingValues
    self.width = width
  }
}
