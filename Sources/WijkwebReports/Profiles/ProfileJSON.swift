import WijkwebCore

/// A profile as JSON: `{"round", "weighted", "minimum_group_size", "breakdown", "figures": [...]}`, each
/// figure an object with the keys of `ProfileColumns` (numbers as numbers, absent values as null).
public enum ProfileJSON {
  public static func render(_ profile: Profile, round: String, figures: [ProfileFigure]) -> String {
    let textual = ProfileColumns.textual
    var out = "{\n  \"round\": \(quote(round)),\n  \"weighted\": \(profile.weighted),\n"
    out += "  \"minimum_group_size\": \(profile.minimumGroupSize),\n"
    out += "  \"breakdown\": \(profile.breakdown.map(quote) ?? "null"),\n  \"figures\": ["
    for (index, figure) in figures.enumerated() {
      let values = ProfileColumns.values(figure, round: round, profile: profile)
      let fields = zip(ProfileColumns.names, values).map { name, value -> String in
        let rendered: String
        if textual.contains(name) {
          rendered = value.isEmpty && (name == "breakdown" || name == "category") ? "null" : quote(value)
        } else if name == "weighted" || name == "suppressed" || name.hasSuffix("_significant") {
          rendered = value.isEmpty ? "null" : (value == "1" ? "true" : "false")
        } else {
          rendered = value.isEmpty ? "null" : value
        }
        return "\(quote(name)): \(rendered)"
      }
      out += (index == 0 ? "\n" : ",\n") + "    {" + fields.joined(separator: ", ") + "}"
    }
    return out + "\n  ]\n}\n"
  }

  /// A JSON string literal.
  public static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
