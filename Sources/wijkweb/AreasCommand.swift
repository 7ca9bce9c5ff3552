import ArgumentParser
import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebProfiles
import WijkwebStore

/// `wijkweb areas import|list`.
struct AreasCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "areas", abstract: "Areas: import a hierarchy from CSV, list them.", subcommands: [Import.self, List.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import areas from CSV (level,code,name,parent_code[,aliases]); every problem with its line.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
    @Argument(help: "The area file, or a shipped one: groningen, vijfheerenlanden.") var file: String

    func run() throws {
      let store = try AppSetup.openStore(database)
      // A bare name (groningen) is a shipped list; anything with a slash or an extension is the path as typed.
      let shipped = !file.contains("/") && !file.contains(".")
      let path = shipped && !FileManager.default.fileExists(atPath: file)
        ? try DataFiles.folder("Areas").appendingPathComponent(file + ".csv").path : file
      if shipped, !FileManager.default.fileExists(atPath: path) {
        throw Failure("There is no area file \(file) and no shipped list of that name (groningen, vijfheerenlanden).")
      }
      let url = URL(fileURLWithPath: path)
      let text = try DataFiles.read(path, limit: AreaFile.maximumFileBytes, what: "area file")
      let areas: [Area]
      do {
        areas = try AreaFile.parse(text, source: url.path, known: try store.areas())
      } catch let problems as FileProblems {
        print(TerminalText.visible(problems.description, keepingNewlines: true))
        throw Failure("\(url.path): \(problems.problems.count) problem(s); nothing was imported.")
      }
      try store.importAreas(areas)
      let counts = Dictionary(grouping: areas, by: \.level).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
      UIString.cmdAreasImported.say(messages.language, areas.count, url.lastPathComponent, counts.joined(separator: ", "))
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the areas as a tree, with local names.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var messages: MessageLanguage
    func run() throws {
      let store: any ProfileSource = try database.path.map(ConnectionTarget.isURL) == true ? AppSetup.openSource(database) : AppSetup.openStore(database)
      // Dutch when not asked, as this list always spoke.
      let tree = AreaTreeLister(areas: try store.areas(), language: messages.language(defaultingTo: .dutch))
      print(TerminalText.visible(tree.lines().joined(separator: "\n"), keepingNewlines: true))
    }
  }
}

/// Prints areas as an indented tree.
struct AreaTreeLister {
  let areas: [Area]
  var language: Language = .dutch
  func lines() -> [String] {
    let children = Dictionary(grouping: areas, by: { $0.parentCode ?? "" })
    var lines: [String] = []
    func walk(_ parent: String, depth: Int) {
      for area in (children[parent] ?? []).sorted(by: { $0.code < $1.code }) {
        var line = String(repeating: "  ", count: depth) + "\(area.code)  \(area.name)  (\(area.level.rawValue))"
        if !area.aliases.isEmpty { line += UIString.cmdAreasAlso.text(language) + area.aliases.joined(separator: ", ") }
        lines.append(line)
        walk(area.code, depth: depth + 1)
      }
    }
    walk("", depth: 0)
    return lines
  }
}
