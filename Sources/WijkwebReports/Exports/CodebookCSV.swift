/// The codebook as CSV, written beside a CSV export: one row per variable.
///
/// Columns: `variable, kind, type, label_nl, label_en, text_nl, text_en, part, dimension, source,
/// value_labels_nl, value_labels_en, missing_values`. Value labels are `code=label` pairs joined by
/// ` | ` (a `|` inside a label is written as `/`); `missing_values` lists the user-missing codes (99, -1,
/// -2). After the variables come the notes (`kind` = `note`): questionnaire and its hash, scoring rule,
/// missing codes, area levels, statistical methods and the CSV formula rule.
public enum CodebookCSV {
  public static let columns = [
    "variable", "kind", "type", "label_nl", "label_en", "text_nl", "text_en", "part", "dimension", "source",
    "value_labels_nl", "value_labels_en", "missing_values",
  ]

  /// The fields of one variable, in `columns` order.
  public static func fields(_ variable: ExportVariable) -> [String] {
    func labels(_ language: KeyPath<ExportText, String>) -> String {
      variable.valueLabels.map { $0.code + "=" + $0.label[keyPath: language].replacingPipes() }.joined(separator: " | ")
    }
    return [
      variable.name, variable.kind.rawValue, variable.type.rawValue, variable.label.nl, variable.label.en,
      variable.text?.nl ?? "", variable.text?.en ?? "", variable.part ?? "", variable.dimension ?? "", variable.source ?? "",
      labels(\.nl), labels(\.en), variable.missingValues.map(String.init).joined(separator: " "),
    ]
  }

  public static func render(_ codebook: Codebook) -> String {
    var out = columns.joined(separator: ",") + "\n"
    for variable in codebook.variables {
      out += fields(variable).map(ResponsesCSV.escape).joined(separator: ",") + "\n"
    }
    for note in codebook.notes {
      out += fields(note).map(ResponsesCSV.escape).joined(separator: ",") + "\n"
    }
    return out
  }

  /// A note as a row after the variables: `variable` is `note_<key>`, `kind` is `note`, the text in the
  /// label columns.
  public static func fields(_ note: CodebookNote) -> [String] {
    ["note_" + note.key, "note", "", note.text.nl, note.text.en] + Array(repeating: "", count: columns.count - 5)
  }
}

extension String {
  fileprivate func replacingPipes() -> String { String(map { $0 == "|" ? "/" : $0 }) }
}
