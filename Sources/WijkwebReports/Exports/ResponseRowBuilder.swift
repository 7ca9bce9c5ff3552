import Foundation
import WijkwebCore

/// Turns a packed response into the values of the codebook's columns, in order.
public struct ResponseRowBuilder {
  private enum Source {
    case id, round, questionnaireID, version, completedOn
    case area(Int)
    case demographic(question: String, codes: [String: Int])
    case item(Int)
    case score(part: Int, dimension: Int)
    case text(String)
    case tags(String)
  }

  private let sources: [Source]
  private let round: String
  private let questionnaireID: String
  private let questionnaireVersion: Int
  /// Per area code, its number at each level of `Codebook.areaLevels` (nil where not given).
  private let lineage: [String: [Int?]]
  private var days: ExportDay
  private var demographicCache: [String: [String: String?]] = [:]

  /// `timeZone` decides the day a completion time falls on.
  public init(codebook: Codebook, questionnaire: Questionnaire, areas: [Area], timeZone: TimeZone = .current) {
    days = ExportDay(timeZone: timeZone)
    round = codebook.round
    questionnaireID = codebook.questionnaireID
    questionnaireVersion = codebook.questionnaireVersion
    let itemIndex = Dictionary(questionnaire.allItems.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let partIndex = Dictionary(questionnaire.parts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let levels = Codebook.areaLevels
    sources = codebook.variables.map { variable in
      switch variable.kind {
      case .id: return .id
      case .round: return .round
      case .questionnaire: return .questionnaireID
      case .version: return .version
      case .date: return .completedOn
      case .area: return .area(levels.firstIndex { $0.rawValue == variable.name } ?? 0)
      case .demographic:
        let id = variable.source ?? variable.name
        let choices = questionnaire.demographics.first { $0.id == id }?.choices ?? []
        return .demographic(question: id, codes: Dictionary(choices.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first }))
      case .item: return .item(itemIndex[variable.source ?? ""] ?? -1)
      case .score:
        return .score(part: partIndex[variable.part ?? ""] ?? -1,
                      dimension: Dimension.allCases.firstIndex { $0.key == variable.dimension } ?? -1)
      case .text: return .text(variable.source ?? "")
      case .tags: return .tags(variable.source ?? "")
      }
    }
    let byCode = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    let numbers = levels.map { level in Codebook.areaNumbers(areas.filter { $0.level == level }.map(\.code)) }
    var lineage: [String: [Int?]] = [:]
    for area in areas {
      var codes = [Int?](repeating: nil, count: levels.count)
      var current: Area? = area
      var seen: Set<String> = []
      while let next = current, !seen.contains(next.code) {
        seen.insert(next.code)
        if let slot = levels.firstIndex(of: next.level) { codes[slot] = numbers[slot][next.code] }
        current = next.parentCode.flatMap { byCode[$0] }
      }
      lineage[area.code] = codes
    }
    self.lineage = lineage
  }

  /// The values of one response, one per codebook variable.
  public mutating func values(_ record: ResponseRecord) -> [ExportValue] {
    let answers = Array(record.packedAnswers.utf8)
    let demographics: [String: String?]
    if let known = demographicCache[record.packedDemographics] {
      demographics = known
    } else {
      // Few distinct combinations of answers exist, so each is parsed once.
      demographics = Self.demographics(record.packedDemographics)
      if demographicCache.count > 10_000 { demographicCache.removeAll() }
      demographicCache[record.packedDemographics] = demographics
    }
    let areaCodes = record.areaCode.flatMap { lineage[$0] }
    var values: [ExportValue] = []
    values.reserveCapacity(sources.count)
    for source in sources {
      switch source {
      case .id: values.append(.text(record.id))
      case .round: values.append(.text(round))
      case .questionnaireID: values.append(.text(questionnaireID))
      case .version: values.append(.integer(questionnaireVersion))
      case .completedOn: values.append(record.completedAt.flatMap { days.day(of: $0) }.map(ExportValue.day) ?? .missing)
      case .area(let level): values.append(.integer(areaCodes?[level] ?? Codebook.notAnsweredCode))
      case .demographic(let question, let codes):
        switch demographics[question] {
        case .none: values.append(.integer(Codebook.notAnsweredCode))
        case .some(.none): values.append(.integer(Codebook.preferNotToSayCode))
        case .some(.some(let choice)): values.append(.integer(codes[choice] ?? Codebook.notAnsweredCode))
        }
      case .item(let index): values.append(index >= 0 && index < answers.count ? Self.answer(answers[index]) : .missing)
      case .score(let part, let dimension):
        if part >= 0, part < record.partScores.count, dimension >= 0, dimension < record.partScores[part].count,
           let score = record.partScores[part][dimension] {
          values.append(.decimal(score))
        } else {
          values.append(.missing)
        }
      case .text(let prompt): values.append(record.texts[prompt].flatMap { $0.isEmpty ? nil : ExportValue.text($0) } ?? .missing)
      case .tags(let prompt): values.append(record.tags[prompt].flatMap { $0.isEmpty ? nil : ExportValue.text($0) } ?? .missing)
      }
    }
    return values
  }

  /// One packed answer character: `0`-`9`, `X` (10), `-` (weet niet: 99), anything else unanswered.
  static func answer(_ byte: UInt8) -> ExportValue {
    switch byte {
    case UInt8(ascii: "0") ... UInt8(ascii: "9"): return .integer(Int(byte - UInt8(ascii: "0")))
    case UInt8(ascii: "X"): return .integer(10)
    case UInt8(ascii: "-"): return .integer(Codebook.dontKnowCode)
    default: return .missing
    }
  }

  /// The answers of packed demographics: a choice id, nil for "zeg ik liever niet" (an empty choice);
  /// a question not in the packed text was not answered.
  static func demographics(_ packed: String) -> [String: String?] {
    AnswerCodec.unpackDemographics(packed)
  }
}
