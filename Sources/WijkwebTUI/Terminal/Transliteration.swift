import Foundation

/// Text for a terminal without a UTF-8 locale: one ASCII character for each character, so a line keeps
/// its length and its meaning (é -> e, ß -> s, – -> -, € -> E); what has no likeness becomes `?`.
enum Transliteration {
  private static let table: [Character: Character] = [
    "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "œ": "o", "Œ": "O",
    "ĳ": "y", "Ĳ": "Y", "–": "-", "—": "-", "‐": "-", "−": "-", "‘": "'", "’": "'", "‚": ",", "“": "\"", "”": "\"", "„": "\"",
    "«": "\"", "»": "\"", "…": ".", "•": "*", "·": ".", "€": "E", "×": "x", "÷": "/", "°": "o", "\u{00A0}": " ",
    "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
    "█": "#", "▌": "#", "▐": "#", "░": ".", "▒": ":", "▓": "#", "←": "<", "→": ">", "↑": "^", "↓": "v", "✓": "v",
  ]

  /// One ASCII character per character of `text`.
  static func ascii(_ text: String) -> String {
    String(text.map { character -> Character in
      if character.isASCII { return character }
      if let mapped = table[character] { return mapped }
      let folded = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
      if let first = folded.first, folded.count == 1, first.isASCII { return first }
      return "?"
    })
  }
}
