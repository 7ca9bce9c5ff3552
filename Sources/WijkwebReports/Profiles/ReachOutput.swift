import Foundation
import WijkwebCore

/// `wijkweb reach` as a table or CSV, and the one line the report's method footer and the dashboard show.
public enum ReachOutput {
  /// CSV columns: one row per area and group.
  public static let columns = ["round", "area_code", "area_name", "level", "respondents", "population_15_plus", "approached",
                               "response_rate", "group", "group_respondents", "group_population", "respondent_share",
                               "population_share", "ratio", "under_represented"]

  public static func csv(_ figures: [Reach.AreaFigure], round: String) -> String {
    var lines = [columns.joined(separator: ",")]
    func number(_ value: Double?, _ decimals: Int) -> String { value.map { NumberFormat.machine($0, decimals: decimals) } ?? "" }
    for area in figures {
      for group in area.groups {
        let fields = [round, area.area.code, area.area.name, area.area.level.rawValue, area.respondents.map(String.init) ?? "",
                      String(area.population), area.approached.map(String.init) ?? "", number(area.responseRate, 4),
                      group.group.name(in: .english), group.respondents.map(String.init) ?? "", String(group.population),
                      number(group.respondentShare, 4), number(group.populationShare, 4), number(group.ratio, 3),
                      group.underRepresented ? "1" : "0"]
        lines.append(fields.map(CSVField.text).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func table(_ figures: [Reach.AreaFigure], round: String, factor: Double, language: Language) -> String {
    var lines: [String] = []
    for area in figures {
      lines.append("\(area.area.name) (\(area.area.code)): " + footer(area, language: language))
      let cells = area.groups.map { group -> String in
        let share = group.respondentShare.map(NumberFormat.percent) ?? "?"
        return "\(group.group.name(in: language)) \(share)/\(NumberFormat.percent(group.populationShare))\(group.underRepresented ? "!" : "")"
      }
      lines.append("    " + cells.joined(separator: "  "))
    }
    let legend = language == .dutch
      ? "aandeel onder respondenten / aandeel onder inwoners; ! = meer dan \(NumberFormat.dutch(factor)) keer ondervertegenwoordigd; ? = verborgen (te kleine groep)"
      : "share among respondents / share among residents; ! = under-represented by more than \(NumberFormat.machine(factor, decimals: 1)) times; ? = hidden (group too small)"
    return (["round: \(round)"] + lines + [legend]).joined(separator: "\n") + "\n"
  }

  /// One sentence: respondents of residents, the response rate where known, the under-represented groups.
  public static func footer(_ area: Reach.AreaFigure, language: Language) -> String {
    let respondents = area.respondents.map(String.init) ?? "<\(SuppressionRule.smallestMinimum)"
    let rate = area.responseRate.map { UIString.reachResponseRate.format(language, NumberFormat.percent($0)) } ?? ""
    let under = area.underRepresented.map { $0.name(in: language) }
    return UIString.reachFooter.format(language, respondents, String(area.population), rate,
                                       under.isEmpty ? UIString.reachNone.text(language) : under.joined(separator: ", "))
  }
}
