import WijkwebCore

/// Draws the agenda screen: the list of rows, or the form being filled in. A pure function of the state;
/// every text from the database is shown with control characters made visible.
public enum AgendaEditView {
  public static func render(_ state: AgendaEditState, title: String, questionnaire: Questionnaire, size: Size, unicode: Bool) -> ScreenBuffer {
    let language = state.language
    if size.width < ScreenFrame.minimumSize.width || size.height < ScreenFrame.minimumSize.height {
      return ScreenFrame.tooSmall(size: size, language: language)
    }
    var frame = ScreenFrame(size: size, unicode: unicode, language: language)
    frame.header(UIString.agendaTitle.format(language, TerminalText.visible(title), TerminalText.visible(state.agenda.roundName)), right: "")
    if let form = state.form {
      drawForm(&frame, form: form, state: state, questionnaire: questionnaire)
      frame.footer(keys: [UIString.agendaFormKeys.text(language)], notice: state.notice)
    } else {
      drawList(&frame, state: state, questionnaire: questionnaire)
      frame.footer(keys: [UIString.agendaEditKeys.text(language), UIString.keyLanguage.text(language)], notice: state.notice)
    }
    return frame.buffer
  }

  static func name(_ dimension: Dimension, _ questionnaire: Questionnaire, _ language: Language) -> String {
    questionnaire.name(of: dimension).text(language)
  }

  /// One line per row; the list scrolls so the selected row stays on screen.
  static func drawList(_ frame: inout ScreenFrame, state: AgendaEditState, questionnaire: Questionnaire) {
    let language = state.language
    let width = frame.bodyWidth
    var lines: [(text: String, style: Style, row: Int?)] = []
    let rows = state.rows
    func line(_ row: AgendaEditState.Row) -> String {
      switch row {
      case .dimension(let dimension):
        let recognition = state.agenda.recognition(of: dimension)?.recognition.text(language) ?? UIString.agendaNotRecorded.text(language)
        let floor = state.floors.first { $0.dimension == dimension }
          .map { Floor.number($0.value, language) } ?? UIString.agendaNotRecorded.text(language)
        let label = name(dimension, questionnaire, language)
        return label.rightPadded(24) + (UIString.agendaRecognitionHeading.text(language) + ": " + recognition).rightPadded(20)
          + UIString.reportFloorTitle.text(language) + ": " + floor
      case .task(let index):
        let task = state.agenda.tasks[index]
        return name(task.dimension, questionnaire, language) + ": " + task.text
      case .action(let index):
        let action = state.agenda.actions[index]
        return "[" + action.status.text(language) + "] " + action.what + " – " + action.who + ", " + action.due
      case .newTask: return UIString.agendaNewTask.text(language)
      case .newAction: return UIString.agendaNewAction.text(language)
      }
    }
    for (index, row) in rows.enumerated() {
      if case .task(0) = row { lines.append((UIString.agendaTasksHeading.text(language), .heading, nil)) }
      if row == .newTask, state.agenda.tasks.isEmpty { lines.append((UIString.agendaTasksHeading.text(language), .heading, nil)) }
      if case .action(0) = row { lines.append((UIString.agendaActionsHeading.text(language), .heading, nil)) }
      if row == .newAction, state.agenda.actions.isEmpty { lines.append((UIString.agendaActionsHeading.text(language), .heading, nil)) }
      lines.append((TerminalText.visible(line(row)), index == state.selection ? .selected : .plain, index))
    }
    let room = frame.bodyBottom - frame.bodyTop
    let selectedLine = lines.firstIndex { $0.row == state.selection } ?? 0
    let first = max(0, min(selectedLine - room / 2, lines.count - room))
    var y = frame.bodyTop + 1
    for entry in lines.dropFirst(first) where y <= frame.bodyBottom {
      var text = entry.text
      if text.count > width - 1 { text = String(text.prefix(width - 2)) + "…" }
      // The selected row is marked with > as well as shown reversed (for a screen reader, and without colour).
      let marker = entry.row == nil ? "" : entry.row == state.selection ? ">" : " "
      frame.buffer.put(marker + text, x: frame.margin, y: y, style: entry.style, maxWidth: width)
      y += 1
    }
  }

  static func drawForm(_ frame: inout ScreenFrame, form: AgendaEditState.Form, state: AgendaEditState, questionnaire: Questionnaire) {
    let language = state.language
    var y = frame.bodyTop + 1
    switch form.subject {
    case .dimension(let dimension): frame.buffer.put(name(dimension, questionnaire, language), x: frame.margin, y: y, style: .heading)
    case .task: frame.buffer.put(UIString.agendaTasksHeading.text(language), x: frame.margin, y: y, style: .heading)
    case .action: frame.buffer.put(UIString.agendaActionsHeading.text(language), x: frame.margin, y: y, style: .heading)
    }
    y += 2
    let labelWidth = 26
    let valueWidth = frame.bodyWidth - labelWidth - 1
    for (index, field) in form.fields.enumerated() where y <= frame.bodyBottom {
      let focused = index == form.focus
      var value = form.values[field] ?? ""
      if AgendaEditState.Form.choices[field] != nil {
        let shown: String
        switch field {
        case .recognition: shown = Recognition(rawValue: value)?.text(language) ?? UIString.agendaNotRecorded.text(language)
        case .status: shown = ActionStatus(rawValue: value)?.text(language) ?? value
        case .dimension: shown = Dimension(rawValue: value).map { name($0, questionnaire, language) } ?? value
        default: shown = value
        }
        value = "< " + shown + " >"
      } else {
        value = TerminalText.visible(value)
        // The end of a long text, where the typing is.
        if value.count >= valueWidth { value = "…" + String(value.suffix(valueWidth - 2)) }
        if focused { value += "_" }
      }
      frame.buffer.put(AgendaEditState.fieldName(field, language).rightPadded(labelWidth), x: frame.margin, y: y, style: focused ? .bold : .muted)
      frame.buffer.put(value, x: frame.margin + labelWidth + 1, y: y, style: focused ? .selected : .plain, maxWidth: valueWidth)
      y += 2
    }
  }
}
