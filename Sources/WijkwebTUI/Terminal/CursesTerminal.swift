import CNcursesw
import Foundation
import WijkwebCore

/// The real terminal through ncursesw: wide characters, colours when the terminal has them and
/// `NO_COLOR` is unset, and a guaranteed restore of the terminal on every way out.
public final class CursesTerminal: Terminal {
  public private(set) var supportsUnicode: Bool
  private let useColor: Bool
  private var started = false
  /// The screen last drawn, to rewrite only the rows that changed.
  private var shown: ScreenBuffer?
  private var decoder = TerminalInputDecoder()

  /// Starts curses on the controlling terminal. Throws when there is none or `TERM` is unusable.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    setlocale(LC_ALL, "")
    let codeset = String(cString: ww_codeset())
    supportsUnicode = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw TerminalError("This screen needs a terminal. Run it in a terminal window.")
    }
    let term = environment["TERM"] ?? ""
    if term.isEmpty || term == "dumb" {
      throw TerminalError("The terminal type \"\(term.isEmpty ? "(none)" : term)\" cannot show screens. Set TERM (e.g. TERM=xterm-256color) and start again.")
    }
    guard ww_start() == 0 else {
      throw TerminalError("The terminal type \"\(term)\" is unknown on this machine. Set TERM=xterm-256color and start again.")
    }
    started = true
    CursesTerminal.active = true
    raw()
    noecho()
    nonl()
    keypad(ww_stdscr(), false)
    Self.writeControl(Self.bracketedPasteOn)
    let wantsColor = environment["NO_COLOR"].map { $0.isEmpty } ?? true
    useColor = wantsColor && has_colors()
    if useColor {
      start_color()
      use_default_colors()
      init_pair(Int16(Style.Role.accent.rawValue), Int16(COLOR_CYAN), -1)
      init_pair(Int16(Style.Role.web.rawValue), Int16(COLOR_YELLOW), -1)
      // Muted text keeps the terminal's own foreground (dimmed): dark blue was unreadable on black.
      init_pair(Int16(Style.Role.warning.rawValue), Int16(COLOR_RED), -1)
    }
    CursesTerminal.installSignalHandlers()
  }

  deinit { stop() }

  /// Ends curses and gives the terminal back as it was. Safe to call more than once.
  public func stop() {
    guard started else { return }
    started = false
    CursesTerminal.active = false
    Self.writeControl(Self.bracketedPasteOff)
    endwin()
  }

  private static let bracketedPasteOn = "\u{1B}[?2004h"
  private static let bracketedPasteOff = "\u{1B}[?2004l"

  /// Writes a terminal mode switch straight to the terminal (ncurses has no call for it).
  private static func writeControl(_ sequence: String) {
    let bytes = Array(sequence.utf8)
    _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  }

  public var size: Size { Size(width: Int(ww_cols()), height: Int(ww_lines())) }

  public func draw(_ buffer: ScreenBuffer) {
    // Only the rows that differ from the screen shown before are rewritten (ncurses then sends only what
    // changed); after a resize, or the first time, everything is.
    let previous = shown.flatMap { shown in
      shown.width == buffer.width && shown.height == buffer.height && buffer.width == Int(ww_cols()) && buffer.height == Int(ww_lines())
        ? shown : nil
    }
    if previous == nil { erase() }
    for y in 0 ..< min(buffer.height, Int(ww_lines())) {
      if let previous {
        let row = y * buffer.width ..< (y + 1) * buffer.width
        if previous.cells[row] == buffer.cells[row] { continue }
        move(Int32(y), 0)
        clrtoeol()
      }
      var x = 0
      while x < min(buffer.width, Int(ww_cols())) {
        let style = buffer[x, y].style
        var run = ""
        let start = x
        while x < buffer.width, buffer[x, y].style == style {
          run.append(buffer[x, y].character)
          x += 1
        }
        // Without a UTF-8 locale ncurses cannot show é: write e (never a blank, never a shorter line).
        if !supportsUnicode { run = Transliteration.ascii(run) }
        // Writing the bottom-right cell scrolls some terminals: leave it out.
        if y == Int(ww_lines()) - 1, x >= Int(ww_cols()) { run = String(run.dropLast()) }
        let attributes = attributes(for: style)
        attron(attributes)
        mvaddstr(Int32(y), Int32(start), run)
        attroff(attributes)
      }
    }
    if let cursor = buffer.cursor {
      curs_set(1)
      move(Int32(cursor.y), Int32(cursor.x))
    } else {
      curs_set(0)
    }
    refresh()
    shown = buffer
  }

  private func attributes(for style: Style) -> Int32 {
    var value: attr_t = 0
    if style.bold { value |= ww_a_bold() }
    if style.reverse { value |= ww_a_reverse() }
    if style.underline { value |= ww_a_underline() }
    if style.dim { value |= ww_a_dim() }
    if useColor, style.role != .normal, style.role != .muted { value |= ww_color_pair(Int32(style.role.rawValue)) }
    return Int32(bitPattern: UInt32(truncatingIfNeeded: value))
  }

  /// How long to wait for the rest of an escape sequence before a lone Esc counts as Esc.
  static let escapeMilliseconds = 50
  /// How long to wait for the rest of a bracketed paste.
  static let pasteMilliseconds = 1000
  private var queued: [TerminalEvent] = []

  /// Reads raw bytes (keypad decoding is off: ncurses' own tables depend on `TERM` and turned unknown
  /// sequences into Esc plus characters) and decodes them with `TerminalInputDecoder`.
  public func readEvent(timeoutMilliseconds: Int) -> TerminalEvent {
    while true {
      if !queued.isEmpty { return queued.removeFirst() }
      let wait = decoder.isPasting ? Self.pasteMilliseconds : decoder.isPending ? Self.escapeMilliseconds : timeoutMilliseconds
      timeout(Int32(wait))
      let value = wgetch(ww_stdscr())
      if value == ERR {
        guard decoder.isPending else { return .idle }
        queued += decoder.flush()
        continue
      }
      if value == KEY_RESIZE {
        queued += decoder.flush()
        queued.append(.resize)
        continue
      }
      // With keypad off only bytes arrive; anything else is no key.
      guard (0 ... 0xFF).contains(value) else { continue }
      queued += decoder.feed([UInt8(value)])
    }
  }

  // MARK: Restoring the terminal on signals

  nonisolated(unsafe) static var active = false

  private static func installSignalHandlers() {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
      signal(signalNumber) { received in
        if CursesTerminal.active {
          _ = write(STDOUT_FILENO, "\u{1B}[?2004l", 8)
          endwin()
        }
        signal(received, SIG_DFL)
        raise(received)
      }
    }
  }
}

/// The terminal cannot be used; the message says why and what to do.
public struct TerminalError: Error, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
