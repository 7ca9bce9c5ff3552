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
