import Testing
@testable import WijkwebCore
import WijkwebTUI

@Suite struct TextEditorTests {
  @Test func typingBackspaceAndCursorMovement() {
    var editor = TextEditor(wrapWidth: 20)
    for character in "Hallo wereld" { editor.handle(.character(character)) }
    editor.handle(.backspace)
    #expect(editor.text == "Hallo werel")
    editor.handle(.home)
    editor.handle(.character(">"))
    #expect(editor.text == ">Hallo werel")
    editor.handle(.end)
    editor.handle(.enter)
    for character in "é ü" { editor.handle(.character(character)) }
    #expect(editor.text == ">Hallo werel\né ü")
    #expect(editor.position().row == 1 && editor.position().column == 3)
    editor.handle(.up)
    #expect(editor.position() == (0, 3))
  }

  @Test func wrapsAtSpacesAndHardInLongWords() {
    var editor = TextEditor(wrapWidth: 10)
    for character in "een twee drie vier aaaaaaaaaaaaaaa" { editor.handle(.character(character)) }
    #expect(editor.displayLines() == ["een twee", "drie vier", "aaaaaaaaaa", "aaaaa"])
    editor.handle(.up)
    editor.handle(.up)
    #expect(editor.position().row == 1)
  }

  @Test func controlCharactersAreIgnoredAndLengthIsCapped() {
    var editor = TextEditor()
    editor.handle(.character("\u{7}"))
    #expect(editor.text.isEmpty)
    for _ in 0 ..< 1100 { editor.handle(.character("x")) }
    #expect(editor.text.count == TextEditor.maximumLength)
  }
}
