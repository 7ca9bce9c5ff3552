/// Packs a completed response's answers into one short string, one character per statement in the
/// questionnaire's order: `0`-`9`, `X` for 10, `-` for "weet niet", `.` for not answered. Demographics
/// pack as `question=choice` pairs joined by `;`, an empty choice meaning "zeg ik liever niet".
///
/// A completed response is stored once, compactly (66 bytes for the default instrument), so a million
/// responses fit in a few hundred megabytes and exports decode them with the pinned questionnaire.
public enum AnswerCodec {
  public static func pack(_ answers: [String: AnswerValue], items: [Item]) -> String {
    String(items.map { item -> Character in
      switch answers[item.id] {
      case .none: return "."
      case .skipped?: return "-"
      case .score(let value)?: return value == 10 ? "X" : Character(String(min(max(value, 0), 9)))
      }
    })
  }

  public static func unpack(_ packed: String, items: [Item]) -> [String: AnswerValue] {
    var answers: [String: AnswerValue] = [:]
    for (item, character) in zip(items, packed) {
      switch character {
      case "-": answers[item.id] = .skipped
      case "X": answers[item.id] = .score(10)
      default:
        if let value = character.wholeNumberValue { answers[item.id] = .score(value) }
      }
    }
    return answers
  }

  /// The answer to each statement in order, nil where not answered.
  public static func values(_ packed: String) -> [AnswerValue?] {
    packed.map { character in
      switch character {
      case "-": return .skipped
      case "X": return .score(10)
      default: return character.wholeNumberValue.map(AnswerValue.score)
      }
    }
  }

  public static func packDemographics(_ demographics: [String: String?], questions: [DemographicQuestion]) -> String {
    questions.compactMap { question in
      guard let answer = demographics[question.id] else { return nil }
      return question.id + "=" + (answer ?? "")
    }.joined(separator: ";")
  }

  public static func unpackDemographics(_ packed: String) -> [String: String?] {
    var result: [String: String?] = [:]
    forEachDemographic(packed) { question, choice in result[String(question)] = .some(choice.isEmpty ? nil : String(choice)) }
    return result
  }

  /// The chosen answers of packed demographics; "zeg ik liever niet" (an empty choice) is left out.
  public static func chosenDemographics(_ packed: String) -> [String: String] {
    var result: [String: String] = [:]
    forEachDemographic(packed) { question, choice in if !choice.isEmpty { result[String(question)] = String(choice) } }
    return result
  }

  /// The choice id for `question` in packed demographics ("age=25-44;sex=vrouw"), nil when absent or
  /// empty. Without building a dictionary: profiles ask this once per response.
  public static func choice(in packed: String, question: String) -> String? {
    for pair in packed.split(separator: ";") where pair.hasPrefix(question + "=") {
      let value = pair.dropFirst(question.count + 1)
      return value.isEmpty ? nil : String(value)
    }
    return nil
  }

  /// The one reader of the packed demographics format: `question=choice` pairs joined by `;`.
  private static func forEachDemographic(_ packed: String, _ body: (Substring, Substring) -> Void) {
    for pair in packed.split(separator: ";") {
      guard let equals = pair.firstIndex(of: "=") else { continue }
      body(pair[..<equals], pair[pair.index(after: equals)...])
    }
  }
}
