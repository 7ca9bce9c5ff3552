import Foundation
import Testing
import WijkwebCore

/// The one date type gives the same text as the Foundation formatters it replaced, in any time zone.
@Suite struct CalendarDayTests {
  static func formatter(_ format: String, _ timeZone: TimeZone) -> DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = format
    return formatter
  }

  static let zones = ["UTC", "Europe/Amsterdam", "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago"]
    .compactMap(TimeZone.init(identifier:))

  @Test func daysMatchFoundationInEveryZone() {
    var random = SeededRandom(seed: 5)
    for zone in Self.zones {
      let iso = Self.formatter("yyyy-MM-dd", zone)
      let display = Self.formatter("dd-MM-yyyy HH:mm", zone)
      let calendar = { () -> Calendar in
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
      }()
      for _ in 0 ..< 400 {
        // 1950 ... 2100, whole seconds.
        let seconds = -631_152_000 + Int(random.next() % 4_733_510_400)
        let date = Date(timeIntervalSince1970: Double(seconds))
        let day = CalendarDay(date, timeZone: zone)
        #expect(day.iso == iso.string(from: date), "\(zone.identifier) \(seconds)")
        let stored = CalendarDay.timestamp(date)
        #expect(stored == date.formatted(Date.ISO8601FormatStyle()))
        #expect(CalendarDay.epochSeconds(stored) == Double(seconds))
        #expect(CalendarDay.displayTime(stored, timeZone: zone) == display.string(from: date))
        #expect(day.start(in: zone) == calendar.startOfDay(for: date), "\(zone.identifier) \(seconds)")
        #expect(CalendarDay(daysSince1970: day.daysSince1970) == day)
      }
    }
  }

  @Test func readsOnlyRealDays() {
    #expect(CalendarDay(iso: "2026-11-23")?.dutch == "23-11-2026")
    #expect(CalendarDay(iso: "2026-01-05")?.dutch == "5-1-2026")
    #expect(CalendarDay(iso: "2024-02-29") != nil)
    #expect(CalendarDay(iso: "2026-02-29") == nil)
    #expect(CalendarDay(iso: "1900-02-29") == nil)
    #expect(CalendarDay(iso: "2000-02-29") != nil)
    #expect(CalendarDay(iso: "2026-13-01") == nil)
    #expect(CalendarDay(iso: "2026-1-01") == nil)
    #expect(CalendarDay(iso: "2026-11-23T00:00:00Z") == nil)
    #expect(CalendarDay(iso: "gisteren!!") == nil)
    #expect(CalendarDay.displayTime("gisteren", timeZone: .current) == "gisteren")
    let start = CalendarDay(iso: "2026-10-01")!
    #expect(CalendarDay(daysSince1970: start.daysSince1970 + 90).iso == "2026-12-30")
    #expect(CalendarDay.timestamp(Date(timeIntervalSince1970: 1_763_898_900.7)) == "2025-11-23T11:55:00Z")
  }
}
