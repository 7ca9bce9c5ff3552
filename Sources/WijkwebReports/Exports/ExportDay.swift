import Foundation
import WijkwebCore

/// Rounds stored timestamps (`2025-11-23T14:05:09Z`, or with an offset such as `+01:00`) to the
/// calendar day in a given time zone, without a date formatter per row.
struct ExportDay {
  let timeZone: TimeZone
  private var cache: [Int: String] = [:]

  init(timeZone: TimeZone) {
    self.timeZone = timeZone
  }

  /// The day (`yyyy-MM-dd`) of an ISO 8601 timestamp in the time zone; nil when it cannot be read.
  mutating func day(of timestamp: String) -> String? {
    guard let seconds = CalendarDay.epochSeconds(timestamp) else {
      // A bare date is already a day.
      let bytes = Array(timestamp.utf8)
      return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-") ? timestamp : nil
    }
    // Every time zone's offset is a whole number of quarter hours, so the quarter hour decides the day.
    let quarter = Int((seconds / 900).rounded(.down))
    if let day = cache[quarter] { return day }
    let day = CalendarDay(Date(timeIntervalSince1970: Double(quarter * 900)), timeZone: timeZone).iso
    if cache.count > 100_000 { cache.removeAll() }
    cache[quarter] = day
    return day
  }
}
