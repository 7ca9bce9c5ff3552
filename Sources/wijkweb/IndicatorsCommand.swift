import ArgumentParser
import Foundation
import WijkwebCore
import WijkwebFiles
import WijkwebReports
import WijkwebStore

/// `wijkweb indicators`: monitor figures per area from public sources, shown beside the web.
struct IndicatorsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "indicators", abstract: "Monitor figures per area (wijkkompas, CBS, GGD, ...) beside the web: import, list, export.",
    subcommands: [Import.self, List.self, Export.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read indicators from CSV: area_code, indicator_id, label_nl, label_en, value, unit, year, source, dimension, higher_is_better.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
    @Argument(help: "The CSV file.") var file: String

    func run() throws {
      let text = try DataFiles.read(file, limit: IndicatorFile.maximumFileBytes, what: "indicator file")
      let store = try AppSetup.openStore(database)
      let indicators: [Indicator]
      do {
        indicators = try IndicatorFile.parse(text, source: file, known: Set(try store.areas().map(\.code)))
      } catch let problems as FileProblems {
        throw Failure(.errIndicatorsNotImported, detail: "\(problems)")
      }
      try store.importIndicators(indicators, source: URL(fileURLWithPath: file).lastPathComponent, actor: "coordinator")
      let areas = Set(indicators.map(\.areaCode)).count
      UIString.cmdIndicatorsImported.say(messages.language, indicators.count, areas)
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The indicators per area, or of one area beside its gemeente.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only this area, with up to three indicators per dimension beside the gemeente's value.") var area: String?
    @Option(help: "nl or en.") var language: String = "nl"

    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      let all = try store.indicators()
      let lang = Language(language)
      guard let area else {
        for indicator in all {
          print(TerminalText.visible([indicator.areaCode, indicator.id, String(indicator.year), NumberFormat.machine(indicator.value, decimals: 2),
                                      indicator.unit, indicator.dimension.key, indicator.source].joined(separator: "\t")))
        }
        return
      }
      let tree = AreaTree(areas: try store.areas())
      guard let index = tree.index[area] else { throw Failure(.errNoArea, area) }
      let beside = IndicatorBeside.forArea(tree.areas[index], tree: tree, indicators: all)
      for dimension in Dimension.allCases {
        for line in beside[dimension] ?? [] {
          print(TerminalText.visible(dimension.key + "\t" + IndicatorText.line(line, language: lang)))
        }
      }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every stored indicator as its own CSV file, for spreadsheets.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
    @Option(help: "The file to write.") var out: String
    @Flag(help: "Replace an existing file.") var force = false

    func run() throws {
      let store = try AppSetup.openStore(database, existing: true)
      try AtomicFile.write(IndicatorText.csv(try store.indicators()), to: out, force: force)
      UIString.cmdIndicatorsWritten.say(messages.language, out)
    }
  }
}
