import WijkwebCore
import WijkwebReports

/// The report's "Cijfers uit de monitor": per dimension up to three indicators of the area beside the
/// gemeente's value, with source and year.
enum IndicatorSection {
  static func adding(_ indicators: [Indicator], area: Area, tree: AreaTree, questionnaire: Questionnaire, language: Language,
                     to report: AreaReport) -> AreaReport {
    guard !report.suppressed else { return report }
    let beside = IndicatorBeside.forArea(area, tree: tree, indicators: indicators)
    let items = questionnaire.dimensionOrder.flatMap { dimension in
      (beside[dimension] ?? []).map { (dimension: questionnaire.name(of: dimension).text(language), text: IndicatorText.line($0, language: language)) }
    }
    guard !items.isEmpty else { return report }
    var report = report
    report.indicators = (heading: UIString.indicatorHeading.text(language),
                         continuedTitle: UIString.reportAgendaContinued.format(language, area.name), items: items)
    return report
  }
}
