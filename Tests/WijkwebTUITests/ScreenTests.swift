import Testing
import WijkwebCore
@testable import WijkwebTUI

/// Plain-text snapshots of the interview screens against the in-memory terminal.
@Suite struct ScreenTests {
  static let yaml = """
    id: snapshot
    version: 1
    languages: [nl, en]
    title: {nl: Proef, en: Trial}
    consent: {nl: Doet u mee?, en: Will you take part?}
    scoring: {min_answered_share: 0.5}
    dimensions:
      lichaamsfuncties: {nl: Lichaamsfuncties, en: Bodily functions}
      mentaal_welbevinden: {nl: Mentaal welbevinden, en: Mental well-being}
      zingeving: {nl: Zingeving, en: Meaningfulness}
      kwaliteit_van_leven: {nl: Kwaliteit van leven, en: Quality of life}
      meedoen: {nl: Meedoen, en: Participation}
      dagelijks_functioneren: {nl: Dagelijks functioneren, en: Daily functioning}
    parts:
      - id: health
        title: {nl: Mijn gezondheid, en: My health}
        scale: {min: 0, max: 10, low: {nl: helemaal niet, en: not at all}, high: {nl: helemaal wel, en: completely}, dont_know: true}
        items:
          lichaamsfuncties: [{id: a, text: {nl: Ik voel me gezond., en: I feel healthy.}}]
          mentaal_welbevinden: [{id: b, text: {nl: Ik ben vaak vrolijk., en: I am often cheerful.}}]
          zingeving: [{id: c, text: {nl: Mijn leven heeft zin., en: My life has meaning.}}]
          kwaliteit_van_leven: [{id: d, text: {nl: Ik geniet., en: I enjoy life.}}]
          meedoen: [{id: e, text: {nl: Ik heb contact met anderen., en: I have contact with others.}}]
          dagelijks_functioneren: [{id: f, text: {nl: Ik zorg goed voor mezelf., en: I take good care of myself.}}]
    """

  let context: InterviewContext

  /// A questionnaire for when a fixture fails to parse (the test then fails on its content).
  static let fallback = Questionnaire(
    id: "x", version: 1, languages: [.dutch], title: LocalizedText([.dutch: "x"]), consent: LocalizedText([.dutch: "x"]),
    scoring: ScoringRule(minAnsweredShare: 0.5), dimensions: [], parts: [])

  init() throws {
    let questionnaire = try QuestionnaireParser.parse(Self.yaml, source: "snapshot.yaml")
    context = InterviewContext(
      rounds: [RoundChoice(id: 1, name: "Najaar 2026", questionnaire: questionnaire)],
      areas: [Area(code: "WK001411", level: .wijk, name: "Noordoost", parentCode: nil, aliases: ["Beijum"])],
      newResponseID: { "r1" }, newReceiptCode: { "ABCD-EFGH" })
  }

  /// Runs the app on a memory terminal with `keys` (`nil` is the idle time passing with no key),
  /// returning the terminal and the app.
  func run(_ keys: [Key?], width: Int = 80, height: Int = 24, unicode: Bool = true, recorder: ListRecorder = ListRecorder()) -> (MemoryTerminal, InterviewApp) {
    let terminal = MemoryTerminal(width: width, height: height, unicode: unicode, keys: keys + [.character("§")])
    let app = InterviewApp(terminal: terminal, context: context, recorder: recorder, state: InterviewState())
    for key in keys {
      if let key { app.handle(key) } else { _ = app.update(.idle) }
    }
    terminal.draw(InterviewView.render(app.state, context: context, size: terminal.size, unicode: unicode))
    return (terminal, app)
  }

  static let toFirstItem: [Key?] = [.enter] + MemoryTerminal.typing("v12") + [.enter, .character("j")] + MemoryTerminal.typing("beij") + [.enter]

  @Test func itemScreenSnapshot() {
    let (terminal, _) = run(Self.toFirstItem + [.character("7")])
    Snapshot.assert(terminal.screen.text, named: "item-80x24")
  }

  @Test func itemScreenInEnglishAfterTheSwitch() {
    let (terminal, app) = run(Self.toFirstItem + [.character("4"), .function(2)])
    #expect(app.state.slider == 4)
    #expect(terminal.screen.text.contains("I feel healthy."))
    #expect(terminal.screen.text.contains("Statement 1 of 6"))
    #expect(terminal.screen.text.contains("[4]"))
    // F2 goes back to Dutch (the questionnaire offers Dutch and English), named in the interface's language.
    #expect(terminal.screen.text.contains("F2: Dutch"))
  }

  @Test func webScreenShowsSixLabelledScores() {
    let scores = "345678"
    var keys = Self.toFirstItem
    for score in scores { keys += [.character(score), .enter] }
    let (terminal, _) = run(keys)
    let text = terminal.screen.text
    Snapshot.assert(text, named: "web-80x24")
    #expect(text.contains("Uw spinnenweb: Mijn gezondheid"))
    for label in ["Lichaamsfuncties 3,0", "Mentaal welbevinden 4,0", "Zingeving 5,0", "Kwaliteit van leven 6,0", "Meedoen 7,0", "Dagelijks functioneren 8,0"] {
      #expect(text.contains(label), "missing \(label)\n\(text)")
    }
    #expect(text.unicodeScalars.contains { (0x2801 ... 0x28FF).contains($0.value) }, "braille dots drawn")
  }

  @Test func webScreenFallsBackToASCII() {
    var keys = Self.toFirstItem
    for _ in 0 ..< 6 { keys += [.character("6"), .enter] }
    let (terminal, _) = run(keys, unicode: false)
    let body = terminal.screen.lines.dropFirst(2).dropLast(2).joined()
    #expect(body.contains("*"))
    #expect(!body.unicodeScalars.contains { (0x2800 ... 0x28FF).contains($0.value) })
    #expect(terminal.screen.text.contains("Meedoen 6,0"))
  }

  @Test func tooSmallMessage() {
    let (terminal, _) = run(Self.toFirstItem, width: 60, height: 20)
    Snapshot.assert(terminal.screen.text, named: "too-small-60x20")
  }

  @Test func failedSaveKeepsTheScreenAndSaysSo() {
    let recorder = ListRecorder()
    let (_, app) = run(Self.toFirstItem + [.character("7")], recorder: recorder)
    recorder.failure = SaveFailure(reason: .diskFull, detail: "disk full")
    app.handle(.enter)
    #expect(app.state.step == .item(part: 0, index: 0), "the state did not move on")
    #expect(app.state.answers.isEmpty)
    let screen = InterviewView.render(app.state, context: context, size: Size(width: 80, height: 24), unicode: true)
    #expect(screen.text.contains("Niet opgeslagen: de schijf is vol."))
  }

  @Test func effectsAreRecordedBeforeTheNextDraw() {
    let recorder = ListRecorder()
    let terminal = MemoryTerminal(keys: Self.toFirstItem + [.character("7"), .enter])
    let app = InterviewApp(terminal: terminal, context: context, recorder: recorder, state: InterviewState())
    var drawsAtRecord: [Int] = []
    recorder.onRecord = { drawsAtRecord.append(terminal.drawCount) }
    app.run()
    let answerBatch = recorder.batches.firstIndex { $0.contains(.setAnswer(responseID: "r1", itemID: "a", value: .score(7))) }
    #expect(answerBatch != nil, "\(recorder.batches)")
    if let answerBatch {
      // The key that confirmed the answer was read after draw N; the answer was stored before draw N+1.
      #expect(drawsAtRecord[answerBatch] == Self.toFirstItem.count + 2)
    }
  }

  @Test func keysAreIgnoredWhileTheWindowIsTooSmall() {
    let recorder = ListRecorder()
    let terminal = MemoryTerminal(keys: [])
    let app = InterviewApp(terminal: terminal, context: context, recorder: recorder, state: InterviewState())
    for key in Self.toFirstItem.compactMap({ $0 }) { app.handle(key) }
    app.handle(.character("6"))
    terminal.size = Size(width: 70, height: 22)
    app.handle(.enter)
    #expect(app.state.step == .item(part: 0, index: 0))
    #expect(!recorder.batches.joined().contains { if case .setAnswer = $0 { return true } else { return false } })
    terminal.size = Size(width: 80, height: 24)
    app.handle(.enter)
    #expect(app.state.answers["a"] == .score(6))
  }

  @Test func pausedScreenHidesTheStatement() {
    let (terminal, app) = run(Self.toFirstItem + [nil])
    #expect(app.state.paused)
    let screen = terminal.screen
    #expect(screen.text.contains("Gesprek gepauzeerd"))
    #expect(!screen.text.contains("Ik voel me gezond."))
  }

  @Test func idleAfterSavingClearsTheReceipt() {
    var keys = Self.toFirstItem
    for _ in 0 ..< 6 { keys += [.character("9"), .enter] }
    keys += [.enter, .enter, nil]
    let (terminal, app) = run(keys)
    var stillSaved = false
    if case .saved = app.state.step { stillSaved = true }
    #expect(!stillSaved)
    #expect(!terminal.screen.text.contains("A B C D - E F G H"))
  }

  @Test func savedScreenShowsOnlyTheReceipt() {
    var keys = Self.toFirstItem
    for _ in 0 ..< 6 { keys += [.character("9"), .enter] }
    keys += [.enter, .enter]
    let (terminal, _) = run(keys)
    let text = terminal.screen.text
    #expect(text.contains("A B C D - E F G H"))
    #expect(!text.contains("9,0") && !text.contains("Noordoost"))
  }

  @Test func everyStringHasEveryLanguage() {
    for language in UIString.languages {
      let missing = UIString.allCases.filter { UIString.table(for: language)[$0] == nil }
      #expect(missing.isEmpty, "\(language) lacks \(missing)")
    }
  }
}

/// Keeps recorded effects in memory; can be told to fail.
final class ListRecorder: InterviewRecorder {
  var batches: [[InterviewEffect]] = []
  var failure: SaveFailure?
  var onRecord: (() -> Void)?

  func record(_ effects: [InterviewEffect]) throws {
    if let failure { throw failure }
    onRecord?()
    batches.append(effects)
  }
}
