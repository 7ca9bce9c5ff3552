/// Type-ahead search over area names, local names (aliases) and codes, for picking a resident's area.
public struct AreaSearch: Sendable {
  /// One hit: the area, the name that matched, and the area's parent for context.
  public struct Match: Hashable, Sendable {
    public var area: Area
    /// The name the query matched: the area's name or one of its aliases.
    public var matchedName: String
    public var parentName: String?
  }

  private struct Entry: Sendable {
    var area: Area
    var name: String
    var folded: String
    var isAlias: Bool
    /// The lower-case codes of the area and of every area above it, for a code prefix to find descendants.
    var lineage: [String]
  }

  private let entries: [Entry]
  private let names: [String: String]

  /// Builds the index; gemeenten are left out, because a resident lives in a smaller area.
  public init(areas: [Area]) {
    let parents = Dictionary(areas.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { first, _ in first })
    var entries: [Entry] = []
    for area in areas where area.level != .gemeente {
      // Up the parent chain, stopping at a loop or after as many steps as there are areas.
      var lineage = [area.code.lowercased()]
      var current = area.parentCode
      while let code = current, lineage.count <= areas.count, !lineage.contains(code.lowercased()) {
        lineage.append(code.lowercased())
        current = parents[code] ?? nil
      }
      entries.append(Entry(area: area, name: area.name, folded: Self.fold(area.name), isAlias: false, lineage: lineage))
      for alias in area.aliases {
        entries.append(Entry(area: area, name: alias, folded: Self.fold(alias), isAlias: true, lineage: lineage))
      }
    }
    self.entries = entries
    self.names = Dictionary(areas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
  }

  /// The best matches for `query`, at most `limit` (every match by default): exact names first, then codes and names starting with it, then names
  /// with a word starting with it, then names containing it; codes match from their start, and a code
  /// prefix lists every area under it too ("WK0014" gives the wijken and their buurten, "GM0014" all of the
  /// gemeente), in code order, each once by its own name. Case and accents are ignored ("beyum" does not
  /// match, "Beij" and "beij" do).
  public func matches(_ query: String, limit: Int = .max) -> [Match] {
    let folded = Self.fold(query)
    guard !folded.isEmpty else { return [] }
    var ranked: [(rank: Int, entry: Entry)] = []
    for entry in entries {
      // An area's own name ranks above an alias that matches the same way.
      let kind: Int
      if entry.folded == folded {
        kind = 0
      } else if !entry.isAlias, entry.lineage.contains(where: { Self.isCode($0, under: folded) }) {
        kind = 1
      } else if entry.folded.hasPrefix(folded) {
        kind = 2
      } else if entry.folded.split(whereSeparator: { $0 == " " || $0 == "-" }).contains(where: { $0.hasPrefix(folded) }) {
        kind = 3
      } else if entry.folded.contains(folded) {
        kind = 4
      } else {
        continue
      }
      let rank = kind * 2 + (entry.isAlias ? 1 : 0)
      ranked.append((rank, entry))
    }
    ranked.sort { lhs, rhs in
      if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
      if lhs.rank == 2 { return Self.codeOrder(lhs.entry.area.code) < Self.codeOrder(rhs.entry.area.code) }
      if lhs.entry.area.level != rhs.entry.area.level { return lhs.entry.area.level > rhs.entry.area.level }
      return lhs.entry.name < rhs.entry.name
    }
    var seen = Set<String>()
    var result: [Match] = []
    for (_, entry) in ranked where seen.insert(entry.area.code + "|" + entry.name).inserted {
      result.append(Match(area: entry.area, matchedName: entry.name, parentName: entry.area.parentCode.flatMap { names[$0] }))
      if result.count == limit { break }
    }
    return result
  }

  /// Whether a lower-case `code` starts with the code prefix `query`, or lies under it by the CBS
  /// numbering: "bu00141101" lies under "wk0014" and "gm0014" (a buurt's digits extend its wijk's, a
  /// wijk's its gemeente's).
  static func isCode(_ code: String, under query: String) -> Bool {
    if code.hasPrefix(query) { return true }
    let levels = ["gm", "wk", "bu"]
    guard query.count > 2, let queryLevel = levels.firstIndex(of: String(query.prefix(2))),
          let codeLevel = levels.firstIndex(of: String(code.prefix(2))), codeLevel > queryLevel else { return false }
    let digits = query.dropFirst(2)
    return digits.allSatisfy(\.isNumber) && code.dropFirst(2).hasPrefix(digits)
  }

  /// CBS codes in tree order: by their digits, a wijk before its buurten; other codes after, by code.
  static func codeOrder(_ code: String) -> (String, Int, String) {
    let levels = ["GM", "WK", "BU"]
    let prefix = String(code.prefix(2)).uppercased()
    guard let level = levels.firstIndex(of: prefix) else { return ("~", 0, code) }
    return (String(code.dropFirst(2)), level, code)
  }

  /// Lower case without diacritics, so "Oosterparkwijk" and "oosterpärkwijk" compare equal.
  static func fold(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.compactMap { scalar -> Character? in
      switch scalar {
      case "à", "á", "â", "ä", "ã", "å": return "a"
      case "è", "é", "ê", "ë": return "e"
      case "ì", "í", "î", "ï": return "i"
      case "ò", "ó", "ô", "ö", "õ": return "o"
      case "ù", "ú", "û", "ü": return "u"
      case "ç": return "c"
      case "ñ": return "n"
      case "ÿ", "ý": return "y"
      default: return Character(scalar)
      }
    }).trimmingWhitespace
  }
}
