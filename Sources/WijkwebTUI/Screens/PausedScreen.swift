import WijkwebCore

/// The screen that hides a resident's answers after the idle time.
enum PausedScreen {
  static func draw(_ frame: inout ScreenFrame) {
    let language = frame.language
    let middle = frame.height / 2 - 2
    frame.buffer.putCentered(UIString.pausedTitle.text(language), y: middle, style: .heading)
    frame.paragraph(UIString.pausedHint.text(language), y: middle + 2, centered: true)
    frame.footer(keys: [UIString.keyContinue.text(language)], notice: nil)
  }
}
