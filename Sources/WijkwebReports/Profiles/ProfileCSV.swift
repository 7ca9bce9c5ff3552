import WijkwebCore

/// A profile as CSV: one row per figure, the columns of `ProfileColumns`, decimal points.
public enum ProfileCSV {
  public static func render(_ profile: Profile, round: String, figures: [ProfileFigure]) -> String {
    var lines = [ProfileColumns.names.joined(separator: ",")]
    for figure in figures {
      lines.append(ProfileColumns.values(figure, round: round, profile: profile).map(escape).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Quotes a field when it holds a comma, quote or newline.
  public static func escape(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}
