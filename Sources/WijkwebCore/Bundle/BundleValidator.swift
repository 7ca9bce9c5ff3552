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
  public static func check(_ contents: BundleContents, advice: UIString = .bvImportAdvice) throws -> Checked {
    try check(OpenedBundle(contents: contents), advice: advice)
  }

  /// Checks a bundle whose sealed responses were opened with the team key. An opened response whose
  /// content does not fit its round goes back to its sealed form and is reported in `unopened`; only the
  /// responses opened here may be readable in a sealed round.
  public static func check(_ opened: OpenedBundle, advice: UIString = .bvImportAdvice) throws -> Checked {
    do {
      return try checkRecords(opened)
    } catch let problem as BundleProblem {
      guard let localized = problem.localized else { throw BundleProblem("\(problem.message). \(advice.text(.english))") }
      throw BundleProblem(localized, advice: LocalizedMessage(advice))
    }
  }

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
        throw problem(.bvResponseNoRound, response.id, response.round)
      }
      guard let questionnaire = questionnaires[round.questionnaireHash] else {
        throw problem(.bvRoundNoQuestionnaire, round.name)
      }
      guard seen.insert(response.id).inserted else { throw problem(.bvResponseTwice, response.id) }
      if let code = response.receiptCode, !receipts.insert(code).inserted {
        throw problem(.bvReceiptTwice, code)
      }
      if let hash = response.receiptHash, !receipts.insert(hash).inserted {
        throw problem(.bvReceiptHashTwice, response.id)
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
        throw problem(.bvWithdrawalNotID, tombstone.responseID)
      }
      guard withdrawn.insert(tombstone.responseID).inserted else {
        throw problem(.bvWithdrawalTwice, tombstone.responseID)
      }
      guard BundleTime.isTimestamp(tombstone.withdrawnAt), !tombstone.deviceID.isEmpty, tombstone.deviceID.count <= maxCodeLength,
            TerminalText.isPrintable(tombstone.deviceID) else {
        throw problem(.bvWithdrawalIncomplete, tombstone.responseID)
      }
    }
    return Checked(contents: contents, questionnaires: questionnaires, openedFrom: openedFrom, unopened: unopened)
  }

  static func checkQuestionnaires(_ records: [BundleQuestionnaire]) throws -> [String: Questionnaire] {
    var parsed: [String: Questionnaire] = [:]
    for record in records {
      guard parsed[record.contentHash] == nil else { throw problem(.bvQuestionnaireTwice, record.contentHash) }
      guard SHA256.hex(of: Array(record.source.utf8)) == record.contentHash else {
        throw problem(.bvQuestionnaireHash, record.id, record.version)
      }
      let questionnaire: Questionnaire
      do {
        questionnaire = try QuestionnaireParser.parse(record.source, source: "questionnaire \(record.id)")
      } catch let problems as FileProblems {
        throw problem(.bvQuestionnaireUnusable, record.id, problems.problems.first?.description ?? "?")
      }
      guard questionnaire.id == record.id, questionnaire.version == record.version else {
        throw problem(.bvQuestionnaireIdentity, record.contentHash.prefix(12), questionnaire.id, questionnaire.version, record.id, record.version)
      }
      parsed[record.contentHash] = questionnaire
    }
    return parsed
  }

  static func checkRounds(_ records: [BundleRound], questionnaires: [String: Questionnaire]) throws -> [String: BundleRound] {
    var rounds: [String: BundleRound] = [:]
    for round in records {
      guard !round.name.trimmingWhitespace.isEmpty else { throw problem(.bvRoundNoName) }
      if BundleRound.nameProblem(round.name) != nil {
        let shown = TerminalText.visible(String(round.name.prefix(BundleRound.maxNameLength)))
        if round.name.count > BundleRound.maxNameLength {
          throw problem(.bvRoundNameLong, shown, BundleRound.maxNameLength, round.name.count)
        }
        throw problem(.bvRoundNameControl, shown)
      }
      guard rounds[round.name] == nil else { throw problem(.bvRoundTwice, round.name) }
      guard questionnaires[round.questionnaireHash] != nil else {
        throw problem(.bvRoundQuestionnaireMissing, round.name, round.questionnaireHash.prefix(12))
      }
      guard BundleTime.isDay(round.startsOn), BundleTime.isDay(round.endsOn) else {
        throw problem(.bvRoundDays, round.name)
      }
      guard round.minGroupSize >= 5, round.retentionDays >= 1, ["open", "closed"].contains(round.status) else {
        throw problem(.bvRoundSettings, round.name)
      }
      rounds[round.name] = round
    }
    return rounds
  }

  static func checkResponse(_ response: BundleResponse, round: BundleRound, questionnaire: Questionnaire, opened: Bool) throws {
    let id = response.id
    guard isResponseID(id) else { throw problem(.bvNotResponseID, id) }
    guard response.status == "completed" else {
      throw problem(.bvNotCompleted, id, response.status)
    }
    guard response.questionnaireHash == round.questionnaireHash, response.questionnaireID == questionnaire.id,
          response.questionnaireVersion == questionnaire.version
    else {
      throw problem(.bvOtherQuestionnaire, id, round.name)
    }
    guard !response.deviceID.isEmpty else { throw problem(.bvNoDevice, id) }
    for (sentence, value) in [(UIString.bvDeviceTooLong, response.deviceID), (.bvVolunteerTooLong, response.volunteerCode),
                              (.bvAreaTooLong, response.areaCode ?? ""), (.bvLanguageTooLong, response.language)]
      where value.count > maxCodeLength || !TerminalText.isPrintable(value) {
      throw problem(sentence, id, maxCodeLength)
    }
    if let status = response.languageStatus, !["built-in", "concept", "checked"].contains(status) {
      throw problem(.bvLanguageStatus, id, TerminalText.visible(status))
    }
    guard questionnaire.languages.contains(Language(response.language)) else {
      throw problem(.bvLanguageNotOffered, id, response.language)
    }
    if let area = response.areaCode, area.isEmpty { throw problem(.bvEmptyArea, id) }
    guard BundleTime.isTimestamp(response.startedAt), BundleTime.isTimestamp(response.completedAt) else {
      throw problem(.bvTimes, id)
    }
    if let code = response.receiptCode, ReceiptCode.normalize(code) != code {
      throw problem(.bvReceiptForm, id, code)
    }
    if response.receiptLocator != nil || response.receiptSalt != nil || response.receiptHash != nil {
      guard let locator = response.receiptLocator, locator.count == 4, locator.allSatisfy({ ReceiptCode.alphabet.contains($0) }),
            let salt = response.receiptSalt.flatMap({ Data(base64Encoded: $0) }), salt.count == 16,
            let hash = response.receiptHash.flatMap({ Data(base64Encoded: $0) }), hash.count == 32, response.receiptCode == nil
      else {
        throw problem(.bvReceiptParts, id)
      }
    }
    if let sealed = response.sealed {
      try checkSealed(response, sealed: sealed, round: round)
      return
    }
    guard round.sealPublicKey == nil || opened else {
      throw problem(.bvReadableInSealed, id, round.name)
    }
    let statements = questionnaire.allItems.count
    guard response.packedAnswers.count == statements else {
      throw problem(.bvAnswerCount, id, response.packedAnswers.count, questionnaire.id, statements)
    }
    if let wrong = response.packedAnswers.first(where: { !answerCharacters.contains($0) }) {
      throw problem(.bvAnswerCharacter, id, wrong)
    }
    try checkDemographics(response, questionnaire: questionnaire)
    guard scoresMatch(response, questionnaire: questionnaire) else {
      throw problem(.bvScores, id)
    }
    var prompts = Set<String>()
    let known = Set(questionnaire.reflection.map(\.id))
    for reflection in response.reflections {
      guard known.contains(reflection.promptID) || isConversationID(reflection.promptID),
            prompts.insert(reflection.promptID).inserted else {
        throw problem(.bvReflectionUnknown, id, reflection.promptID)
      }
      guard reflection.text.count <= maxReflectionLength else {
        throw problem(.bvReflectionLong, id, reflection.text.count, reflection.promptID, maxReflectionLength)
      }
      guard TerminalText.isPrintable(reflection.text.replacingOccurrences(of: "\n", with: " ")) else {
        throw problem(.bvReflectionControl, id, reflection.promptID)
      }
      guard !reflection.text.isEmpty, reviewStatuses.contains(reflection.reviewStatus) else {
        throw problem(.bvReflectionEmpty, id, reflection.promptID)
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
      throw problem(.bvSealedNotSealedRound, id, round.name)
    }
    guard response.packedAnswers.isEmpty, response.packedDemographics.isEmpty, response.scores.isEmpty,
          response.reflections.isEmpty
    else {
      throw problem(.bvSealedClear, id)
    }
    guard let bytes = Data(base64Encoded: sealed), bytes.count > 48 else {
      throw problem(.bvSealedForm, id)
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
        throw problem(.bvDemographics, response.id, pair)
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

  static func problem(_ sentence: UIString, _ arguments: CustomStringConvertible...) -> BundleProblem {
    BundleProblem(LocalizedMessage(sentence, arguments: arguments))
  }
}
