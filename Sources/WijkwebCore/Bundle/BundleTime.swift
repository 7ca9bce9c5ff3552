/// The forms of time a bundle accepts: full UTC times as Wijkweb stores them (`2026-11-23T14:05:09Z`)
/// and calendar days (`2026-11-23`). Bundles keep full times, so merging never loses what was stored.
public enum BundleTime {
  /// Whether `text` is a full UTC time, `YYYY-MM-DDTHH:MM:SSZ`, that exists on the calendar.
  public static func isTimestamp(_ text: String) -> Bool {
    let characters = Array(text.utf8)
    guard characters.count == 20, characters[10] == UInt8(ascii: "T"), characters[13] == UInt8(ascii: ":"),
          characters[16] == UInt8(ascii: ":"), characters[19] == UInt8(ascii: "Z"),
          isDay(String(decoding: characters[0 ..< 10], as: UTF8.self)),
          let hour = number(characters[11 ..< 13]), let minute = number(characters[14 ..< 16]),
          let second = number(characters[17 ..< 19])
    else { return false }
    return hour < 24 && minute < 60 && second < 61
  }

  /// Whether `text` is a calendar day, `YYYY-MM-DD`, that exists.
  public static func isDay(_ text: String) -> Bool {
    let characters = Array(text.utf8)
    guard characters.count == 10, characters[4] == UInt8(ascii: "-"), characters[7] == UInt8(ascii: "-"),
          let year = number(characters[0 ..< 4]), let month = number(characters[5 ..< 7]), let day = number(characters[8 ..< 10]),
          (1 ... 12).contains(month), day >= 1
    else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[month - 1]
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for digit in digits {
      guard (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(digit) else { return nil }
      value = value * 10 + Int(digit - UInt8(ascii: "0"))
    }
    return value
  }
}
