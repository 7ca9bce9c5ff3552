import Foundation

/// Timestamps as Wijkweb stores them: UTC to the second, `2026-11-23T11:55:00Z`.
extension CalendarDay {
  /// `date` as a stored timestamp, UTC to the second, e.g. 2026-11-23T11:55:00Z.
  public static func timestamp(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let day = CalendarDay(daysSince1970: floorDivide(seconds, 86400))
    let time = seconds - floorDivide(seconds, 86400) * 86400
    return day.iso + "T" + pad(time / 3600, 2) + ":" + pad(time / 60 % 60, 2) + ":" + pad(time % 60, 2) + "Z"
  }

  /// Seconds since 1970 (UTC) of `yyyy-MM-ddTHH:mm:ss[.fff](Z|±hh:mm)` (a space instead of the `T` too);
  /// nil when it cannot be read.
  public static func epochSeconds(_ timestamp: String) -> Double? {
    let bytes = Array(timestamp.utf8)
    guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
          bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
    else { return nil }
    guard let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
          let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
          (1 ... 12).contains(month), (1 ... 31).contains(day)
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
              bytes[index + 3] == UInt8(ascii: ":"), let hours = number(bytes, index + 1, 2), let minutes = number(bytes, index + 4, 2) {
      offset = (hours * 60 + minutes) * 60 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
    } else {
      return nil
    }
    let days = daysFromCivil(year: year, month: month, day: day)
    return Double(days * 86400 + hour * 3600 + minute * 60 + second - offset)
  }

  /// A stored timestamp as `dd-MM-yyyy HH:mm` in `timeZone`; the text itself when it cannot be read.
  public static func displayTime(_ stored: String, timeZone: TimeZone) -> String {
    guard let epoch = epochSeconds(stored) else { return stored }
    let date = Date(timeIntervalSince1970: epoch)
    let seconds = Int(epoch.rounded(.down)) + timeZone.secondsFromGMT(for: date)
    let day = CalendarDay(daysSince1970: floorDivide(seconds, 86400))
    let time = seconds - floorDivide(seconds, 86400) * 86400
    return pad(day.day, 2) + "-" + pad(day.month, 2) + "-" + pad(day.year, 4) + " " + pad(time / 3600, 2) + ":" + pad(time / 60 % 60, 2)
  }
}

extension CalendarDay {
  /// The moment this day begins in `timeZone` (its midnight).
  public func start(in timeZone: TimeZone) -> Date {
    let utcMidnight = Double(daysSince1970 * 86400)
    let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight))
    return Date(timeIntervalSince1970: utcMidnight - Double(offset))
  }
}
