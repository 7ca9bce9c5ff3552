import WijkwebCore

/// A profile as CSV: one row per figure, the columns of `ProfileColumns`, decimal points; text columns
/// (round, area names, categories) follow the formula rule of `CSVField`.
public enum ProfileCSV {
  public static func render(_ profile: Profile, round: String, figures: [ProfileFigure]) -> String {
    var lines = [ProfileColumns.names.joined(separator: ",")]
    let textual = ProfileColumns.names.map { ProfileColumns.textual.contains($0) }
    for figure in figures {
      let values = ProfileColumns.values(figure, round: round, profile: profile)
      lines.append(values.enumerated().map { textual[$0.offset] ? CSVField.text($0.element) : escape($0.element) }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Quotes a field when it holds a comma, quote or newline.
  public static func escape(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}
