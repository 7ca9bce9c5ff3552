import Foundation
import Testing
@testable import WijkwebCore

/// Areas carry a kind (stadswijk, dorp, kern, ...) from the area file; old files without the column load.
@Suite struct AreaKindTests {
  static func shipped(_ name: String) throws -> [Area] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Areas/\(name).csv")
    return try AreaFile.parse(try String(contentsOf: url, encoding: .utf8), source: name)
  }

  @Test func theKindColumnIsReadAndAnOldFileStillLoads() throws {
    let text = "level,code,name,parent_code,aliases,kind\ngemeente,GM1,Stad,,,\ngebied,KN1,Oord,GM1,,kern\nwijk,WK1,Oord,KN1,,DORP\nwijk,WK2,Noord,GM1,,\n"
    let areas = try AreaFile.parse(text, source: "a.csv")
    #expect(areas.map(\.kind) == [nil, .kern, .dorp, nil])
    let old = try AreaFile.parse("level,code,name,parent_code,aliases\ngemeente,GM1,Stad,,\nwijk,WK1,Noord,GM1,\n", source: "b.csv")
    #expect(old.allSatisfy { $0.kind == nil })
  }

  @Test func anUnknownOrHostileKindIsRefusedByLine() {
    let text = "level,code,name,parent_code,kind\ngemeente,GM1,Stad,,\nwijk,WK1,Noord,GM1,gehucht\nwijk,WK2,Zuid,GM1,\u{1B}[31mdorp\n"
    do {
      _ = try AreaFile.parse(text, source: "a.csv")
      Issue.record("expected problems")
    } catch let error as FileProblems {
      #expect(error.problems.contains { $0.line == 3 && $0.message.contains("Unknown kind \"gehucht\"") })
      let hostile = error.problems.first { $0.line == 4 }
      #expect(hostile != nil)
      #expect(hostile?.message.contains("\u{1B}") == false, "the escape is shown, not sent to the terminal")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func anAreaWithoutAKindTakesItsNearestAncestorsButNotAKern() {
    let tree = AreaTree(areas: [
      Area(code: "GM", level: .gemeente, name: "G", parentCode: nil),
      Area(code: "KN", level: .gebied, name: "Oord", parentCode: "GM", kind: .kern),
      Area(code: "WK1", level: .wijk, name: "Oord", parentCode: "KN", kind: .dorp),
      Area(code: "WK2", level: .wijk, name: "Oord-Noord", parentCode: "KN"),
      Area(code: "BU1", level: .buurt, name: "Hoek", parentCode: "WK1"),
    ])
    func kind(_ code: String) -> AreaKind? { tree.index[code].flatMap { tree.comparableKind(of: $0) } }
    #expect(kind("BU1") == .dorp)
    #expect(kind("WK1") == .dorp)
    #expect(kind("WK2") == nil, "a kern is a grouping, not a kind to compare by")
    #expect(kind("GM") == nil)
  }

  @Test func theShippedListsGiveVillagesAndKernenTheirKind() throws {
    let vhl = try Self.shipped("vijfheerenlanden")
    func area(_ code: String) -> Area? { vhl.first { $0.code == code } }
    let kernen = vhl.filter { $0.kind == .kern }.map(\.name)
    for name in ["Vianen", "Leerdam", "Meerkerk", "Ameide", "Lexmond", "Everdingen", "Hagestein", "Zijderveld", "Kedichem",
                 "Oosterwijk", "Schoonrewoerd", "Tienhoven aan de Lek", "Nieuwland", "Hei- en Boeicop", "Leerbroek"] {
      #expect(kernen.contains(name), "\(name) is a kern")
    }
    #expect(area("WK196121")?.kind == .stadswijk && area("WK196121")?.parentCode == vhl.first { $0.name == "Vianen" && $0.kind == .kern }?.code)
    #expect(area("WK196103")?.kind == .dorp)
    #expect(area("WK196104")?.kind == .buitengebied)
    #expect(vhl.filter { $0.level == .wijk }.count == 39, "every CBS wijk of 2023 is still there")
    let groningen = try Self.shipped("groningen")
    #expect(groningen.first { $0.code == "WK001419" }?.kind == .dorp)
    #expect(groningen.first { $0.code == "WK001400" }?.kind == .stadswijk)
  }
}
