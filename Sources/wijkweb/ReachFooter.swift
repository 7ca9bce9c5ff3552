import WijkwebCore
import WijkwebProfiles
import WijkwebReports
import WijkwebStore

/// The reach line of the report's method footer (`ReachOutput.footer`), for rounds with a population file.
enum ReachFooter {
  /// The reach per area code; empty when the round has no population file or asks no sex and age.
  static func figures(engine: ProfileEngine, round: RoundInfo, questionnaire: Questionnaire) throws -> [String: Reach.AreaFigure] {
    guard try !engine.source.population(roundID: round.id).isEmpty,
          ["sex", "age"].allSatisfy({ id in questionnaire.demographics.contains { $0.id == id } }) else { return [:] }
    let figures = try engine.reach(round: round, questionnaire: questionnaire)
    return Dictionary(figures.map { ($0.area.code, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// `report` with the area's reach line after its method note.
  static func adding(_ figure: Reach.AreaFigure?, to report: AreaReport, language: Language) -> AreaReport {
    guard let figure else { return report }
    var report = report
    report.footer += " " + ReachOutput.footer(figure, language: language)
    return report
  }
}
