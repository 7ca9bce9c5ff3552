import Foundation

/// A round definition as the team hands it to laptops (`wijkweb round export`, `round import`): the first
/// line, then the round and its questionnaire as one line of JSON each, as in a bundle.
///
///     WIJKWEB-ROUND 1
///     {"type":"round", ..., "team_signature": ...}
///     {"type":"questionnaire", ...}
public enum RoundFile {
  public static let header = "WIJKWEB-ROUND 1"
  /// The largest round file read: the questionnaire's source is most of it.
  public static let maxBytes = BundleFormat.maxRecordBytes * 2

  public static func text(round: BundleRound, questionnaire: BundleQuestionnaire) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let lines = [header, String(decoding: try encoder.encode(BundleRecord.round(round)), as: UTF8.self),
                 String(decoding: try encoder.encode(BundleRecord.questionnaire(questionnaire)), as: UTF8.self)]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The round and questionnaire of a round file, checked as a bundle's are (the questionnaire matches its
  /// hash and parses, the round's name and numbers are valid). Its signature is checked by the store.
  public static func parse(_ text: String) throws -> BundleValidator.Checked {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    guard lines.count == 3, lines[0] == header else {
      throw BundleProblem("is not a Wijkweb round file (it should start with \"\(header)\" followed by two lines)")
    }
    var contents = BundleContents(deviceID: "round-file", createdAt: "2000-01-01T00:00:00Z")
    for line in lines.dropFirst() {
      switch try? JSONDecoder().decode(BundleRecord.self, from: Data(line.utf8)) {
      case .round(let round)?: contents.rounds.append(round)
      case .questionnaire(let questionnaire)?: contents.questionnaires.append(questionnaire)
      default: throw BundleProblem("holds a line that is neither its round nor its questionnaire")
      }
    }
    guard contents.rounds.count == 1, contents.questionnaires.count == 1 else {
      throw BundleProblem("should hold one round and one questionnaire")
    }
    return try BundleValidator.check(contents)
  }
}
