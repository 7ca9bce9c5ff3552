import Foundation
import Testing
import WijkwebCore
@testable import WijkwebReports

/// The resident's take-home web as a file: where it goes, its name, its rights and dates, and what is said
/// when it cannot be written.
@Suite struct TakeHomeTests {
  /// 23 November 2026 at noon UTC: the same day in every time zone from UTC-11 to UTC+11.
  static let noon = Date(timeIntervalSince1970: 1_795_435_200)

  static func scores(_ questionnaire: Questionnaire) -> [DimensionScore] {
    questionnaire.parts.flatMap { part in
      questionnaire.dimensionOrder.map { DimensionScore(partID: part.id, dimension: $0, score: 6.5, answered: 4, total: 4) }
    }
  }

  func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wijkweb-take-home-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func configuredFromTheOptionsElseTheEnvironmentElseNotAtAll() {
    #expect(TakeHome.configured(folder: nil, printer: nil, environment: [:]) == nil)
    #expect(TakeHome.configured(folder: nil, printer: nil, environment: ["WIJKWEB_TAKE_HOME_DIR": ""]) == nil)
    let fromEnvironment = TakeHome.configured(folder: nil, printer: nil,
                                              environment: ["WIJKWEB_TAKE_HOME_DIR": "/srv/webs", "WIJKWEB_PRINTER": "balie"])
    #expect(fromEnvironment?.folder == "/srv/webs" && fromEnvironment?.printer == "balie")
    let fromOptions = TakeHome.configured(folder: "/tmp/x", printer: nil, environment: ["WIJKWEB_TAKE_HOME_DIR": "/srv/webs"])
    #expect(fromOptions?.folder == "/tmp/x" && fromOptions?.printer == nil)
  }

  @Test func theFileNameHoldsTheDayAndRandomLettersOnly() {
    let dutch = TakeHome.fileName(date: Self.noon, language: .dutch)
    #expect(dutch.wholeMatch(of: /mijn-web-2026-11-23-[a-z2-9]{6}\.pdf/) != nil, "\(dutch)")
    #expect(TakeHome.fileName(date: Self.noon, language: .english).hasPrefix("my-web-2026-11-23-"))
    #expect(Set((0 ..< 20).map { _ in TakeHome.fileName(date: Self.noon, language: .dutch) }).count > 1)
    #expect(TakeHome.displayDate(Self.noon, language: .dutch) == "23-11-2026")
    #expect(TakeHome.displayDate(Self.noon, language: .english) == "2026-11-23")
  }

  @Test func writtenOwnerOnlyDatedMidnightIntoTheFolder() throws {
    let questionnaire = try ReportPageTests.questionnaire()
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let takeHome = TakeHome(folder: folder.path, printer: nil, now: { Self.noon })
    let outcome = takeHome.takeHome(scores: Self.scores(questionnaire), questionnaire: questionnaire, language: .dutch)
    guard case .written(let name) = outcome else {
      Issue.record("not written: \(outcome)")
      return
    }
    let path = folder.appendingPathComponent(name).path
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let modified = try #require(attributes[.modificationDate] as? Date)
    #expect(modified == Calendar(identifier: .gregorian).startOfDay(for: Self.noon), "no time of day in the file's dates")
    let content = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(content.starts(with: Data("%PDF-".utf8)))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
  }

  @Test func aMissingOrUnconfiguredFolderIsSaidAndNothingIsWritten() throws {
    let questionnaire = try ReportPageTests.questionnaire()
    let missing = "/nonexistent-wijkweb-folder/webs"
    let outcome = TakeHome(folder: missing, printer: nil).takeHome(scores: Self.scores(questionnaire), questionnaire: questionnaire,
                                                                   language: .english)
    #expect(outcome == .folderUnusable(path: missing))
    let file = try folder().appendingPathComponent("not-a-folder")
    try Data("x".utf8).write(to: file)
    #expect(TakeHome(folder: file.path, printer: nil).takeHome(scores: [], questionnaire: questionnaire, language: .dutch)
            == .folderUnusable(path: file.path))
    #expect(TakeHome(folder: nil, printer: nil).takeHome(scores: [], questionnaire: questionnaire, language: .dutch) == .notConfigured)
  }
}
