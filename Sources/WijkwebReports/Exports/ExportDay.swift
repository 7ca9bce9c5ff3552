#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rounds stored timestamps (`2025-11-23T14:05:09Z`, or with an offset such as `+01:00`) to the
/// calendar day in this computer's time zone, without a date formatter per row.
struct ExportDay {
  private var cache: [Int: String] = [:]

  /// The local day (`yyyy-MM-dd`) of an ISO 8601 timestamp; nil when it cannot be read.
  mutating func day(of timestamp: String) -> String? {
    guard let seconds = Self.epochSeconds(timestamp) else {
      // A bare date is already a day.
      let bytes = Array(timestamp.utf8)
      return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-") ? timestamp : nil
    }
    // Every time zone's offset is a whole number of quarter hours, so the quarter hour decides the day.
    let quarter = Int((seconds / 900).rounded(.down))
    if let day = cache[quarter] { return day }
    var time = time_t(quarter * 900)
    var parts = tm()
    guard localtime_r(&time, &parts) != nil else { return nil }
    let day = Self.pad(Int(parts.tm_year) + 1900, 4) + "-" + Self.pad(Int(parts.tm_mon) + 1, 2) + "-" + Self.pad(Int(parts.tm_mday), 2)
    if cache.count > 100_000 { cache.removeAll() }
    cache[quarter] = day
    return day
  }

  /// Seconds since 1970 (UTC) of `yyyy-MM-ddTHH:mm:ss[.fff](Z|±hh:mm)`.
  static func epochSeconds(_ timestamp: String) -> Double? {
    let bytes = Array(timestamp.utf8)
    guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
          bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
    else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for index in from ..< from + count {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
          let minute = number(14, 2), let second = number(17, 2), (1 ... 12).contains(month), (1 ... 31).contains(day)
    else { return nil }
    var index = 19
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
    }
    var offset = 0
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: "Z") {
      guard index + 1 == bytes.count else { return nil }
    } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), bytes.count == index + 6,
              bytes[index + 3] == UInt8(ascii: ":"), let hours = number(index + 1, 2), let minutes = number(index + 4, 2) {
      offset = (hours * 60 + minutes) * 60 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
    } else {
      return nil
    }
    let days = daysFromCivil(year: year, month: month, day: day)
    return Double(days * 86400 + hour * 3600 + minute * 60 + second - offset)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
