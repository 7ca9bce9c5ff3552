/// A small RFC 4180 CSV reader: fields separated by commas, quoted fields may hold commas, quotes ("")
/// and newlines. Returns rows with the 1-based line each starts on.
public enum CSV {
  public struct Row: Sendable {
    public var line: Int
    public var fields: [String]
  }

  public static func parse(_ text: String) -> [Row] {
    var rows: [Row] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var line = 1
    var rowLine = 1
    var characters = Array(text.replacingCarriageReturns())
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if inQuotes {
        if character == "\"" {
          if index + 1 < characters.count, characters[index + 1] == "\"" {
            field.append("\"")
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if character == "\n" { line += 1 }
          field.append(character)
        }
      } else if character == "\"" && field.isEmpty {
        inQuotes = true
      } else if character == "," {
        fields.append(field)
        field = ""
      } else if character == "\n" {
        fields.append(field)
        rows.append(Row(line: rowLine, fields: fields))
        fields = []
        field = ""
        line += 1
        rowLine = line
      } else {
        field.append(character)
      }
      index += 1
    }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      rows.append(Row(line: rowLine, fields: fields))
    }
    return rows.filter { !($0.fields.count == 1 && $0.fields[0].trimmingWhitespace.isEmpty) }
  }
}

extension String {
  func replacingCarriageReturns() -> String {
    var result = ""
    result.reserveCapacity(utf8.count)
    var previousWasCR = false
    for character in self {
      if character == "\r\n" || character == "\r" {
        result.append("\n")
        previousWasCR = true
        continue
      }
      previousWasCR = false
      result.append(character)
    }
    _ = previousWasCR
    return result
  }
}
