import WijkwebCore

/// Everything one page of the wijkdialoog report says about one area, in words and numbers ready to
/// print (already in the report's language), before any layout.
public struct AreaReport: Sendable {
  /// The area's name, large at the top.
  public var title: String
  /// Level, round and n in one line.
  public var subtitle: String
  /// The questionnaire's title, small above the name.
  public var instrument: String
  /// Too few respondents (or protecting a small group): the page shows no figures at all.
  public var suppressed: Bool
  /// Why there are no figures, when suppressed (heading and explanation).
  public var suppressedText: (heading: String, detail: String)?
  public var parts: [PartReport]
  /// The legend's labels for the area, the gemeente and the previous round (nil when not drawn).
  public var legend: (area: String, gemeente: String?, previous: String?)
  /// The strongest and weakest dimensions, one sentence per part.
  public var strengths: [String]
  /// The conversation starters: a heading, an intro line, and per weak dimension its name and topics.
  public var starters: (heading: String, intro: String, items: [(dimension: String, topics: [String])])?
  /// Up to five publishable quotes, each with the name of the dimension it was tagged with.
  public var quotes: (heading: String, items: [(dimension: String?, text: String)])?
  /// The method note at the foot of the page.
  public var footer: String
  /// The ondergrens and "Afgesproken vorige keer" (`AgendaSection.swift`).
  public var agenda: AgendaSection? = nil
}

/// One part of the questionnaire ("Mijn gezondheid", "Mijn wijk") on an area's page: its web and table.
public struct PartReport: Sendable, Equatable {
  public var title: String
  /// The dimension names in questionnaire order: the axes and the table's rows.
  public var dimensionNames: [String]
  public var area: [Double?]
  public var gemeente: [Double?]?
  public var previous: [Double?]?
  public var rows: [DimensionRow]
  /// The table's column headings: dimension, mean, interval, share below 5.5, versus gemeente, versus previous.
  public var headers: [String]
  /// "n: Name 23, ..." for the dimensions whose published n differs from the page's number of respondents
  /// (some respondents answered none of their statements), or "n = 180" when the part's own respondents
  /// differ; nil when every figure of the part counts the page's respondents.
  public var countsNote: String? = nil
  /// The ondergrens of each dimension (nil where none was agreed), drawn as dashed ring segments.
  public var floors: [Double?]? = nil
}

/// One line of the table: a dimension's figures as printed.
public struct DimensionRow: Sendable, Equatable {
  public var name: String
  /// Suppressed or no answers: the cells say so instead of showing numbers.
  public var missing: String?
  public var mean: String
  public var interval: String
  public var belowPass: String
  public var versusGemeente: MarkedDifference?
  public var versusPrevious: MarkedDifference?
}

/// A difference as printed: its text (with ▲ or ▼ when significant) and whether it is significant.
public struct MarkedDifference: Sendable, Equatable {
  public var text: String
  public var significant: Bool
}
