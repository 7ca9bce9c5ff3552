import Testing
import WijkwebCore
@testable import WijkwebTUI

@Suite struct ReviewTests {
  static func state() -> ReviewState {
    ReviewState(entries: [
      .init(text: "Meer bankjes in het park", areaName: "Noord", promptID: "improve", status: "unreviewed", redacted: nil, dimensions: []),
      .init(text: "Mijn buurvrouw Jans helpt me", areaName: "Zuid", promptID: "matters", status: "unreviewed", redacted: nil, dimensions: []),
    ])
  }

  @Test func markingPublishableTagsAndMovesOn() {
    var state = Self.state()
    #expect(state.handle(.character("5")).isEmpty, "tagging an unreviewed text stores nothing yet")
    #expect(state.handle(.character("p")) == [.save(index: 0)])
    #expect(state.entries[0].status == "publishable" && state.entries[0].dimensions == [.meedoen])
    #expect(state.index == 1)
  }

  @Test func editingKeepsARedactedCopy() {
    var state = Self.state()
    _ = state.handle(.right)
    _ = state.handle(.character("e"))
    for _ in 0 ..< "Jans helpt me".count { _ = state.handle(.backspace) }
    for character in "iemand helpt me" { _ = state.handle(.character(character)) }
    #expect(state.handle(.tab) == [.save(index: 1)])
    #expect(state.entries[1].status == "publishable_edited")
    #expect(state.entries[1].redacted == "Mijn buurvrouw iemand helpt me")
    #expect(state.entries[1].text == "Mijn buurvrouw Jans helpt me", "the original is kept as it was")
  }

  @Test func notPublishableAndTheEnd() {
    var state = Self.state()
    _ = state.handle(.character("n"))
    _ = state.handle(.character("n"))
    #expect(state.current == nil)
    let screen = ReviewView.render(state, prompts: [:], dimensionNames: [:], size: Size(width: 80, height: 24), unicode: true)
    #expect(screen.text.contains("Er zijn geen teksten meer om te beoordelen."))
  }

  @Test func screenShowsTheTextItsAreaAndTags() {
    var state = Self.state()
    _ = state.handle(.character("2"))
    let screen = ReviewView.render(state, prompts: ["improve": LocalizedText([.dutch: "Wat zou u verbeteren?"])],
                                   dimensionNames: [.mentaalWelbevinden: LocalizedText([.dutch: "Mentaal welbevinden"])],
                                   size: Size(width: 80, height: 24), unicode: true)
    Snapshot.assert(screen.text, named: "review-80x24")
    #expect(screen.text.contains("Noord") && screen.text.contains("Meer bankjes in het park"))
    #expect(screen.text.contains("[2 Mentaal welbevinden]"))
  }

  @Test func movingBothWaysAndNoMoreTextsOnlyWhenNoneIsLeft() {
    var state = ReviewState(entries: (1 ... 4).map {
      .init(text: "Tekst \($0)", areaName: "Noord", promptID: "improve", status: "unreviewed", redacted: nil, dimensions: [])
    })
    for _ in 0 ..< 6 { _ = state.handle(.right) }
    #expect(state.index == 3, "right stops at the last text")
    _ = state.handle(.pageUp)
    _ = state.handle(.left)
    #expect(state.index == 1)
    _ = state.handle(.pageDown)
    #expect(state.index == 2)
    // Deciding on the last text goes on to one still unreviewed, not to "no more texts".
    _ = state.handle(.end)
    _ = state.handle(.character("p"))
    #expect(state.index == 0 && state.current != nil)
    _ = state.handle(.character("p"))
    _ = state.handle(.character("n"))
    #expect(state.index == 2)
    _ = state.handle(.character("p"))
    #expect(state.current == nil, "every text reviewed")
    _ = state.handle(.left)
    #expect(state.index == 3, "back from the end to the last text")
  }

  /// A text the personal-data check flagged during the interview says so; an unflagged one does not.
  @Test func aTextFlaggedDuringTheInterviewSaysSo() {
    var state = Self.state()
    state.entries[1].flaggedPersonalData = true
    let size = Size(width: 80, height: 24)
    let plain = ReviewView.render(state, prompts: [:], dimensionNames: [:], size: size, unicode: true).text
    #expect(!plain.contains("persoonsgegevens sloeg"))
    state.index = 1
    let flagged = ReviewView.render(state, prompts: [:], dimensionNames: [:], size: size, unicode: true).text
    #expect(flagged.contains("de controle op persoonsgegevens sloeg bij het interview aan"), "\(flagged)")
    state.language = .english
    let english = ReviewView.render(state, prompts: [:], dimensionNames: [:], size: size, unicode: true).text
    #expect(english.contains("the personal-data check flagged this text during the interview"), "\(english)")
  }
}
