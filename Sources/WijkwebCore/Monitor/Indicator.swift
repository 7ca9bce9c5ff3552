/// A monitor figure of an area from a public source (wijkkompas, basismonitor, Monitor Sociale Kracht, GGD,
/// CBS): shown beside the web, never mixed into the respondents' figures. These are published aggregates of
/// their own sources, so they pass through no disclosure control of ours.
public struct Indicator: Hashable, Sendable {
  public var areaCode: String
  public var id: String
  public var label: LocalizedText
  public var value: Double
  public var unit: String
  public var year: Int
  public var source: String
  public var dimension: Dimension
  public var higherIsBetter: Bool

  public init(areaCode: String, id: String, label: LocalizedText, value: Double, unit: String, year: Int, source: String,
              dimension: Dimension, higherIsBetter: Bool) {
    self.areaCode = areaCode
    self.id = id
    self.label = label
    self.value = value
    self.unit = unit
    self.year = year
    self.source = source
    self.dimension = dimension
    self.higherIsBetter = higherIsBetter
  }
}

/// An area's indicator with the gemeente's value of the same indicator and year, when there is one.
public struct IndicatorBeside: Hashable, Sendable {
  public var indicator: Indicator
  public var gemeente: Double?

  /// Up to `limit` indicators per dimension for `area`: each indicator's latest year, in id order, with the
  /// gemeente's value of that year.
  public static func forArea(_ area: Area, tree: AreaTree, indicators: [Indicator], limit: Int = 3) -> [Dimension: [IndicatorBeside]] {
    let gemeente = tree.index[area.code].map { tree.areas[tree.root(of: $0)].code }
    var latest: [String: Indicator] = [:]
    var gemeenteValue: [String: Double] = [:]
    for indicator in indicators {
      if indicator.areaCode == gemeente { gemeenteValue[indicator.id + "|\(indicator.year)"] = indicator.value }
      guard indicator.areaCode == area.code else { continue }
      if let found = latest[indicator.id], found.year >= indicator.year { continue }
      latest[indicator.id] = indicator
    }
    var result: [Dimension: [IndicatorBeside]] = [:]
    for indicator in latest.values.sorted(by: { $0.id < $1.id }) {
      guard result[indicator.dimension, default: []].count < limit else { continue }
      let beside = area.code == gemeente ? nil : gemeenteValue[indicator.id + "|\(indicator.year)"]
      result[indicator.dimension, default: []].append(IndicatorBeside(indicator: indicator, gemeente: beside))
    }
    return result
  }
}
