import WijkwebCore

/// The dimension columns of a dashboard table: full names (over at most two header lines) whenever they
/// fit in the room, else abbreviations and a legend that names each abbreviation in full.
struct DimensionColumns: Equatable {
  /// Cells per column.
  var width: Int
  /// The header lines, each `names.count * width` cells, names right-aligned over their numbers.
  var header: [String]
  /// "Abbr. = Full name, ..." when abbreviated; nil when every name is shown in full.
  var legend: String?

  /// Narrowest column of a table; the width of an abbreviation plus its gap.
  static let narrowWidth = 8

  init(names: [String], room: Int) {
    let splits = names.map(Self.twoLines)
    let full = max(Self.narrowWidth, (splits.map { max($0.0.count, $0.1.count) }.max() ?? 0) + 1)
    if full * names.count <= room {
      width = full
      let twoLines = splits.contains { !$0.0.isEmpty }
      let top = splits.map { $0.0.leftPadded(full) }.joined()
      let bottom = splits.map { $0.1.leftPadded(full) }.joined()
      header = twoLines ? [top, bottom] : [bottom]
      legend = nil
    } else {
      width = Self.narrowWidth
      header = [names.map { Self.abbreviation($0, width: Self.narrowWidth - 1).leftPadded(Self.narrowWidth) }.joined()]
      legend = Self.legend(names, width: Self.narrowWidth - 1)
    }
  }

  /// A name in at most `width` characters: itself, its first word, or its first letters and a full stop.
  static func abbreviation(_ name: String, width: Int) -> String {
    if name.count <= width { return name }
    if let first = name.split(separator: " ").first, first.count <= width { return String(first) }
    return String(name.prefix(max(1, width - 1))) + "."
  }

  /// "Abbr. = Full name, ..." for every name longer than `width`; nil when there is none.
  static func legend(_ names: [String], width: Int) -> String? {
    let entries = names.filter { $0.count > width }.map { "\(abbreviation($0, width: width)) = \($0)" }
    return entries.isEmpty ? nil : entries.joined(separator: ", ")
  }

  /// A name split at the space that makes its longer line shortest: ("", name) when it is one word.
  static func twoLines(_ name: String) -> (String, String) {
    let words = name.split(separator: " ").map(String.init)
    guard words.count > 1 else { return ("", name) }
    var best = ("", name)
    for cut in 1 ..< words.count {
      let candidate = (words[..<cut].joined(separator: " "), words[cut...].joined(separator: " "))
      if max(candidate.0.count, candidate.1.count) < max(best.0.count, best.1.count) { best = candidate }
    }
    return best
  }
}
