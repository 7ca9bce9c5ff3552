import Testing
@testable import WijkwebReports

@Suite struct NumberFormatTests {
  @Test func dutchUsesADecimalCommaAndMachineAPoint() {
    #expect(NumberFormat.dutch(6.449) == "6,4")
    #expect(NumberFormat.dutch(6.45, decimals: 2) == "6,45")
    #expect(NumberFormat.machine(-0.04, decimals: 1) == "0.0")
    #expect(NumberFormat.machine(-1.25, decimals: 2) == "-1.25")
    #expect(NumberFormat.machine(10, decimals: 3) == "10.000")
    #expect(NumberFormat.machine(.nan, decimals: 2) == "")
    #expect(NumberFormat.percent(0.234) == "23%")
  }
}
