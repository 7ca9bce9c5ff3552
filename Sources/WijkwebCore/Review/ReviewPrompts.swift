/// What the review shows with each free text: the question it answered (a reflection prompt or one of the
/// conversation's dialogue questions, by prompt id) and the names of the dimensions it can be tagged with,
/// in Dutch and English, gathered from the questionnaires of the rounds under review. The first
/// questionnaire that has a prompt id or dimension wins.
public struct ReviewPrompts: Sendable {
  public private(set) var prompts: [String: LocalizedText] = [:]
  public private(set) var dimensionNames: [Dimension: LocalizedText] = [:]

  public init(questionnaires: [Questionnaire]) {
    for questionnaire in questionnaires {
      for prompt in questionnaire.reflection where prompts[prompt.id] == nil { prompts[prompt.id] = prompt.prompt }
      for part in questionnaire.parts {
        for dimension in questionnaire.dimensions {
          for question in 0 ..< InterviewState.dialogueQuestions {
            let id = InterviewState.dialogueID(partID: part.id, dimension: dimension.dimension, question: question)
            guard prompts[id] == nil else { continue }
            prompts[id] = LocalizedText(Dictionary(uniqueKeysWithValues: [Language.dutch, .english].map { language in
              (language, InterviewState.dialogueQuestion(question, dimension: dimension.name.text(language), language: language))
            }))
          }
        }
      }
      for dimension in questionnaire.dimensions where dimensionNames[dimension.dimension] == nil {
        dimensionNames[dimension.dimension] = dimension.name
      }
    }
  }
}
