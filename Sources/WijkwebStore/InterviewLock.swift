import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One interview at a time per database.
///
/// Two interviews on one database would each see the other's live interview as "interrupted" and offer
/// to resume it, and then both would write into the same response. So the interview (and the menu that
/// starts it) takes an exclusive `flock(2)` on the database file, held until the process ends. Commands
/// that only read or add (profile, demo, check) do not take it; SQLite's own locking keeps them apart.
public enum InterviewLock {
  /// Takes the lock, or says plainly that another Wijkweb holds it. The descriptor is never closed:
  /// closing any descriptor of the database file would drop the POSIX locks SQLite holds on it.
  public static func acquire(path: String) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw StoreError("Cannot open the database \(path) to reserve it for the interview: \(String(cString: strerror(errno))).")
    }
    // A Wijkweb that was just closed may take a moment to end: wait up to three seconds for it.
    var attempts = 0
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      attempts += 1
      guard attempts > 60 else {
        usleep(50_000)
        continue
      }
      throw StoreError(
        "Another Wijkweb is doing an interview on the database \(path). Finish or close that one first; one interview at a time per database keeps the answers apart.",
        kind: .busy)
    }
  }
}
