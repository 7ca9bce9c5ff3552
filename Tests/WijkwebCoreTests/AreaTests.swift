import Testing
@testable import WijkwebCore

@Suite struct AreaTests {
  @Test func searchFindsNamesAliasesAndCodesIgnoringCaseAndAccents() {
    let search = AreaSearch(areas: Fixtures.areas)
    #expect(search.matches("beij").first?.area.code == "GB001405")
    #expect(search.matches("beij").first?.matchedName == "Beijum")
    #expect(search.matches("OOSTERPÄRK").first?.area.code == "WK001404")
    #expect(search.matches("wk0014").map(\.area.code).sorted() == ["WK001404", "WK001411"])
    #expect(search.matches("groningen").isEmpty, "a gemeente is not a place to live")
    #expect(search.matches("").isEmpty)
    #expect(search.matches("oost").first?.area.name == "Oost", "a name starting with the query comes first")
  }

  /// A CBS code prefix lists every area under it (its descendants), each once, a wijk before its buurten.
  @Test func codePrefixListsEveryAreaUnderIt() {
    let search = AreaSearch(areas: Fixtures.areas + [
      Area(code: "BU00141101", level: .buurt, name: "Beijum-West", parentCode: "WK001411"),
      Area(code: "BU00140401", level: .buurt, name: "Oosterpark", parentCode: "WK001404"),
      Area(code: "BU00140402", level: .buurt, name: "Florakwartier", parentCode: nil),
      Area(code: "GM0015", level: .gemeente, name: "Elders", parentCode: nil),
      Area(code: "WK001501", level: .wijk, name: "Ergens", parentCode: "GM0015"),
    ])
    #expect(search.matches("WK0014").map(\.area.code) == ["WK001404", "BU00140401", "BU00140402", "WK001411", "BU00141101"])
    #expect(search.matches("wk001411").map(\.area.code) == ["WK001411", "BU00141101"])
    #expect(search.matches("GM0014").map(\.area.code) == ["WK001404", "BU00140401", "BU00140402", "WK001411", "BU00141101", "GB001405"],
            "the gebied by its parent, the rest by their codes; not the other gemeente's wijk")
    #expect(search.matches("gb001405").map(\.area.code) == ["GB001405", "WK001404", "BU00140401", "WK001411", "BU00141101"].sorted {
      AreaSearch.codeOrder($0) < AreaSearch.codeOrder($1)
    }, "a gebied's code lists its wijken and their buurten, each once")
  }

  @Test func areaFileLoadsAHierarchy() throws {
    let text = "level,code,name,parent_code,aliases\ngemeente,GM1,Stad,,\nwijk,WK1,Noord,GM1,Buurtje;Dorp\n"
    let areas = try AreaFile.parse(text, source: "a.csv")
    #expect(areas.count == 2)
    #expect(areas[1].aliases == ["Buurtje", "Dorp"])
  }

  @Test func areaFileReportsEveryProblemWithItsLine() {
    let text = """
      level,code,name,parent_code
      gemeente,GM1,Stad,
      wijk,WK1,Noord,GM9
      wijk,WK1,Zuid,GM1
      straat,S1,Dorpsstraat,WK1
      buurt,BU1,Hoek,BU2
      buurt,BU2,Kant,BU1
      """
    do {
      _ = try AreaFile.parse(text, source: "a.csv")
      Issue.record("expected problems")
    } catch let error as FileProblems {
      let byLine = Dictionary(grouping: error.problems, by: { $0.line ?? 0 })
      #expect(byLine[3]?.contains { $0.message.contains("parent GM9 of WK1 is not in the file") } == true)
      #expect(byLine[4]?.contains { $0.message.contains("WK1 is used twice (first on line 3)") } == true)
      #expect(byLine[5]?.contains { $0.message.contains("Unknown level \"straat\"") } == true)
      #expect(error.problems.contains { $0.message.contains("its own ancestor") || $0.message.contains("must be a larger area") })
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
