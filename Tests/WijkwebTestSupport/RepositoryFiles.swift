import Foundation
import WijkwebCore

/// The repository's own files that tests read: the shipped questionnaires, area lists and languages.
public enum RepositoryFiles {
  /// The repository's root folder.
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The questionnaire every new database starts with.
  public static let shippedQuestionnairePath = "Questionnaires/positieve-gezondheid-wijk.yaml"

  public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// The file's text, or nil when it cannot be read (the test then fails on its content).
  public static func read(_ relative: String) -> String? { try? String(contentsOf: url(relative), encoding: .utf8) }

  public static var shippedQuestionnaireYAML: String { read(shippedQuestionnairePath) ?? "" }

  public static func shippedQuestionnaire() throws -> Questionnaire {
    try QuestionnaireParser.parse(try String(contentsOf: url(shippedQuestionnairePath), encoding: .utf8),
                                  source: url(shippedQuestionnairePath).path)
  }
}
