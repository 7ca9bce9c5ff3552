import WijkwebCore
import WijkwebFiles

/// A profile as an .xlsx sheet: the columns of `ProfileColumns`, numbers as numbers, suppressed and
/// absent figures as empty cells, exactly the values of the CSV and JSON output; with monitor indicators
/// (`wijkweb indicators import`) a second sheet of their own in the import file's columns.
public enum ProfileXLSX {
  public static func write(_ profile: Profile, round: String, figures: [ProfileFigure], to file: AtomicFile, english: Bool = false,
                           indicators: [Indicator] = []) throws {
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
    if !indicators.isEmpty {
      let monitor = try workbook.sheet(english ? "indicators" : "indicatoren")
      try monitor.header(IndicatorFile.columns)
      for (index, indicator) in indicators.enumerated() {
        let texts = [indicator.areaCode, indicator.id, indicator.label.text(.dutch), indicator.label.text(.english)]
        for (column, text) in texts.enumerated() { try monitor.string(index + 1, column, text) }
        try monitor.number(index + 1, 4, indicator.value)
        try monitor.string(index + 1, 5, indicator.unit)
        try monitor.number(index + 1, 6, Double(indicator.year))
        try monitor.string(index + 1, 7, indicator.source)
        try monitor.string(index + 1, 8, indicator.dimension.key)
        try monitor.number(index + 1, 9, indicator.higherIsBetter ? 1 : 0)
      }
    }
    try workbook.close()
  }
}
