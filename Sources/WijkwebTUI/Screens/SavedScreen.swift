import WijkwebCore

/// The end: the receipt code, and nothing of the resident's answers.
enum SavedScreen {
  static func draw(_ frame: inout ScreenFrame, receipt: String) -> [String] {
    let language = frame.language
    var row = frame.bodyTop + 3
    frame.buffer.putCentered(UIString.savedTitle.text(language), y: row, style: .heading)
    row += 3
    frame.buffer.putCentered(UIString.savedReceipt.text(language) + ":", y: row, style: .bold)
    row += 2
    let spaced = receipt.map(String.init).joined(separator: " ")
    frame.buffer.putCentered(spaced, y: row, style: .selected)
    row += 3
    row = frame.paragraph(UIString.savedReceiptHint.text(language), y: row, centered: true) + 1
    frame.paragraph(UIString.savedNext.text(language), y: row, style: .muted, centered: true)
    return [UIString.keyContinue.text(language)]
  }
}
