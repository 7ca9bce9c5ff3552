#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One synthetic completed response.
public struct DemoResponse: Sendable {
  public var areaCode: String
  public var packedAnswers: String
  public var packedDemographics: String
  /// Per part, the six dimension scores in `Dimension.allCases` order.
  public var partScores: [[Double?]]
}

/// Makes realistic synthetic responses for demonstrations, benchmarks and tests: wijken differ from
/// each other per dimension, a resident's dimensions are correlated (one general factor), age and
/// household shift some dimensions, and a few statements get "weet niet". The same seed gives the same
/// responses.
public struct DemoGenerator {
  private var random: SeededRandom
  private let questionnaire: Questionnaire
  private let areaCodes: [String]
  private let areaWeights: [Double]
  /// Per area, per part, per dimension: the area's shift from the overall mean.
  private let areaEffects: [[[Double]]]
  /// How each question about the resident is drawn, in questionnaire order.
  private let demographicPlans: [DemographicPlan]
  /// Per part, how each statement is drawn.
  private let itemPlans: [[ItemPlan]]
  private let minAnsweredShare: Double
  /// Per part, the number of statements of each dimension.
  private let itemTotals: [[Int]]
  private let itemCount: Int
  /// A shift applied to every score (e.g. for an earlier round).
  private let shift: Double
  private let dimensionMeans: [Double] = [6.8, 6.9, 7.2, 7.1, 6.5, 7.3]

  /// `areas` are the places residents live in (wijken and buurten); `seed` fixes everything;
  /// `shift` moves all scores (an earlier round, say) and `trendSeed` varies the areas' own changes.
  public init(questionnaire: Questionnaire, areas: [Area], seed: UInt64, shift: Double = 0) {
    self.questionnaire = questionnaire
    self.shift = shift
    var setup = SeededRandom(seed: 0x5EED ^ UInt64(areas.count))
    let places = areas.filter { $0.level == .wijk || $0.level == .buurt }.sorted { $0.code < $1.code }
    let chosen = places.isEmpty ? areas.filter { $0.level != .gemeente } : places
    areaCodes = chosen.map(\.code)
    var cumulative: [Double] = []
    var total = 0.0
    for area in chosen {
      total += (area.level == .buurt ? 0.3 : 1.0) * (0.5 + setup.unit())
      cumulative.append(total)
    }
    areaWeights = cumulative
    // Area effects depend on the area set only, so two rounds share the same geography;
    // the seed adds a small change per round.
    var roundRandom = SeededRandom(seed: seed)
    areaEffects = chosen.map { _ in
      questionnaire.parts.indices.map { part in
        Dimension.allCases.map { _ in setup.normal() * (part == 0 ? 0.45 : 0.8) + roundRandom.normal() * 0.15 }
      }
    }
    let order = Dimension.allCases
    demographicPlans = questionnaire.demographics.map(DemographicPlan.init)
    itemPlans = questionnaire.parts.map { part in
      part.items.map { item in
        ItemPlan(dimension: order.firstIndex(of: item.dimension) ?? 0, dontKnow: item.scale.dontKnow,
                 minimum: Double(item.scale.min), maximum: Double(item.scale.max))
      }
    }
    minAnsweredShare = questionnaire.scoring.minAnsweredShare
    itemTotals = questionnaire.parts.map { part in order.map { dimension in part.items(of: dimension).count } }
    itemCount = questionnaire.allItems.count
    random = SeededRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 1)
  }

  private static let ageWeights = [0.14, 0.46, 0.77, 0.89, 1.0]
  private static let sexWeights = [0.49, 0.98, 1.0]
  private static let householdWeights = [0.38, 0.66, 0.9, 0.97, 1.0]

  /// How one question about the resident is drawn.
  struct DemographicPlan {
    enum Role { case age, sex, household, other }
    var role: Role
    var prefix: [UInt8]
    var preferNotToSay: Bool
    var cumulative: [Double]
    var choices: [[UInt8]]

    init(_ question: DemographicQuestion) {
      let weights: [Double]?
      switch question.id {
      case "age": role = .age; weights = DemoGenerator.ageWeights
      case "sex": role = .sex; weights = DemoGenerator.sexWeights
      case "household": role = .household; weights = DemoGenerator.householdWeights
      default: role = .other; weights = nil
      }
      prefix = Array((question.id + "=").utf8)
      preferNotToSay = question.preferNotToSay
      cumulative = weights.flatMap { $0.count == question.choices.count ? $0 : nil } ?? (1 ... max(1, question.choices.count)).map(Double.init)
      choices = question.choices.map { Array($0.id.utf8) }
    }
  }

  /// How one statement is drawn: its dimension, whether "weet niet" is allowed, and its scale.
  struct ItemPlan {
    var dimension: Int
    var dontKnow: Bool
    var minimum: Double
    var maximum: Double
  }

  private mutating func choose(_ plan: DemographicPlan) -> Int? {
    if plan.preferNotToSay && random.unit() < 0.03 { return nil }
    return random.pick(plan.cumulative)
  }

  /// The next response.
  public mutating func next() -> DemoResponse {
    let areaIndex = random.pick(areaWeights)
    var ageIndex: Int?
    var alone = false
    var demographics: [UInt8] = []
    demographics.reserveCapacity(64)
    for (index, plan) in demographicPlans.enumerated() {
      let choice = choose(plan)
      switch plan.role {
      case .age: ageIndex = choice
      case .household: alone = choice == 0
      case .sex, .other: break
      }
      if index > 0 { demographics.append(UInt8(ascii: ";")) }
      demographics += plan.prefix
      if let choice, plan.choices.indices.contains(choice) { demographics += plan.choices[choice] }
    }
    let general = random.normal()
    let age = Double(ageIndex ?? 2) - 2
    var packed: [UInt8] = []
    packed.reserveCapacity(itemCount)
    var partScores: [[Double?]] = []
    partScores.reserveCapacity(itemPlans.count)
    var latent = [Double](repeating: 0, count: 6)
    var sums = [Int](repeating: 0, count: 6)
    var answered = [Int](repeating: 0, count: 6)
    for partIndex in itemPlans.indices {
      for dimension in 0 ..< 6 {
        var value = dimensionMeans[dimension] - (partIndex == 0 ? 0 : 0.5) + shift
        value += areaEffects[areaIndex][partIndex][dimension] + general * 1.1 + random.normal() * 0.7
        if dimension == 0 { value -= age * 0.35 }
        if dimension == 2 { value += age * 0.1 }
        if dimension == 4 && alone { value -= 0.6 }
        latent[dimension] = value
        sums[dimension] = 0
        answered[dimension] = 0
      }
      for item in itemPlans[partIndex] {
        if item.dontKnow && random.unit() < 0.03 {
          packed.append(UInt8(ascii: "-"))
          continue
        }
        let raw = latent[item.dimension] + random.normal() * 1.2
        let value = Int(min(item.maximum, max(item.minimum, raw.rounded())))
        packed.append(value == 10 ? UInt8(ascii: "X") : UInt8(48 + value))
        sums[item.dimension] += value
        answered[item.dimension] += 1
      }
      let totals = itemTotals[partIndex]
      partScores.append((0 ..< 6).map { dimension in
        let total = totals[dimension]
        guard total > 0, answered[dimension] > 0,
              Double(answered[dimension]) >= minAnsweredShare * Double(total) - 1e-9 else { return nil }
        return Double(sums[dimension]) / Double(answered[dimension])
      })
    }
    return DemoResponse(
      areaCode: areaCodes[areaIndex], packedAnswers: String(decoding: packed, as: UTF8.self),
      packedDemographics: String(decoding: demographics, as: UTF8.self), partScores: partScores)
  }
}
