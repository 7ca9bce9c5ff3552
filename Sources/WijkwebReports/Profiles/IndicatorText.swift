import WijkwebCore

/// Monitor indicators as printed: one line per indicator beside the gemeente, and a CSV file of them all.
public enum IndicatorText {
  /// "Label: 12,5 % (gemeente 10,1 %) · GGD 2022".
  public static func line(_ beside: IndicatorBeside, language: Language) -> String {
    let indicator = beside.indicator
    func value(_ number: Double) -> String {
      let text = language == .dutch ? NumberFormat.dutch(number) : NumberFormat.machine(number, decimals: 1)
      return indicator.unit.isEmpty ? text : text + " " + indicator.unit
    }
    let gemeente = beside.gemeente.map { " (" + UIString.indicatorGemeente.format(language, value($0)) + ")" } ?? ""
    return "\(indicator.label.text(language)): \(value(indicator.value))\(gemeente) · \(indicator.source) \(indicator.year)"
  }

  /// Every indicator, one row each, in the import file's columns (text cells neutralised for spreadsheets).
  public static func csv(_ indicators: [Indicator]) -> String {
    var lines = [IndicatorFile.columns.joined(separator: ",")]
    for indicator in indicators {
      let fields = [indicator.areaCode, indicator.id, indicator.label.text(.dutch), indicator.label.text(.english),
                    NumberFormat.machine(indicator.value, decimals: 4), indicator.unit, String(indicator.year), indicator.source,
                    indicator.dimension.key, indicator.higherIsBetter ? "1" : "0"]
      // Numbers as they are (a negative value is no formula); every text cell neutralised.
      lines.append(fields.enumerated().map { $0.offset == 4 || $0.offset == 6 ? $0.element : CSVField.text($0.element) }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
