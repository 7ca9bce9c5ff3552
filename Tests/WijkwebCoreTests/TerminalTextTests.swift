import Testing
@testable import WijkwebCore

@Suite struct TerminalTextTests {
  static let osc52 = "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"
  static let clear = "\u{1B}[2J"
  static let title = "\u{1B}]0;pwned\u{1B}\\"

  @Test func escapeSequencesBecomeVisibleSignsOfOneColumnEach() {
    let name = "Najaar\(Self.osc52)\(Self.clear)\(Self.title)"
    let shown = TerminalText.visible(name)
    #expect(!shown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(shown.hasPrefix("Najaar\u{241B}]52;c;"))
    // One visible sign per control character: a table that counted characters keeps its columns.
    #expect(shown.unicodeScalars.count == name.unicodeScalars.count)
    #expect(TerminalText.visible("a\u{9B}2Jb\u{202E}c\u{7F}") == "a\u{FFFD}2Jb\u{FFFD}c\u{2421}")
  }

  @Test func plainTextIsUnchangedAndNewlinesStayWhereAsked() {
    #expect(TerminalText.visible("Beijum-Oost, één") == "Beijum-Oost, één")
    #expect(TerminalText.visible("a\nb") == "a\u{240A}b")
    #expect(TerminalText.visible("a\nb\u{1B}", keepingNewlines: true) == "a\nb\u{241B}")
    #expect(TerminalText.isPrintable("Najaar 2026") && !TerminalText.isPrintable("x\ty"))
  }
}
