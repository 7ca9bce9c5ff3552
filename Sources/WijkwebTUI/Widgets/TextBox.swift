import WijkwebCore

/// A multi-line text editor's box: a bar on the left, the wrapped lines scrolled to keep the cursor in
/// view, and the terminal cursor at the editing position.
enum TextBox {
  static func draw(_ frame: inout ScreenFrame, editor: TextEditor, top: Int, bottom: Int) {
    let height = max(3, bottom - top)
    let lines = editor.displayLines()
    let cursor = editor.position()
    let firstLine = max(0, cursor.row - height + 1)
    let boxWidth = editor.wrapWidth + 2
    for offset in 0 ..< height {
      let y = top + offset
      frame.buffer.put(frame.unicode ? "│" : "|", x: frame.margin, y: y, style: .muted)
      let lineIndex = firstLine + offset
      if lines.indices.contains(lineIndex) {
        frame.buffer.put(lines[lineIndex], x: frame.margin + 2, y: y, maxWidth: boxWidth - 2)
      }
    }
    frame.buffer.cursor = Point(x: frame.margin + 2 + cursor.column, y: top + cursor.row - firstLine)
  }
}
