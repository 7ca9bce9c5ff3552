import Testing
import WijkwebCore
@testable import WijkwebTUI

/// The reviewer's edited copy is checked like the interview's reflections: what still looks like personal
/// data is named in the footer at the first Tab, and a second Tab on the same text keeps it.
@Suite struct ReviewPrivacyWarningTests {
  static func editing(_ text: String) -> ReviewState {
    var state = ReviewState(entries: [
      .init(text: "Bel Jan op 06-12345678", areaName: "Noord", promptID: "matters", status: "unreviewed", redacted: nil, dimensions: []),
    ])
    state.placeNames = ["Beijum"]
    _ = state.handle(.character("e"))
    for _ in 0 ..< 40 { _ = state.handle(.backspace) }
    for character in text { _ = state.handle(.character(character)) }
    return state
  }

  @Test func anEditedCopyWithAPhoneNumberIsWarnedAboutThenKept() {
    var state = Self.editing("Bel mij op 06-12345678")
    #expect(state.handle(.tab) == [])
    #expect(state.personalDataWarning?.kind == .phone)
    #expect(state.editor != nil, "still editing")
    let screen = ReviewView.render(state, prompts: [:], dimensionNames: [:], size: Size(width: 100, height: 30), unicode: true).text
    #expect(screen.contains("\"06-12345678\" lijkt een telefoonnummer"), "\(screen)")
    #expect(state.handle(.tab) == [.save(index: 0)])
    #expect(state.entries[0].redacted == "Bel mij op 06-12345678")
  }

  @Test func aCleanEditedCopyIsKeptAtOnce() {
    var state = Self.editing("Iemand in Beijum helpt mij")
    #expect(state.handle(.tab) == [.save(index: 0)])
    #expect(state.personalDataWarning == nil)
  }
}
