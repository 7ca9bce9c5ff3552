import Foundation
import Testing
@testable import WijkwebCore
import WijkwebCrypto

/// The bundle file format and the checks of its records, without a database.
@Suite struct BundleFormatTests {
  static func contents() throws -> (BundleContents, Questionnaire) {
    let questionnaire = try Fixtures.questionnaire()
    let packed = String(repeating: "7", count: questionnaire.allItems.count - 1) + "-"
    let response = BundleResponse(
      id: "0b7e3d2a-1111-4222-8333-444455556666", round: "Najaar 2026", questionnaireID: questionnaire.id,
      questionnaireVersion: questionnaire.version, questionnaireHash: questionnaire.contentHash, deviceID: "laptop-1",
      volunteerCode: "V1", language: "nl", areaCode: "WK001411", startedAt: "2026-11-23T10:00:00Z",
      completedAt: "2026-11-23T10:20:00Z", receiptCode: "ABCD-EFGH", packedAnswers: packed, packedDemographics: "age=25+",
      scores: BundleValidator.partScores(packed: packed, questionnaire: questionnaire),
      reflections: [BundleReflection(promptID: "matters", text: "De buren, \"echt\" waar\nen de tuin")])
    let contents = BundleContents(
      deviceID: "laptop-1", createdAt: "2026-11-23T12:00:00Z",
      questionnaires: [BundleQuestionnaire(contentHash: questionnaire.contentHash, id: questionnaire.id, version: questionnaire.version,
                                           source: Fixtures.yaml)],
      rounds: [BundleRound(name: "Najaar 2026", questionnaireHash: questionnaire.contentHash, areaSet: "GM0014", startsOn: "2026-09-01",
                           endsOn: "2026-12-31", minGroupSize: 10, retentionDays: 730, status: "open")],
      responses: [response],
      tombstones: [BundleTombstone(responseID: "99999999-1111-4222-8333-444455556666", withdrawnAt: "2026-11-22T09:00:00Z",
                                   deviceID: "laptop-2")])
    return (contents, questionnaire)
  }

  @Test func aBundleReadsBackAsItWasWritten() throws {
    let (contents, _) = try Self.contents()
    let bytes = try BundleFormat.encode(contents)
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n")
    #expect(lines.first == "WIJKWEB-BUNDLE 1")
    #expect(lines.last?.hasPrefix("WIJKWEB-BUNDLE-END ") == true)
    #expect(lines.count == 2 + 4 + 1, "magic, manifest, one record of each kind, end line: newlines in text are escaped")
    #expect(lines[1].contains("\"device_id\":\"laptop-1\"") && lines[1].contains("\"responses\":1"))
    #expect(try BundleFormat.decode(bytes) == contents)
    let checked = try BundleValidator.check(try BundleFormat.decode(bytes))
    #expect(checked.questionnaires.keys.sorted() == [contents.questionnaires[0].contentHash])
    #expect(try BundleFormat.encode(contents) == bytes, "the same contents give the same bytes")
  }

  @Test func recordsThatDoNotMatchTheManifestAreRefusedEvenWithARecomputedEndLine() throws {
    let (contents, _) = try Self.contents()
    let bytes = try BundleFormat.encode(contents)
    var text = String(decoding: bytes, as: UTF8.self)
    text = text.replacingOccurrences(of: "\"volunteer_code\":\"V1\"", with: "\"volunteer_code\":\"V2\"")
    var body = Array(text.utf8)
    let endStart = (body.dropLast().lastIndex(of: UInt8(ascii: "\n")) ?? 0) + 1
    body = Array(body[0 ..< endStart])
    let forged = body + Array("WIJKWEB-BUNDLE-END \(SHA256.hex(of: body))\n".utf8)
    #expect(throws: BundleProblem.self) { try BundleFormat.decode(forged) }
  }

  @Test func otherFilesAreRefusedWithAPlainMessage() throws {
    for (bytes, words) in [
      ([UInt8](), "is empty"), (Array("hello\n".utf8), "not a Wijkweb bundle"), (Array("WIJKWEB-BUNDLE 7\n".utf8), "another format"),
      (Array("WIJKWEB-SEALED 1\nxx".utf8), "encrypted"), (Array("WIJKWEB-BUNDLE 1\n{}\n".utf8), "its end line is missing"),
    ] {
      do {
        _ = try BundleFormat.decode(bytes)
        Issue.record("accepted \(bytes)")
      } catch let problem as BundleProblem {
        #expect(problem.message.contains(words), "\(problem.message)")
      }
    }
  }

  @Test func theValidatorRefusesRecordsThatDoNotFitTheirQuestionnaire() throws {
    let (contents, questionnaire) = try Self.contents()
    let changes: [(String, (inout BundleContents) -> Void)] = [
      ("not completed", { $0.responses[0].status = "in_progress" }),
      ("do not follow from its answers", { $0.responses[0].scores["health"] = [1, 1, 1, 1, 1, 1] }),
      ("answers", { $0.responses[0].packedAnswers = "7" }),
      ("among its answers", { $0.responses[0].packedAnswers = String(repeating: "Q", count: questionnaire.allItems.count) }),
      ("about the resident", { $0.responses[0].packedDemographics = "age=99" }),
      ("does not define", { $0.responses[0].round = "Voorjaar" }),
      ("not a response id", { $0.responses[0].id = "R1" }),
      ("receipt code", { $0.responses[0].receiptCode = "abcd-efgh" }),
      ("does not ask", { $0.responses[0].reflections[0].promptID = "other" }),
      ("review status", { $0.responses[0].reflections[0].reviewStatus = "maybe" }),
      ("does not match its hash", { $0.questionnaires[0].source += "\n# changed" }),
      ("appears twice", { $0.tombstones.append($0.tombstones[0]) }),
      ("full time", { $0.tombstones[0].withdrawnAt = "gisteren" }),
      ("minimum group", { $0.rounds[0].minGroupSize = 2 }),
    ]
    for (words, change) in changes {
      var changed = contents
      change(&changed)
      do {
        _ = try BundleValidator.check(changed)
        Issue.record("accepted a bundle where \(words)")
      } catch let problem as BundleProblem {
        #expect(problem.message.contains(words), "\(problem.message)")
      }
    }
  }

  @Test func sameContentIgnoresReviewButNotAnswers() throws {
    let (contents, _) = try Self.contents()
    let response = contents.responses[0]
    var reviewed = response
    reviewed.reflections[0].reviewStatus = "publishable"
    reviewed.reflections[0].redactedText = "De buren"
    #expect(response.sameContent(as: reviewed))
    var other = response
    other.packedAnswers = String(other.packedAnswers.dropLast()) + "8"
    #expect(!response.sameContent(as: other))
    var retold = response
    retold.reflections[0].text = "iets anders"
    #expect(!response.sameContent(as: retold))
  }
}
