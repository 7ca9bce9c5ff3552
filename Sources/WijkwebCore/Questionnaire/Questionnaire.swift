/// A questionnaire: the instrument a round uses, with every text in every language it offers.
public struct Questionnaire: Hashable, Sendable {
  public var id: String
  public var version: Int
  public var languages: [Language]
  public var title: LocalizedText
  public var basedOn: LocalizedText?
  public var consent: LocalizedText
  public var scoring: ScoringRule
  /// The six dimensions in interview order, with their names in this instrument.
  public var dimensions: [DimensionInfo]
  public var demographics: [DemographicQuestion]
  public var parts: [Part]
  public var reflection: [ReflectionPrompt]
  public var topics: [Dimension: [LocalizedText]]
  /// SHA-256 of the file's bytes, hex: recorded with every response so versions are never mixed silently.
  public var contentHash: String
  /// The theme modules switched on (`QuestionnaireModule`): their questions are among `demographics`.
  public var modules: [String] = []

  public init(
    id: String, version: Int, languages: [Language], title: LocalizedText, basedOn: LocalizedText? = nil,
    consent: LocalizedText, scoring: ScoringRule, dimensions: [DimensionInfo],
    demographics: [DemographicQuestion] = [], parts: [Part], reflection: [ReflectionPrompt] = [],
    topics: [Dimension: [LocalizedText]] = [:], contentHash: String = ""
  ) {
    self.id = id
    self.version = version
    self.languages = languages
    self.title = title
    self.basedOn = basedOn
    self.consent = consent
    self.scoring = scoring
    self.dimensions = dimensions
    self.demographics = demographics
    self.parts = parts
    self.reflection = reflection
    self.topics = topics
    self.contentHash = contentHash
  }

  /// The name of `dimension` in this instrument.
  public func name(of dimension: Dimension) -> LocalizedText {
    dimensions.first { $0.dimension == dimension }?.name ?? LocalizedText([.dutch: dimension.key])
  }

  /// The dimensions in interview order.
  public var dimensionOrder: [Dimension] { dimensions.map(\.dimension) }

  /// Every item of every part, for look-ups by id.
  public var allItems: [Item] { parts.flatMap(\.items) }
}

/// A dimension as a questionnaire names it.
public struct DimensionInfo: Hashable, Sendable {
  public var dimension: Dimension
  public var name: LocalizedText
  public init(dimension: Dimension, name: LocalizedText) {
    self.dimension = dimension
    self.name = name
  }
}

/// How dimension scores are computed from item answers.
public struct ScoringRule: Hashable, Sendable {
  /// The share of a dimension's items (0...1) that must be answered for the dimension to get a score.
  public var minAnsweredShare: Double
  public init(minAnsweredShare: Double) { self.minAnsweredShare = minAnsweredShare }
}

/// An optional question about the resident (age band, sex, household), answered from a list.
public struct DemographicQuestion: Hashable, Sendable {
  public var id: String
  public var question: LocalizedText
  public var choices: [Choice]
  /// Whether "zeg ik liever niet" is offered (it is stored as no answer).
  public var preferNotToSay: Bool
  public init(id: String, question: LocalizedText, choices: [Choice], preferNotToSay: Bool) {
    self.id = id
    self.question = question
    self.choices = choices
    self.preferNotToSay = preferNotToSay
  }
}

/// One choice of a demographic question.
public struct Choice: Hashable, Sendable {
  public var id: String
  public var label: LocalizedText
  public init(id: String, label: LocalizedText) {
    self.id = id
    self.label = label
  }
}

/// A part of the questionnaire ("Mijn gezondheid", "Mijn wijk"): statements for every dimension.
public struct Part: Hashable, Sendable {
  public var id: String
  public var title: LocalizedText
  public var intro: LocalizedText?
  /// The statements in interview order: grouped by dimension, in the questionnaire's dimension order.
  public var items: [Item]
  public init(id: String, title: LocalizedText, intro: LocalizedText? = nil, items: [Item]) {
    self.id = id
    self.title = title
    self.intro = intro
    self.items = items
  }

  /// The items of one dimension, in order.
  public func items(of dimension: Dimension) -> [Item] { items.filter { $0.dimension == dimension } }
}

/// A statement the resident scores on a scale.
public struct Item: Hashable, Sendable {
  public var id: String
  public var dimension: Dimension
  public var aspect: LocalizedText?
  public var text: LocalizedText
  public var scale: Scale
  public init(id: String, dimension: Dimension, aspect: LocalizedText? = nil, text: LocalizedText, scale: Scale) {
    self.id = id
    self.dimension = dimension
    self.aspect = aspect
    self.text = text
    self.scale = scale
  }
}

/// A whole-number answer scale with labels for its two ends.
public struct Scale: Hashable, Sendable {
  public var min: Int
  public var max: Int
  public var low: LocalizedText
  public var high: LocalizedText
  /// Whether "weet niet / niet van toepassing" is allowed.
  public var dontKnow: Bool
  public init(min: Int = 0, max: Int = 10, low: LocalizedText, high: LocalizedText, dontKnow: Bool) {
    self.min = min
    self.max = max
    self.low = low
    self.high = high
    self.dontKnow = dontKnow
  }
}

/// A free-text question asked after the webs.
public struct ReflectionPrompt: Hashable, Sendable {
  public var id: String
  public var partID: String
  public var prompt: LocalizedText
  public init(id: String, partID: String, prompt: LocalizedText) {
    self.id = id
    self.partID = partID
    self.prompt = prompt
  }
}
