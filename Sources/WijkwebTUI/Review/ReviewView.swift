import WijkwebCore

/// Draws the review screen: one reflection, its wijk, its decision so far, and the keys.
public enum ReviewView {
  public static func render(_ state: ReviewState, prompts: [String: LocalizedText], dimensionNames: [Dimension: LocalizedText],
                            size: Size, unicode: Bool) -> ScreenBuffer {
    let language = state.language
    if size.width < ScreenFrame.minimumSize.width || size.height < ScreenFrame.minimumSize.height {
      return ScreenFrame.tooSmall(size: size, language: language)
    }
    var frame = ScreenFrame(size: size, unicode: unicode, language: language)
    let progress = UIString.reviewProgress.format(language, min(state.index + 1, state.entries.count), state.entries.count)
    frame.header(UIString.reviewTitle.text(language), right: progress)
    if state.showingHelp {
      var row = frame.bodyTop + 1
      frame.buffer.put(UIString.helpTitle.text(language), x: frame.margin, y: row, style: .heading)
      row += 2
      for key in [UIString.reviewHelpMark, .reviewHelpEdit, .reviewHelpTags, .reviewHelpMove, .helpLanguage, .dashboardHelpQuit] {
        row = frame.paragraph(key.text(language), y: row)
      }
      frame.footer(keys: [UIString.helpClose.text(language)], notice: nil)
      return frame.buffer
    }
    guard let entry = state.current else {
      frame.paragraph(UIString.reviewDone.text(language), y: frame.bodyTop + 4, style: .bold, centered: true)
      frame.footer(keys: [UIString.keyQuit.text(language)], notice: nil)
      return frame.buffer
    }
    var row = frame.bodyTop
    let status = statusText(entry.status, language: language)
    // Everything of the entry came from a bundle or the database: control characters made visible.
    frame.buffer.put("\(UIString.profileArea.text(language)): \(TerminalText.visible(entry.areaName))", x: frame.margin, y: row, style: .bold,
                     maxWidth: frame.width - 2 * frame.margin - status.count - 1)
    frame.buffer.put(status, x: frame.width - status.count - frame.margin, y: row, style: entry.status == "unreviewed" ? .muted : .heading)
    row += 1
    if let prompt = prompts[entry.promptID] {
      row = frame.paragraph(prompt.text(language), y: row, style: .muted) + 1
    }
    if let editor = state.editor {
      frame.buffer.put(UIString.reviewEditing.text(language), x: frame.margin, y: row, style: .warning)
      row += 1
      let lines = editor.displayLines()
      let cursor = editor.position()
      for (offset, line) in lines.enumerated() where row + offset < frame.bodyBottom - 2 {
        frame.buffer.put("| " + line, x: frame.margin, y: row + offset)
      }
      frame.buffer.cursor = Point(x: frame.margin + 2 + cursor.column, y: row + cursor.row)
      let warning = state.personalDataWarning.map {
        InterviewView.noticeText(.personalData($0.kind, $0.text), language: language)
      }
      frame.footer(keys: [UIString.reviewKeysEditing.text(language)], notice: warning)
      return frame.buffer
    }
    row = frame.paragraph("\u{201C}" + TerminalText.visible(entry.text, keepingNewlines: true) + "\u{201D}", y: row, style: .bold) + 1
    if entry.flaggedPersonalData {
      row = frame.paragraph(UIString.reviewFlaggedPersonalData.text(language), y: row, style: .warning) + 1
    }
    if let redacted = entry.redacted {
      frame.buffer.put(UIString.reviewRedacted.text(language), x: frame.margin, y: row, style: .heading)
      row = frame.paragraph(TerminalText.visible(redacted, keepingNewlines: true), y: row + 1) + 1
    }
    var x = frame.margin
    for (number, dimension) in Dimension.allCases.enumerated() {
      let name = "\(number + 1) " + (dimensionNames[dimension]?.text(language) ?? dimension.key)
      let tagged = entry.dimensions.contains(dimension)
      if x + name.count + 2 > frame.width - frame.margin {
        x = frame.margin
        row += 1
      }
      frame.buffer.put(tagged ? "[" + name + "]" : " " + name + " ", x: x, y: min(row, frame.bodyBottom), style: tagged ? .selected : .muted)
      x += name.count + 3
    }
    frame.footer(keys: [UIString.reviewKeys.text(language)], notice: nil)
    return frame.buffer
  }

  static func statusText(_ status: String, language: Language) -> String {
    switch status {
    case "publishable": return UIString.reviewPublishable.text(language)
    case "not_publishable": return UIString.reviewNotPublishable.text(language)
    case "publishable_edited": return UIString.reviewPublishableEdited.text(language)
    default: return UIString.reviewUnreviewed.text(language)
    }
  }
}
