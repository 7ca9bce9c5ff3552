import Foundation
import Testing
@testable import WijkwebCore

/// The bundle records of sealed rounds, and the conversation answers a bundle may carry.
@Suite struct SealedBundleRecordTests {
  @Test func conversationAnswersAreKnownReflectionIDs() {
    #expect(BundleValidator.isConversationID(InterviewState.focusID(partID: "health")))
    #expect(BundleValidator.isConversationID(InterviewState.dialogueID(partID: "neighbourhood", dimension: .zingeving, question: 2)))
    #expect(!BundleValidator.isConversationID("dialogue.health.geluk.1"))
    #expect(!BundleValidator.isConversationID("dialogue.health.meedoen.x"))
    #expect(!BundleValidator.isConversationID("focus."))
    #expect(!BundleValidator.isConversationID("notes.health"))
  }

  static let round = BundleRound(name: "R", questionnaireHash: "h", areaSet: "GM0014", startsOn: "2026-01-01", endsOn: "2026-02-01",
                                 minGroupSize: 10, retentionDays: 30, status: "open", sealPublicKey: "a2V5")

  static func sealedResponse() -> BundleResponse {
    BundleResponse(id: "00000000-0000-4000-8000-000000000001", round: "R", questionnaireID: "q", questionnaireVersion: 1,
                   questionnaireHash: "h", deviceID: "d", volunteerCode: "V1", language: "nl", areaCode: "WK001411",
                   startedAt: "2026-01-01T00:00:00Z", completedAt: "2026-01-01T00:10:00Z", receiptCode: "K7MP-3QXA",
                   packedAnswers: "", packedDemographics: "", scores: [:], reflections: [],
                   sealed: Data(repeating: 7, count: 80).base64EncodedString())
  }

  @Test func aSealedResponseCarriesNothingReadableBesidesWhatCountsIt() throws {
    try BundleValidator.checkSealed(Self.sealedResponse(), sealed: Self.sealedResponse().sealed ?? "", round: Self.round)
    var leaky = Self.sealedResponse()
    leaky.packedAnswers = "123"
    #expect(throws: BundleProblem.self) { try BundleValidator.checkSealed(leaky, sealed: leaky.sealed ?? "", round: Self.round) }
    var withText = Self.sealedResponse()
    withText.reflections = [BundleReflection(promptID: "p", text: "open")]
    #expect(throws: BundleProblem.self) { try BundleValidator.checkSealed(withText, sealed: withText.sealed ?? "", round: Self.round) }
    var unsealedRound = Self.round
    unsealedRound.sealPublicKey = nil
    #expect(throws: BundleProblem.self) {
      try BundleValidator.checkSealed(Self.sealedResponse(), sealed: Self.sealedResponse().sealed ?? "", round: unsealedRound)
    }
    #expect(throws: BundleProblem.self) { try BundleValidator.checkSealed(Self.sealedResponse(), sealed: "niet base64!", round: Self.round) }
  }

  @Test func aSealedAndAnOpenedCopyOfOneResponseAreTheSameContent() {
    let sealed = Self.sealedResponse()
    let opened = sealed.unsealed(with: SealedContent(packedAnswers: "5X-", packedDemographics: "age=25-44", scores: ["health": [5, nil]],
                                                     reflections: [BundleReflection(promptID: "p", text: "tekst")]))
    #expect(!opened.isSealed && opened.packedAnswers == "5X-" && opened.reflections.count == 1)
    #expect(sealed.sameContent(as: opened) && opened.sameContent(as: sealed))
    var other = opened
    other.areaCode = "WK001412"
    #expect(!sealed.sameContent(as: other))
  }
}
