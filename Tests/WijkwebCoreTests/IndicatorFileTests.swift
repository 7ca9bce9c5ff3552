import Testing
@testable import WijkwebCore

/// Monitor indicators: read from CSV with every problem by line, shown per dimension beside the gemeente.
@Suite struct IndicatorFileTests {
  static let header = "area_code,indicator_id,label_nl,label_en,value,unit,year,source,dimension,higher_is_better\n"
  static let known: Set<String> = ["GM", "WK1", "WK2"]

  @Test func aGoodFileIsRead() throws {
    let text = Self.header + "WK1,eenzaam,Ernstig eenzaam,Severely lonely,\"12,5\",%,2022,GGD Monitor,mentaal_welbevinden,nee\n"
      + "GM,eenzaam,Ernstig eenzaam,Severely lonely,10.1,%,2022,GGD Monitor,mentaal_welbevinden,0\n"
    let indicators = try IndicatorFile.parse(text, source: "i.csv", known: Self.known)
    #expect(indicators.count == 2)
    #expect(indicators[0].value == 12.5 && indicators[0].dimension == .mentaalWelbevinden && !indicators[0].higherIsBetter)
    #expect(indicators[0].label.text(.english) == "Severely lonely")
  }

  @Test func everyBadLineIsNamedAndNothingIsRead() {
    let text = Self.header
      + "WK9,a,A,A,1,%,2022,CBS,meedoen,1\n"              // 2: unknown code
      + "WK1,b,B,B,veel,%,2022,CBS,meedoen,1\n"           // 3: not a number
      + "WK1,c,C,C,1,%,1850,CBS,meedoen,1\n"              // 4: year
      + "WK1,d,D,D,1,%,2022,CBS,gezondheid,1\n"           // 5: dimension
      + "WK1,e,\u{1B}[2JE,E,1,%,2022,CBS,meedoen,1\n"      // 6: control character
      + "WK1,f,F,F,1,%,2022,CBS,meedoen,misschien\n"      // 7: higher_is_better
      + "WK1,g,G,G,1,%,2022,CBS,meedoen,1\n"              // 8: fine
      + "WK1,g,G,G,2,%,2022,CBS,meedoen,1\n"              // 9: twice
      + "WK1,h,\(String(repeating: "x", count: 300)),H,1,%,2022,CBS,meedoen,1\n" // 10: too long
      + "WK1,nan,N,N,nan,%,2022,CBS,meedoen,1\n"          // 11: not finite
    do {
      _ = try IndicatorFile.parse(text, source: "i.csv", known: Self.known)
      Issue.record("expected problems")
    } catch let error as FileProblems {
      #expect(error.problems.map(\.line) == [2, 3, 4, 5, 6, 7, 9, 10, 11])
      #expect(!error.problems.contains { $0.message.contains("\u{1B}") })
    } catch {
      Issue.record("unexpected \(error)")
    }
    #expect(throws: FileProblems.self) { try IndicatorFile.parse("area_code,value\n", source: "i.csv", known: Self.known) }
    #expect(throws: FileProblems.self) {
      try IndicatorFile.parse(Self.header + String(repeating: "x", count: IndicatorFile.maximumFileBytes), source: "i.csv", known: Self.known)
    }
  }

  @Test func upToThreePerDimensionBesideTheGemeentesValueOfTheSameYear() {
    let tree = AreaTree(areas: [Area(code: "GM", level: .gemeente, name: "G", parentCode: nil),
                                Area(code: "WK1", level: .wijk, name: "W", parentCode: "GM")])
    func indicator(_ area: String, _ id: String, _ value: Double, _ year: Int, _ dimension: Dimension = .meedoen) -> Indicator {
      Indicator(areaCode: area, id: id, label: LocalizedText([.dutch: id]), value: value, unit: "%", year: year, source: "CBS",
                dimension: dimension, higherIsBetter: true)
    }
    let all = [indicator("WK1", "a", 1, 2020), indicator("WK1", "a", 2, 2022), indicator("GM", "a", 5, 2022), indicator("GM", "a", 4, 2020),
               indicator("WK1", "b", 1, 2022), indicator("WK1", "c", 1, 2022), indicator("WK1", "d", 1, 2022),
               indicator("WK1", "z", 1, 2022, .zingeving)]
    let beside = IndicatorBeside.forArea(tree.areas[1], tree: tree, indicators: all)
    #expect(beside[.meedoen]?.map(\.indicator.id) == ["a", "b", "c"])
    #expect(beside[.meedoen]?.first?.indicator.value == 2 && beside[.meedoen]?.first?.gemeente == 5, "the latest year, the gemeente's of that year")
    #expect(beside[.meedoen]?[1].gemeente == nil)
    #expect(beside[.zingeving]?.count == 1)
  }
}
