import Foundation
import WijkwebCrypto

/// Checks what a bundle's records say, before anything is stored: questionnaires match their hashes and
/// parse, rounds name a questionnaire in the bundle, and every response is a completed interview whose
/// answers, demographics and reflections fit its round's questionnaire.
///
/// What needs the receiving database (known area codes, rounds of the same name) is checked by the store.
public enum BundleValidator {
  /// A bundle whose records were checked, with its questionnaires parsed, by content hash. Only `check`
  /// makes one, and it cannot be changed afterwards, so the store imports only what was checked.
  public struct Checked: Sendable {
    public let contents: BundleContents
    public let questionnaires: [String: Questionnaire]
    /// The sealed blob (base64) each response opened with the team key came from (`OpenedBundle`).
    public let openedFrom: [String: String]
    /// Sealed responses that did not open, or opened into content that does not fit: they stay sealed.
    public let unopened: [BundleRefusal]
  }

  /// The characters a packed answer may hold (`AnswerCodec`).
  static let answerCharacters = Set("0123456789X-.")

  /// Checks every record of `contents`; throws the first problem found. `advice` ends the message.
  public static func check(_ contents: BundleContents, advice: String = importAdvice) throws -> Checked {
    try check(OpenedBundle(contents: contents), advice: advice)
  }

  /// Checks a bundle whose sealed responses were opened with the team key. An opened response whose
  /// content does not fit its round goes back to its sealed form and is reported in `unopened`; only the
  /// responses opened here may be readable in a sealed round.
  public static func check(_ opened: OpenedBundle, advice: String = importAdvice) throws -> Checked {
    do {
      return try checkRecords(opened)
    } catch let problem as BundleProblem {
      throw BundleProblem("\(problem.message). \(advice)")
    }
  }

  /// What to do when a bundle's records do not fit.
  public static let importAdvice = "The bundle was not made by this version of Wijkweb or was changed; ask the sender to export it again."

  static func checkRecords(_ opened: OpenedBundle) throws -> Checked {
    var contents = opened.contents
    var openedFrom = opened.openedFrom
    var unopened = opened.unopened
    let questionnaires = try checkQuestionnaires(contents.questionnaires)
    let rounds = try checkRounds(contents.rounds, questionnaires: questionnaires)
    var seen = Set<String>()
    var receipts = Set<String>()
    for index in contents.responses.indices {
      let response = contents.responses[index]
      guard let round = rounds[response.round] else {
        throw problem("response \(response.id) belongs to round \"\(response.round)\", which the bundle does not define")
      }
      guard let questionnaire = questionnaires[round.questionnaireHash] else {
        throw problem("round \"\(round.name)\" has no questionnaire in the bundle")
      }
      guard seen.insert(response.id).inserted else { throw problem("response \(response.id) appears twice") }
      if let code = response.receiptCode, !receipts.insert(code).inserted {
        throw problem("receipt code \(code) appears on two responses")
      }
      if let hash = response.receiptHash, !receipts.insert(hash).inserted {
        throw problem("response \(response.id) carries the receipt hash of another response in the bundle")
      }
      if let blob = openedFrom[response.id], !response.isSealed {
        do {
          try checkResponse(response, round: round, questionnaire: questionnaire, opened: true)
        } catch let problem as BundleProblem {
          // Sealed to the team's public key, which anyone may do, but not a response of its round.
          contents.responses[index] = response.sealedAgain(blob)
          openedFrom[response.id] = nil
          try checkResponse(contents.responses[index], round: round, questionnaire: questionnaire, opened: false)
          unopened.append(BundleRefusal(responseID: response.id, reason: "opens, but \(problem.message)"))
        }
      } else {
        try checkResponse(response, round: round, questionnaire: questionnaire, opened: false)
      }
    }
    var withdrawn = Set<String>()
    for tombstone in contents.tombstones {
      guard isResponseID(tombstone.responseID) else {
        throw problem("a withdrawal names \"\(tombstone.responseID)\", which is not a response id")
      }
      guard withdrawn.insert(tombstone.responseID).inserted else {
        throw problem("the withdrawal of response \(tombstone.responseID) appears twice")
      }
      guard BundleTime.isTimestamp(tombstone.withdrawnAt), !tombstone.deviceID.isEmpty, tombstone.deviceID.count <= maxCodeLength,
            TerminalText.isPrintable(tombstone.deviceID) else {
        throw problem("the withdrawal of response \(tombstone.responseID) lacks a full time (YYYY-MM-DDTHH:MM:SSZ) or a device id")
      }
    }
    return Checked(contents: contents, questionnaires: questionnaires, openedFrom: openedFrom, unopened: unopened)
  }

  static func checkQuestionnaires(_ records: [BundleQuestionnaire]) throws -> [String: Questionnaire] {
    var parsed: [String: Questionnaire] = [:]
    for record in records {
      guard parsed[record.contentHash] == nil else { throw problem("questionnaire \(record.contentHash) appears twice") }
      guard SHA256.hex(of: Array(record.source.utf8)) == record.contentHash else {
        throw problem("the text of questionnaire \(record.id) version \(record.version) does not match its hash")
      }
      let questionnaire: Questionnaire
      do {
        questionnaire = try QuestionnaireParser.parse(record.source, source: "questionnaire \(record.id)")
      } catch let problems as FileProblems {
        throw problem("questionnaire \(record.id) cannot be used: \(problems.problems.first?.description ?? "it has problems")")
      }
      guard questionnaire.id == record.id, questionnaire.version == record.version else {
        throw problem("questionnaire \(record.contentHash.prefix(12)) says it is \(questionnaire.id) version \(questionnaire.version), not \(record.id) version \(record.version)")
      }
      parsed[record.contentHash] = questionnaire
    }
    return parsed
  }

  static func checkRounds(_ records: [BundleRound], questionnaires: [String: Questionnaire]) throws -> [String: BundleRound] {
    var rounds: [String: BundleRound] = [:]
    for round in records {
      guard !round.name.trimmingWhitespace.isEmpty else { throw problem("a round has no name") }
      if let wrong = BundleRound.nameProblem(round.name) {
        throw problem("round \"\(TerminalText.visible(String(round.name.prefix(BundleRound.maxNameLength))))\" cannot be used: \(wrong)")
      }
      guard rounds[round.name] == nil else { throw problem("round \"\(round.name)\" appears twice") }
      guard questionnaires[round.questionnaireHash] != nil else {
        throw problem("round \"\(round.name)\" uses questionnaire \(round.questionnaireHash.prefix(12)), which the bundle does not hold")
      }
      guard BundleTime.isDay(round.startsOn), BundleTime.isDay(round.endsOn) else {
        throw problem("round \"\(round.name)\" has a start or end that is not a day (YYYY-MM-DD)")
      }
      guard round.minGroupSize >= 5, round.retentionDays >= 1, ["open", "closed"].contains(round.status) else {
        throw problem("round \"\(round.name)\" has a minimum group below 5, a retention below 1 day or an unknown status")
      }
      rounds[round.name] = round
    }
    return rounds
  }

  static func checkResponse(_ response: BundleResponse, round: BundleRound, questionnaire: Questionnaire, opened: Bool) throws {
    let id = response.id
    guard isResponseID(id) else { throw problem("\"\(id)\" is not a response id (a lower-case UUID)") }
    guard response.status == "completed" else {
      throw problem("response \(id) is not completed (status \"\(response.status)\"); interviews in progress never travel in bundles")
    }
    guard response.questionnaireHash == round.questionnaireHash, response.questionnaireID == questionnaire.id,
          response.questionnaireVersion == questionnaire.version
    else {
      throw problem("response \(id) names another questionnaire than its round \"\(round.name)\" uses")
    }
    guard !response.deviceID.isEmpty else { throw problem("response \(id) has no device id") }
    for (field, value) in [("device id", response.deviceID), ("volunteer code", response.volunteerCode),
                           ("area code", response.areaCode ?? ""), ("language", response.language)]
      where value.count > maxCodeLength || !TerminalText.isPrintable(value) {
      throw problem("response \(id) has a \(field) longer than \(maxCodeLength) characters or with control characters")
    }
    if let status = response.languageStatus, !["built-in", "concept", "checked"].contains(status) {
      throw problem("response \(id) gives its language status as \"\(TerminalText.visible(status))\"; it is built-in, concept or checked")
    }
    guard questionnaire.languages.contains(Language(response.language)) else {
      throw problem("response \(id) is in language \"\(response.language)\", which its questionnaire does not offer")
    }
    if let area = response.areaCode, area.isEmpty { throw problem("response \(id) has an empty area code") }
    guard BundleTime.isTimestamp(response.startedAt), BundleTime.isTimestamp(response.completedAt) else {
      throw problem("response \(id) lacks a full start or completion time (YYYY-MM-DDTHH:MM:SSZ)")
    }
    if let code = response.receiptCode, ReceiptCode.normalize(code) != code {
      throw problem("response \(id) has \"\(code)\" as receipt code, which is not of the form XXXX-XXXX")
    }
    if response.receiptLocator != nil || response.receiptSalt != nil || response.receiptHash != nil {
      guard let locator = response.receiptLocator, locator.count == 4, locator.allSatisfy({ ReceiptCode.alphabet.contains($0) }),
            let salt = response.receiptSalt.flatMap({ Data(base64Encoded: $0) }), salt.count == 16,
            let hash = response.receiptHash.flatMap({ Data(base64Encoded: $0) }), hash.count == 32, response.receiptCode == nil
      else {
        throw problem("response \(id) has a receipt locator, salt or hash of the wrong form")
      }
    }
    if let sealed = response.sealed {
      try checkSealed(response, sealed: sealed, round: round)
      return
    }
    guard round.sealPublicKey == nil || opened else {
      throw problem("response \(id) is readable, but its round \"\(round.name)\" is sealed; only the team key opens sealed responses")
    }
    let statements = questionnaire.allItems.count
    guard response.packedAnswers.count == statements else {
      throw problem("response \(id) has \(response.packedAnswers.count) answers; its questionnaire \(questionnaire.id) has \(statements) statements")
    }
    if let wrong = response.packedAnswers.first(where: { !answerCharacters.contains($0) }) {
      throw problem("response \(id) has \"\(wrong)\" among its answers; only 0-9, X, - and . are allowed")
    }
    try checkDemographics(response, questionnaire: questionnaire)
    guard scoresMatch(response, questionnaire: questionnaire) else {
      throw problem("response \(id) carries scores that do not follow from its answers")
    }
    var prompts = Set<String>()
    let known = Set(questionnaire.reflection.map(\.id))
    for reflection in response.reflections {
      guard known.contains(reflection.promptID) || isConversationID(reflection.promptID),
            prompts.insert(reflection.promptID).inserted else {
        throw problem("response \(id) has a reflection for \"\(reflection.promptID)\", which its questionnaire does not ask or which appears twice")
      }
      guard reflection.text.count <= maxReflectionLength else {
        throw problem("response \(id) has a reflection of \(reflection.text.count) characters for \"\(reflection.promptID)\"; at most \(maxReflectionLength) are allowed")
      }
      guard TerminalText.isPrintable(reflection.text.replacingOccurrences(of: "\n", with: " ")) else {
        throw problem("response \(id) has a reflection with control characters (such as escape sequences) for \"\(reflection.promptID)\"")
      }
      guard !reflection.text.isEmpty, reviewStatuses.contains(reflection.reviewStatus) else {
        throw problem("response \(id) has an empty reflection or an unknown review status for \"\(reflection.promptID)\"")
      }
    }
  }

  /// Whether `id` names an answer of the conversation after the web: `focus.<part>` or
  /// `dialogue.<part>.<dimension>.<n>` (`InterviewState.focusID`, `dialogueID`).
  static func isConversationID(_ id: String) -> Bool {
    let fields = id.split(separator: ".", omittingEmptySubsequences: false)
    if fields.count == 2, fields[0] == "focus" { return !fields[1].isEmpty }
    return fields.count == 4 && fields[0] == "dialogue" && !fields[1].isEmpty
      && Dimension.allCases.contains { $0.key == fields[2] } && Int(fields[3]) != nil
  }

  /// A sealed response carries its content only sealed: nothing readable besides what counts it.
  static func checkSealed(_ response: BundleResponse, sealed: String, round: BundleRound) throws {
    let id = response.id
    guard round.sealPublicKey != nil else {
      throw problem("response \(id) is sealed, but its round \"\(round.name)\" is not a sealed round")
    }
    guard response.packedAnswers.isEmpty, response.packedDemographics.isEmpty, response.scores.isEmpty,
          response.reflections.isEmpty
    else {
      throw problem("response \(id) is sealed but also carries answers, scores or reflections in the clear")
    }
    guard let bytes = Data(base64Encoded: sealed), bytes.count > 48 else {
      throw problem("response \(id) has a sealed content that is not base64 or is too short")
    }
  }

  /// The longest reflection, in characters, wherever it comes from.
  public static let maxReflectionLength = TextEditor.maximumLength
  /// The longest device id, volunteer code, area code or language code.
  public static let maxCodeLength = 64

  /// The review statuses a reflection may have.
  static let reviewStatuses: Set<String> = ["unreviewed", "publishable", "not_publishable", "publishable_edited"]

  /// The part scores of `packed` answers as a completed interview stores them: by part id, six values in
  /// `Dimension.allCases` order.
  public static func partScores(packed: String, questionnaire: Questionnaire) -> [String: [Double?]] {
    let scores = questionnaire.scores(answers: AnswerCodec.unpack(packed, items: questionnaire.allItems))
    var byPart: [String: [Double?]] = [:]
    for part in questionnaire.parts {
      let ofPart = scores.filter { $0.partID == part.id }
      byPart[part.id] = Dimension.allCases.map { dimension in ofPart.first { $0.dimension == dimension }?.score ?? nil }
    }
    return byPart
  }

  /// Whether the scores a response carries are exactly those its answers give (the same computation on
  /// every laptop, so the same doubles), which lets the store keep them as a completed interview would.
  static func scoresMatch(_ response: BundleResponse, questionnaire: Questionnaire) -> Bool {
    partScores(packed: response.packedAnswers, questionnaire: questionnaire) == response.scores
  }

  static func checkDemographics(_ response: BundleResponse, questionnaire: Questionnaire) throws {
    var answered = Set<String>()
    for pair in response.packedDemographics.split(separator: ";", omittingEmptySubsequences: false) where !response.packedDemographics.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let question = questionnaire.demographics.first(where: { $0.id == parts[0] }),
            answered.insert(question.id).inserted,
            parts[1].isEmpty || question.choices.contains(where: { $0.id == parts[1] })
      else {
        throw problem("response \(response.id) has \"\(pair)\" among its answers about the resident, which its questionnaire does not offer")
      }
    }
  }

  /// Whether `id` is a lower-case UUID, the form every response id has.
  public static func isResponseID(_ id: String) -> Bool {
    let characters = Array(id.utf8)
    guard characters.count == 36 else { return false }
    for (index, character) in characters.enumerated() {
      if [8, 13, 18, 23].contains(index) {
        guard character == UInt8(ascii: "-") else { return false }
      } else {
        guard (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(character) || (UInt8(ascii: "a") ... UInt8(ascii: "f")).contains(character)
        else { return false }
      }
    }
    return true
  }

  static func problem(_ what: String) -> BundleProblem { BundleProblem(what) }
}
