import Testing
@testable import WijkwebCore

/// Failures carried as a `LocalizedMessage` keep their English text exactly (scripts and tests read it) and
/// have a Dutch one with no English left in it.
struct LocalizedMessageTests {
  @Test func englishTextsStayAsTheyWere() {
    #expect(LocalizedMessage(.errNoRound, "Najaar").text(.english) == "There is no round \"Najaar\"; `wijkweb round list` shows them.")
    #expect(LocalizedMessage(.errFileExists, "uit.csv").text(.english) == "uit.csv already exists; choose another name, or add --force to replace it.")
    #expect(LocalizedMessage(.errNoDatabase, "/tmp/w.sqlite").text(.english)
      == "There is no database at /tmp/w.sqlite; check --db (or $WIJKWEB_DB). Nothing was created.")
    #expect(LocalizedMessage(.errNoFolder, "uit").text(.english)
      == "The folder uit does not exist; create it first (mkdir -p uit) or choose another file name.")
  }

  @Test func dutchTextsNameTheSameThings() {
    #expect(LocalizedMessage(.errNoRound, "Najaar").text(.dutch) == "Er is geen ronde \"Najaar\"; `wijkweb round list` toont ze.")
    #expect(LocalizedMessage(.errFileExists, "uit.csv").text(.dutch).hasPrefix("uit.csv bestaat al"))
    #expect(LocalizedMessage(.errNoFolder, "uit").text(.dutch).contains("mkdir -p uit"))
  }

  @Test func everyErrorAndCommandTextHasDutchAndEnglishWithTheSamePlaceholders() {
    for key in UIString.allCases where key.rawValue.hasPrefix("err") || key.rawValue.hasPrefix("cmd") || key.rawValue.hasPrefix("note") {
      let english = key.text(.english), dutch = key.text(.dutch)
      #expect(english != key.rawValue && dutch != key.rawValue, "\(key) lacks a text")
      for index in 1...12 {
        #expect(english.contains("{\(index)}") == dutch.contains("{\(index)}"), "\(key): {\(index)} differs")
      }
    }
  }
}
