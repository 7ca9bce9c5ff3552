import WijkwebFiles
/// The responses as one JSON document: the codebook first, then the responses, streamed row by row.
///
/// The schema is described in Docs/export-json.md: `format` ("wijkweb-responses"), `format_version` (1),
/// `round`, `questionnaire` {id, version, sha256, title}, `dont_know_code` (99), `count`, `variables`
/// (the codebook) and `responses`, one object per response with a key per variable: numbers as numbers,
/// texts and days as strings, no value as null.
public final class ResponsesJSON: ResponseSink {
  private let codebook: Codebook
  private let file: AtomicFile
  private var rows = 0
  private let names: [String]

  /// Writes into `file` (the caller commits it after `finish`).
  public init(codebook: Codebook, file: AtomicFile) {
    self.codebook = codebook
    self.file = file
    names = codebook.variables.map { ProfileJSON.quote($0.name) + ": " }
  }

  public func begin(rowCount: Int) throws {
    var out = "{\n  \"format\": \"wijkweb-responses\",\n  \"format_version\": 2,\n"
    out += "  \"round\": \(ProfileJSON.quote(codebook.round)),\n"
    out += "  \"questionnaire\": {\"id\": \(ProfileJSON.quote(codebook.questionnaireID)), \"version\": \(codebook.questionnaireVersion), "
    out += "\"sha256\": \(ProfileJSON.quote(codebook.questionnaireHash)), \"title\": \(Self.text(codebook.questionnaireTitle))},\n"
    out += "  \"dont_know_code\": \(Codebook.dontKnowCode),\n"
    out += "  \"prefer_not_to_say_code\": \(Codebook.preferNotToSayCode),\n  \"not_answered_code\": \(Codebook.notAnsweredCode),\n"
    out += "  \"notes\": {"
    out += codebook.notes.map { "\n    \(ProfileJSON.quote($0.key)): \(Self.text($0.text))" }.joined(separator: ",") + "\n  },\n"
    out += "  \"count\": \(rowCount),\n  \"variables\": ["
    for (index, variable) in codebook.variables.enumerated() {
      out += (index == 0 ? "\n" : ",\n") + "    " + Self.variable(variable)
    }
    out += "\n  ],\n  \"responses\": ["
    try file.write(out)
  }

  public func write(_ values: [ExportValue]) throws {
    var out = rows == 0 ? "\n    {" : ",\n    {"
    for index in 0 ..< min(values.count, names.count) {
      if index > 0 { out += ", " }
      out += names[index]
      switch values[index] {
      case .missing: out += "null"
      case .integer(let number): out += String(number)
      case .decimal(let number): out += number.isFinite ? "\(number)" : "null"
      case .text(let text), .day(let text): out += ProfileJSON.quote(text)
      }
    }
    out += "}"
    rows += 1
    try file.write(out)
  }

  public func finish() throws {
    try file.write(rows == 0 ? "]\n}\n" : "\n  ]\n}\n")
    try file.flush()
  }

  static func text(_ text: ExportText) -> String {
    "{\"nl\": \(ProfileJSON.quote(text.nl)), \"en\": \(ProfileJSON.quote(text.en))}"
  }

  /// One codebook entry: name, kind, type, label, text, part, dimension, source, values, missing_values.
  static func variable(_ variable: ExportVariable) -> String {
    func optional(_ value: String?) -> String { value.map(ProfileJSON.quote) ?? "null" }
    let values = variable.valueLabels.map { "{\"code\": \(ProfileJSON.quote($0.code)), \"label\": \(text($0.label))}" }
    return "{\"name\": \(ProfileJSON.quote(variable.name)), \"kind\": \(ProfileJSON.quote(variable.kind.rawValue)), "
      + "\"type\": \(ProfileJSON.quote(variable.type.rawValue)), \"label\": \(text(variable.label)), "
      + "\"text\": \(variable.text.map(text) ?? "null"), \"part\": \(optional(variable.part)), "
      + "\"dimension\": \(optional(variable.dimension)), \"source\": \(optional(variable.source)), "
      + "\"values\": [\(values.joined(separator: ", "))], "
      + "\"missing_values\": [\(variable.missingValues.map(String.init).joined(separator: ", "))]}"
  }
}
