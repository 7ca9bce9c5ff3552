import WijkwebCore

/// The columns of a profile in CSV and JSON: stable names, documented in the README.
public enum ProfileColumns {
  public static let names = [
    "round", "part", "area_code", "area_name", "level", "dimension", "breakdown", "category", "weighted", "suppressed",
    "respondents", "n", "n_effective", "mean", "sd", "ci_low", "ci_high", "median", "p25", "p75", "share_below_5_5",
  ] + (0 ... 10).map { "dist_\($0)" } + [
    "diff_parent", "diff_parent_low", "diff_parent_high", "diff_parent_significant",
    "diff_rest", "diff_rest_low", "diff_rest_high", "diff_rest_significant",
    "diff_previous", "diff_previous_low", "diff_previous_high", "diff_previous_significant",
  ]

  /// The columns that hold text; every other column holds a number (or 0/1 for yes/no), or nothing.
  public static let textual: Set<String> = ["round", "part", "area_code", "area_name", "level", "dimension", "breakdown", "category"]

  /// The values of one figure, in `names` order; empty strings where a value is absent or suppressed.
  public static func values(_ figure: ProfileFigure, round: String, profile: Profile) -> [String] {
    func number(_ value: Double?, _ decimals: Int = 4) -> String { value.map { NumberFormat.machine($0, decimals: decimals) } ?? "" }
    func difference(_ difference: Difference?) -> [String] {
      guard let difference else { return ["", "", "", ""] }
      return [number(difference.estimate), number(difference.interval.lowerBound), number(difference.interval.upperBound),
              difference.isSignificant ? "1" : "0"]
    }
    let summary = figure.suppressed ? nil : figure.summary
    let respondents = profile.respondents(of: figure)?.n
    var values = [
      round, figure.partID, figure.area.code, figure.area.name, figure.area.level.rawValue, figure.dimension.key,
      profile.breakdown ?? "", figure.category ?? "", profile.weighted ? "1" : "0", figure.suppressed ? "1" : "0",
      respondents.map(String.init) ?? "", summary.map { String($0.n) } ?? "", number(summary?.effectiveSampleSize, 1), number(summary?.mean),
      number(summary?.standardDeviation), number(summary?.confidenceInterval?.lowerBound),
      number(summary?.confidenceInterval?.upperBound), number(summary?.median), number(summary?.percentile25),
      number(summary?.percentile75), number(summary?.shareBelowPass),
    ]
    values += (0 ... 10).map { index in summary.map { String($0.distribution[index]) } ?? "" }
    values += difference(figure.suppressed ? nil : figure.versusParent)
    values += difference(figure.suppressed ? nil : figure.versusRest)
    values += difference(figure.suppressed ? nil : figure.versusPrevious)
    return values
  }
}
