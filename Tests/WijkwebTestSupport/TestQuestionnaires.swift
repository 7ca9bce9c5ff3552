import WijkwebCore

/// Questionnaires the test targets share, instead of a copy in each.
public enum TestQuestionnaires {
  public static func dimensionBlock(prefix: String, count: Int, dontKnow: Bool = true) -> String {
    Dimension.allCases.map { dimension in
      let items = (1 ... count).map { n in
        "        - {id: \(prefix)-\(dimension.key)-\(n), text: {nl: Stelling \(dimension.key) \(n), en: Statement \(dimension.key) \(n)}}"
      }.joined(separator: "\n")
      return "      \(dimension.key):\n\(items)"
    }.joined(separator: "\n")
  }

  public static let small = """
    id: test-vragenlijst
    version: 2
    languages: [nl, en]
    title: {nl: Test, en: Test}
    consent: {nl: Doet u mee?, en: Will you take part?}
    scoring:
      min_answered_share: 0.5
    dimensions:
      lichaamsfuncties: {nl: Lichaamsfuncties, en: Bodily functions}
      mentaal_welbevinden: {nl: Mentaal welbevinden, en: Mental well-being}
      zingeving: {nl: Zingeving, en: Meaningfulness}
      kwaliteit_van_leven: {nl: Kwaliteit van leven, en: Quality of life}
      meedoen: {nl: Meedoen, en: Participation}
      dagelijks_functioneren: {nl: Dagelijks functioneren, en: Daily functioning}
    demographics:
      - id: age
        question: {nl: Hoe oud bent u?, en: How old are you?}
        prefer_not_to_say: true
        choices:
          - {id: "15-24", label: {nl: 15 tot 25, en: 15 to 24}}
          - {id: "25+", label: {nl: 25 of ouder, en: 25 or older}}
    parts:
      - id: health
        title: {nl: Mijn gezondheid, en: My health}
        scale: {min: 0, max: 10, low: {nl: helemaal niet, en: not at all}, high: {nl: helemaal wel, en: completely}, dont_know: true}
        items:
    \(dimensionBlock(prefix: "h", count: 2))
      - id: neighbourhood
        title: {nl: Mijn wijk, en: My neighbourhood}
        scale: {min: 0, max: 10, low: {nl: helemaal niet, en: not at all}, high: {nl: helemaal wel, en: completely}, dont_know: false}
        items:
    \(dimensionBlock(prefix: "n", count: 1))
    reflection:
      - {id: matters, part: health, prompt: {nl: Wat is belangrijk?, en: What matters?}}
    """

  /// `small`, parsed.
  public static func smallQuestionnaire() throws -> Questionnaire {
    try QuestionnaireParser.parse(small, source: "test.yaml")
  }
}
