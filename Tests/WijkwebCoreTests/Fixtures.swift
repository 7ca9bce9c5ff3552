import WijkwebCore
import WijkwebTestSupport

/// A small but complete questionnaire: two parts, one or two statements per dimension.
enum Fixtures {
  static let yaml = TestQuestionnaires.small

  static func questionnaire() throws -> Questionnaire {
    try QuestionnaireParser.parse(yaml, source: "test.yaml")
  }

  static let areas = [
    Area(code: "GM0014", level: .gemeente, name: "Groningen", parentCode: nil),
    Area(code: "GB001405", level: .gebied, name: "Oost", parentCode: "GM0014", aliases: ["Beijum", "Lewenborg"]),
    Area(code: "WK001411", level: .wijk, name: "Noordoost", parentCode: "GB001405"),
    Area(code: "WK001404", level: .wijk, name: "Oosterparkwijk", parentCode: "GB001405"),
  ]

  static func context(_ questionnaire: Questionnaire) -> InterviewContext {
    InterviewContext(
      rounds: [RoundChoice(id: 1, name: "Najaar 2026", questionnaire: questionnaire)], areas: areas,
      newResponseID: { "response-1" }, newReceiptCode: { "ABCD-EFGH" })
  }
}
