import Foundation
import Testing
@testable import WijkwebCore
import WijkwebTUI

/// Random key sequences through the interview state machine, with a model of the store that applies
/// every effect. Half the keys help the interview along (so the runs reach the statements, webs,
/// reflections and the save), the other half are anything a terminal could send. After every key:
/// the slider is within its scale or empty, every step index is within the questionnaire, every effect
/// names the current response, nothing is written to a completed response, and what the screen holds as
/// answered equals what the store holds. Ctrl-C and "q" restart the interview from the model, as the
/// program does after a kill, and the resumed state must match what was stored.
@Suite struct InterviewStateFuzzTests {
  /// Hands out response ids and receipt codes, unique within a run.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }

  static let realQuestionnaire: Questionnaire? = {
    guard let text = FuzzFiles.read("Questionnaires/positieve-gezondheid-wijk.yaml") else { return nil }
    return try? QuestionnaireParser.parse(text, source: "positieve-gezondheid-wijk.yaml")
  }()

  static let groningen: [Area] = {
    guard let text = FuzzFiles.read("Areas/groningen.csv") else { return Fixtures.areas }
    return (try? AreaFile.parse(text, source: "groningen.csv")) ?? Fixtures.areas
  }()

  /// Contexts of different shapes: the real instrument, the small fixture, two rounds, no round at all.
  static func contexts(counter: Counter) throws -> [InterviewContext] {
    let fixture = try Fixtures.questionnaire()
    let real = try #require(realQuestionnaire)
    func context(_ rounds: [RoundChoice], _ areas: [Area]) -> InterviewContext {
      InterviewContext(rounds: rounds, areas: areas, newResponseID: { "response-\(counter.next())" },
                       newReceiptCode: { "R\(counter.next())" })
    }
    return [
      context([RoundChoice(id: 1, name: "Najaar 2026", questionnaire: real)], groningen),
      context([RoundChoice(id: 2, name: "Proef", questionnaire: fixture)], Fixtures.areas),
      context([RoundChoice(id: 1, name: "Najaar 2026", questionnaire: real), RoundChoice(id: 2, name: "Proef", questionnaire: fixture)], groningen),
      context([], Fixtures.areas),
    ]
  }

  // MARK: Keys

  static let commandLetters: [Character] = Array("hrwdnqbljJyYNl?xXaAkK ")
  static let oddCharacters: [Character] = [
    "\u{0000}", "\u{0007}", "\u{001B}", "\u{007F}", "\u{0085}", "\u{00A0}", "\u{200B}", "\u{200D}", "\u{202E}", "\u{FEFF}",
    "\u{FFFD}", "\u{FFFF}", "\u{10FFFF}", "e\u{0301}", "\u{0301}", "👩‍👩‍👧", "🇳🇱", "٣", "５", "½", "Ⅻ", "ß", "Ĳ", "\r\n", "\n", "\t",
  ]

  static func anyKey(_ random: inout SeededRandom) -> Key {
    switch random.below(30) {
    case 0 ..< 6: return .character(Character(String(random.below(10))))
    case 6 ..< 9: return .enter
    case 9: return .tab
    case 10: return .backTab
    case 11: return .backspace
    case 12: return .delete
    case 13: return .escape
    case 14: return random.element([.up, .down, .left, .right])
    case 15: return random.element([.home, .end, .pageUp, .pageDown])
    case 16: return .function(random.below(40) - 5)
    case 17: return random.oneIn(4) ? .interrupt : .resize
    case 18 ..< 22: return .character(random.element(commandLetters))
    case 22 ..< 25: return .character(random.element(oddCharacters))
    default:
      // Any Unicode scalar, controls and private use included.
      while true {
        if let scalar = Unicode.Scalar(UInt32(random.below(0x11_0000))) { return .character(Character(scalar)) }
      }
    }
  }

  /// A key that moves the interview on from where it is.
  static func helpfulKey(_ state: InterviewState, _ context: InterviewContext, _ random: inout SeededRandom) -> Key {
    switch state.step {
    case .resumeOffer: return random.oneIn(6) ? .character("w") : .character("h")
    case .confirmDiscard: return random.oneIn(2) ? .character("j") : .character("n")
    case .welcome, .declined, .saved: return .enter
    case .volunteer:
      if InterviewState.isValidVolunteerCode(state.volunteerCode) { return .enter }
      if state.volunteerCode.count >= 10 { return .backspace }
      return .character(random.element(Array("v12ab3")))
    case .consent: return random.oneIn(15) ? .character("n") : .character("j")
    case .area:
      if !state.query.isEmpty, context.areas.matches(state.query).isEmpty { return .backspace }
      if !state.query.isEmpty, random.oneIn(2) { return .enter }
      return .character(random.element(Array("BeijOostNrdHlpmn")))
    case .demographic: return random.oneIn(3) ? .enter : .character(Character(String(1 + random.below(4))))
    case .item:
      if state.slider != nil, random.oneIn(2) { return .enter }
      return random.oneIn(8) ? .character("w") : .character(Character(String(random.below(10))))
    case .web:
      if random.oneIn(4) { return .character(Character(String(1 + random.below(6)))) }
      return random.oneIn(10) ? .character("v") : .enter
    case .summary: return .enter
    case .earlierCode: return random.oneIn(2) ? .escape : .character(random.element(Array("K7P2-QX")))
    case .reflection, .dialogue: return random.oneIn(3) ? .tab : .character(random.element(Array("Rust in de wijk. ")))
    }
  }

  // MARK: A model of the store

  struct ModelResponse {
    var order: Int
    var roundID: Int64
    var status = "in_progress"
    var language: Language
    var volunteerCode: String
    var areaCode: String?
    var demographics: [String: String?] = [:]
    var answers: [String: AnswerValue] = [:]
    var reflections: [String: String] = [:]
    var position = "area"
    var packedAnswers: String?
  }

  struct ModelStore {
    var responses: [String: ModelResponse] = [:]
    var volunteerCode: String?
    var started = 0
    var completed = 0

    mutating func apply(_ effects: [InterviewEffect], context: InterviewContext, label: String) {
      for effect in effects { apply(effect, context: context, label: label) }
    }

    func questionnaire(_ id: String, _ context: InterviewContext) -> Questionnaire? {
      guard let response = responses[id] else { return nil }
      return context.rounds.first { $0.id == response.roundID }?.questionnaire
    }

    /// The response an effect writes to, which must exist and be in progress.
    mutating func inProgress(_ id: String, _ what: String, label: String) -> Bool {
      guard let response = responses[id] else {
        Issue.record("\(what) for a response that does not exist (\(id)) [\(label)]")
        return false
      }
      if response.status != "in_progress" {
        Issue.record("\(what) after the response was completed (\(id)) [\(label)]")
        return false
      }
      return true
    }

    mutating func apply(_ effect: InterviewEffect, context: InterviewContext, label: String) {
      switch effect {
      case .rememberVolunteer(let code):
        #expect(InterviewState.isValidVolunteerCode(code), "\(label)")
        volunteerCode = code
      case .begin(let id, let roundID, let code, let language):
        #expect(responses[id] == nil, "begin of an existing response [\(label)]")
        #expect(context.rounds.contains { $0.id == roundID }, "\(label)")
        started += 1
        responses[id] = ModelResponse(order: started, roundID: roundID, language: language, volunteerCode: code)
      case .setArea(let id, let code):
        guard inProgress(id, "setArea", label: label) else { return }
        #expect(context.areaNames[code] != nil, "unknown area \(code) [\(label)]")
        responses[id]?.areaCode = code
      case .setDemographic(let id, let question, let choice):
        guard inProgress(id, "setDemographic", label: label) else { return }
        let known = questionnaire(id, context)?.demographics.first { $0.id == question }
        #expect(known != nil, "\(label)")
        if let choice { #expect(known?.choices.contains { $0.id == choice } == true, "\(label)") }
        responses[id]?.demographics[question] = .some(choice)
      case .setAnswer(let id, let itemID, let value):
        guard inProgress(id, "setAnswer", label: label) else { return }
        guard let item = questionnaire(id, context)?.allItems.first(where: { $0.id == itemID }) else {
          Issue.record("answer to unknown statement \(itemID) [\(label)]")
          return
        }
        switch value {
        case .score(let score): #expect((item.scale.min ... item.scale.max).contains(score), "score \(score) for \(itemID) [\(label)]")
        case .skipped: #expect(item.scale.dontKnow, "weet niet where not allowed: \(itemID) [\(label)]")
        }
        responses[id]?.answers[itemID] = value
      case .setReflection(let id, let prompt, let text):
        guard inProgress(id, "setReflection", label: label) else { return }
        let known = questionnaire(id, context)?.reflection.contains { $0.id == prompt } == true
          || prompt.hasPrefix("focus.") || prompt.hasPrefix("dialogue.")
        #expect(known, "unknown reflection id \(prompt) [\(label)]")
        #expect(text.count <= TextEditor.maximumLength, "\(label)")
        responses[id]?.reflections[prompt] = text.isEmpty ? nil : text
      case .flagPersonalData(let id, let prompt):
        guard inProgress(id, "flagPersonalData", label: label) else { return }
        #expect(responses[id]?.reflections[prompt] != nil, "a flag on a text never stored [\(label)]")
      case .setLanguage(let id, let language):
        guard inProgress(id, "setLanguage", label: label) else { return }
        responses[id]?.language = language
      case .setPosition(let id, let position):
        guard inProgress(id, "setPosition", label: label) else { return }
        if let questionnaire = questionnaire(id, context) {
          #expect(InterviewState.Step(positionCode: position, questionnaire: questionnaire) != nil, "position \(position) [\(label)]")
        }
        responses[id]?.position = position
      case .complete(let id, _, let scores, let packed, _):
        guard inProgress(id, "complete", label: label), let questionnaire = questionnaire(id, context),
              let stored = responses[id] else { return }
        #expect(packed == AnswerCodec.pack(stored.answers, items: questionnaire.allItems), "packed answers differ from the stored ones [\(label)]")
        #expect(packed.count == questionnaire.allItems.count, "\(label)")
        #expect(scores == questionnaire.scores(answers: stored.answers), "\(label)")
        responses[id]?.status = "completed"
        responses[id]?.packedAnswers = packed
        completed += 1
      case .discard(let id):
        guard inProgress(id, "discard", label: label) else { return }
        responses[id] = nil
      case .takeHome, .lookUpEarlierWeb:
        break
      }
    }

    /// What the program would offer for resuming: the last interview started and not completed.
    func interrupted() -> SavedInterview? {
      guard let (id, response) = responses.filter({ $0.value.status == "in_progress" }).max(by: { $0.value.order < $1.value.order }) else {
        return nil
      }
      return SavedInterview(
        responseID: id, roundID: response.roundID, volunteerCode: response.volunteerCode, language: response.language,
        areaCode: response.areaCode, demographics: response.demographics, answers: response.answers,
        reflections: response.reflections, position: response.position, startedAt: "23-11-2026 10:00")
    }
  }

  // MARK: Invariants

  static func checkInvariants(_ state: InterviewState, context: InterviewContext, model: ModelStore, label: String) {
    if let slider = state.slider { #expect((0 ... 10).contains(slider), "slider \(slider) [\(label)]") }
    #expect(state.selection >= 0, "\(label)")
    if !context.rounds.isEmpty { #expect(context.rounds.indices.contains(state.roundIndex), "round index [\(label)]") }
    #expect(state.volunteerCode.count <= 12, "\(label)")
    #expect(state.query.count <= 40, "\(label)")
    guard let questionnaire = state.questionnaire(in: context) else {
      switch state.step {
      case .resumeOffer, .confirmDiscard, .welcome, .volunteer, .consent, .declined, .saved: break
      default: Issue.record("step \(state.step) without a questionnaire [\(label)]")
      }
      return
    }
    switch state.step {
    case .demographic(let index):
      #expect(questionnaire.demographics.indices.contains(index), "demographic \(index) [\(label)]")
    case .item(let part, let index):
      #expect(questionnaire.parts.indices.contains(part) && questionnaire.parts[part].items.indices.contains(index), "item \(part):\(index) [\(label)]")
      if let slider = state.slider, questionnaire.parts.indices.contains(part), questionnaire.parts[part].items.indices.contains(index) {
        let scale = questionnaire.parts[part].items[index].scale
        #expect((scale.min ... scale.max).contains(slider), "slider outside the scale [\(label)]")
      }
    case .web(let part):
      #expect(questionnaire.parts.indices.contains(part), "web \(part) [\(label)]")
    case .reflection(let index):
      #expect(questionnaire.reflection.indices.contains(index), "reflection \(index) [\(label)]")
    default:
      break
    }
    if state.showsResidentData, state.step != .resumeOffer, let id = state.responseID {
      guard let stored = model.responses[id] else {
        if case .saved = state.step { return }
        Issue.record("the screen shows response \(id), which the store does not have [\(label)]")
        return
      }
      #expect(stored.status == "in_progress", "\(label)")
      #expect(state.answers == stored.answers, "screen and store disagree on the answers [\(label)]")
      #expect(state.demographics == stored.demographics, "screen and store disagree on the demographics [\(label)]")
      #expect(state.areaCode == stored.areaCode, "\(label)")
    }
  }

  static func checkEffects(_ effects: [InterviewEffect], before: InterviewState, after: InterviewState, label: String) {
    for effect in effects {
      let id: String?
      let expected: String?
      switch effect {
      case .rememberVolunteer, .takeHome, .lookUpEarlierWeb: continue
      case .begin(let responseID, _, _, _):
        id = responseID
        expected = after.responseID
      case .complete(let responseID, _, _, _, _):
        id = responseID
        expected = before.responseID
        #expect(after.responseID == nil && after.answers.isEmpty && after.demographics.isEmpty && after.reflections.isEmpty,
                "the resident's answers stay on screen after saving [\(label)]")
      case .discard(let responseID):
        id = responseID
        expected = before.interrupted?.responseID
      case .setArea(let responseID, _), .setDemographic(let responseID, _, _), .setAnswer(let responseID, _, _),
           .setReflection(let responseID, _, _), .setLanguage(let responseID, _), .setPosition(let responseID, _),
           .flagPersonalData(let responseID, _):
        id = responseID
        expected = after.responseID ?? before.responseID
      }
      #expect(id == expected, "effect \(effect) does not name the current response \(expected ?? "none") [\(label)]")
    }
  }

  // MARK: The runs

  @Test func randomKeySequencesKeepTheInvariants() throws {
    let runs = FuzzConfig.iterations(40)
    let keysPerRun = 500
    var random = SeededRandom(seed: FuzzConfig.seed(0x1E7E_0001))
    var keys = 0
    var completed = 0
    var restarts = 0
    var stepsSeen: Set<String> = []
    for run in 0 ..< runs {
      let counter = Counter()
      let contexts = try Self.contexts(counter: counter)
      let context = contexts[run % contexts.count]
      var model = ModelStore()
      var state = InterviewState(language: random.oneIn(4) ? .english : .dutch)
      for press in 0 ..< keysPerRun {
        let label = "run \(run), key \(press)"
        if random.oneIn(60) {
          state.idle()
          continue
        }
        let key = random.oneIn(2) ? Self.helpfulKey(state, context, &random) : Self.anyKey(&random)
        let before = state
        let effects = state.handle(key, context: context)
        keys += 1
        stepsSeen.insert("\(state.step)".prefix { $0 != "(" }.description)
        Self.checkEffects(effects, before: before, after: state, label: "\(label), \(key)")
        model.apply(effects, context: context, label: "\(label), \(key)")
        Self.checkInvariants(state, context: context, model: model, label: "\(label), \(key)")
        if state.wantsToQuit {
          // The program ends here; the next start offers what was interrupted.
          restarts += 1
          state = InterviewState(volunteerCode: model.volunteerCode ?? "", interrupted: model.interrupted())
          if let saved = state.interrupted {
            stepsSeen.insert("resumeOffer")
            // Now and then the random keys decide at the offer: resume, discard or quit again.
            if random.oneIn(3) { continue }
            _ = state.handle(.character("h"), context: context)
            if state.responseID == saved.responseID {
              #expect(state.answers == saved.answers && state.demographics == saved.demographics, "\(label): resumed state")
              #expect(state.step.positionCode == saved.position || saved.position == "area", "\(label): resumed at \(state.step), stored \(saved.position)")
            }
            Self.checkInvariants(state, context: context, model: model, label: "\(label), resumed")
          }
        }
      }
      completed += model.completed
    }
    // The helpful keys make sure the runs get everywhere.
    if runs >= 8 {
      #expect(completed > 0, "no run completed an interview")
      for step in ["item", "web", "reflection", "summary", "saved", "resumeOffer"] {
        #expect(stepsSeen.contains(step), "no run reached \(step)")
      }
    }
    FuzzConfig.report("interview state machine: \(runs) runs, \(keys) keys, \(completed) interviews completed, \(restarts) restarts with resume")
  }

  @Test func everyKeyOnEveryStepOfTheFixture() throws {
    // Exhaustive on the small questionnaire: from each reachable step, each kind of key once.
    let counter = Counter()
    let context = try Self.contexts(counter: counter)[1]
    let everyKey: [Key] = [
      .enter, .tab, .backTab, .backspace, .delete, .escape, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
      .function(0), .function(1), .function(2), .function(10), .function(13), .function(-1), .resize,
      .character("0"), .character("1"), .character("9"), .character("w"), .character("h"), .character("j"), .character("n"),
      .character("q"), .character("?"), .character("l"), .character("\u{0000}"), .character("👩‍👩‍👧"), .character("٣"),
    ]
    var path = InterviewState()
    var model = ModelStore()
    var random = SeededRandom(seed: 3)
    for step in 0 ..< 60 {
      for key in everyKey {
        var copy = path
        var copyModel = model
        let effects = copy.handle(key, context: context)
        Self.checkEffects(effects, before: path, after: copy, label: "step \(step), \(key)")
        copyModel.apply(effects, context: context, label: "step \(step), \(key)")
        Self.checkInvariants(copy, context: context, model: copyModel, label: "step \(step), \(key)")
      }
      let effects = path.handle(Self.helpfulKey(path, context, &random), context: context)
      model.apply(effects, context: context, label: "path \(step)")
      if case .saved = path.step { break }
    }
  }
}
