import Foundation
import WijkwebCore

/// The resident's take-home web: a one-page PDF written to a folder, or printed through `lp` when a
/// printer is configured. The file name holds the date and random letters, nothing about the resident.
/// (The program hands it to the interview as its `TakeHomePrinter`.)
public struct TakeHome: Sendable {
  public var folder: String?
  public var printer: String?
  public var now: @Sendable () -> Date = Date.init

  public init(folder: String?, printer: String?, now: @escaping @Sendable () -> Date = Date.init) {
    self.folder = folder
    self.printer = printer
    self.now = now
  }

  /// From the options, else from `WIJKWEB_TAKE_HOME_DIR` and `WIJKWEB_PRINTER`; nil when neither is set.
  public static func configured(folder: String?, printer: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> TakeHome? {
    let folder = folder ?? environment["WIJKWEB_TAKE_HOME_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    let printer = printer ?? environment["WIJKWEB_PRINTER"].flatMap { $0.isEmpty ? nil : $0 }
    guard folder != nil || printer != nil else { return nil }
    return TakeHome(folder: folder, printer: printer)
  }

  public func takeHome(scores: [DimensionScore], questionnaire: Questionnaire, language requested: Language) -> TakeHomeOutcome {
    let date = now()
    let language = LanguagePacks.printable(requested)
    let page = TakeHomeLayout.page(scores: scores, questionnaire: questionnaire, language: requested,
                                   date: Self.displayDate(date, language: language))
    let name = Self.fileName(date: date, language: language)
    if let printer {
      let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
      defer { try? FileManager.default.removeItem(atPath: temporary) }
      do {
        try PDFRenderer.write([page], to: temporary, title: UIString.takeHomeTitle.text(language), day: CalendarDay(date, timeZone: .current).iso)
      } catch {
        return .failed("\(error)")
      }
      return Self.print(temporary, on: printer) ? .printed(printer: printer) : .failed("lp -d \(printer)")
    }
    guard let folder else { return .notConfigured }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
          FileManager.default.isWritableFile(atPath: folder) else { return .folderUnusable(path: folder) }
    let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
    do {
      try PDFRenderer.write([page], to: path, title: UIString.takeHomeTitle.text(language), day: CalendarDay(date, timeZone: .current).iso)
      // Owner-only, and no time of day in the file's dates either.
      let midnight = CalendarDay(date, timeZone: .current).start(in: .current)
      try? FileManager.default.setAttributes([.posixPermissions: 0o600, .modificationDate: midnight], ofItemAtPath: path)
    } catch {
      return .failed("\(error)")
    }
    return .written(fileName: name)
  }

  /// `mijn-web-2026-11-23-k3x9q2.pdf` (`my-web-...` in English): the day and six random letters.
  public static func fileName(date: Date, language: Language) -> String {
    let letters = Array("abcdefghijkmnpqrstuvwxyz23456789")
    let random = String((0 ..< 6).map { _ in letters[Int.random(in: 0 ..< letters.count)] })
    return (language == .dutch ? "mijn-web-" : "my-web-") + CalendarDay(date, timeZone: .current).iso + "-" + random + ".pdf"
  }

  /// 23-11-2026 in Dutch, 2026-11-23 in English.
  public static func displayDate(_ date: Date, language: Language) -> String {
    let day = CalendarDay(date, timeZone: .current)
    return language == .dutch ? day.dutch : day.iso
  }

  /// Sends `path` to `printer` with `lp`; true when lp accepted it.
  static func print(_ path: String, on printer: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["lp", "-d", printer, "--", path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus == 0
    } catch {
      return false
    }
  }
}
