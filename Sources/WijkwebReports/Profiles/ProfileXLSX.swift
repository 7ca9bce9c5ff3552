import WijkwebCore
import WijkwebFiles

/// A profile as an .xlsx sheet: the columns of `ProfileColumns`, numbers as numbers, suppressed and
/// absent figures as empty cells, exactly the values of the CSV and JSON output.
public enum ProfileXLSX {
  public static func write(_ profile: Profile, round: String, figures: [ProfileFigure], to file: AtomicFile, english: Bool = false) throws {
    let workbook = try XLSXWorkbook(file: file)
    let sheet = try workbook.sheet(english ? "profile" : "profiel")
    try sheet.header(ProfileColumns.names)
    let textual = ProfileColumns.names.map { ProfileColumns.textual.contains($0) }
    for (index, figure) in figures.enumerated() {
      for (column, value) in ProfileColumns.values(figure, round: round, profile: profile).enumerated() where !value.isEmpty {
        if !textual[column], let number = Double(value) {
          try sheet.number(index + 1, column, number)
        } else {
          try sheet.string(index + 1, column, value)
        }
      }
    }
    try workbook.close()
  }
}
