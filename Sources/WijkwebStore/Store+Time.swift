import Foundation
import WijkwebCore

// MARK: Time

extension Store {
  /// A stored timestamp: UTC to the second, e.g. 2026-11-23T11:55:00Z (`CalendarDay.timestamp`).
  static func timestamp(_ date: Date) -> String {
    CalendarDay.timestamp(date)
  }

  /// The local calendar day, e.g. 2026-11-23 (`CalendarDay` in this computer's time zone).
  public static func day(_ date: Date) -> String {
    CalendarDay(date, timeZone: .current).iso
  }
}
