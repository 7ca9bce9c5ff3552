/// The agenda of one area and round as lines of text (for `wijkweb agenda show`): recognition per
/// dimension, opgaven and actions with their numbers, and the ondergrenzen.
public enum AgendaText {
  public static func lines(_ agenda: Agenda, areaName: String, floors: [Floor], questionnaire: Questionnaire, language: Language) -> [String] {
    func name(_ dimension: Dimension) -> String { questionnaire.name(of: dimension).text(language) }
    var lines = [UIString.agendaTitle.format(language, areaName, agenda.roundName)]
    if agenda.isEmpty && floors.isEmpty {
      return lines + ["  " + UIString.agendaNothing.text(language)]
    }
    if !agenda.recognitions.isEmpty {
      lines.append(UIString.agendaRecognitionHeading.text(language))
      for value in agenda.recognitions {
        lines.append("  \(name(value.dimension)): \(value.recognition.text(language))" + (value.note.isEmpty ? "" : " – \(value.note)"))
      }
    }
    if !agenda.tasks.isEmpty {
      lines.append(UIString.agendaTasksHeading.text(language))
      for task in agenda.tasks { lines.append("  [\(task.id ?? 0)] \(name(task.dimension)): \(task.text)") }
    }
    if !agenda.actions.isEmpty {
      lines.append(UIString.agendaActionsHeading.text(language))
      for action in agenda.actions {
        lines.append("  [\(action.id ?? 0)] \(name(action.dimension)): \(action.line(language))" + (action.note.isEmpty ? "" : " – \(action.note)"))
      }
    }
    lines.append(UIString.agendaFloorsHeading.text(language))
    let byDimension = Dictionary(floors.map { ($0.dimension, $0) }, uniquingKeysWith: { first, _ in first })
    for dimension in questionnaire.dimensionOrder {
      lines.append("  \(name(dimension)): " + (byDimension[dimension]?.line(language) ?? UIString.agendaNoFloor.text(language)))
    }
    return lines
  }
}
