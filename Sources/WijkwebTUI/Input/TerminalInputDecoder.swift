import WijkwebCore

/// Turns the bytes a terminal sends into events, whatever `TERM` says.
///
/// Escape sequences are consumed whole: CSI and SS3 of any length with parameters, OSC, DCS, SOS, PM
/// and APC strings up to their terminator, X10 and SGR mouse reports, focus reports and bracketed
/// paste. What xterm, tmux/screen, the Linux console, rxvt and VTE send for the same key gives the same
/// key (see `EscapeSequences`); a sequence that stands for no key is one `.unrecognised` event, never
/// Esc followed by characters. Bytes that are no UTF-8 are dropped without losing the keys after them.
///
/// A lone Esc cannot be told from the start of a sequence until no more bytes come: the caller waits a
/// short time while `isPending` and then calls `flush()`, which turns what is left into Esc (or Alt
/// with a key) or `.unrecognised`.
public struct TerminalInputDecoder: Sendable {
  /// At most this many bytes of one paste are kept; the rest is read and dropped.
  public static let pasteLimit = 64 * 1024
  /// A sequence longer than this without its end is dropped as unrecognised.
  static let sequenceLimit = 4096

  /// The escape sequence being read, starting with ESC.
  private var sequence: [UInt8] = []
  private var text = UTF8KeyDecoder()
  /// The pasted bytes so far, while inside a bracketed paste.
  private var paste: [UInt8]?
  /// The last bytes of a paste past the limit, to still see where it ends.
  private var pasteTail: [UInt8] = []

  public init() {}

  /// Whether bytes wait for more (an escape sequence, a character cut short, a paste without its end).
  public var isPending: Bool { !sequence.isEmpty || paste != nil || text.isPending }
  /// Whether a bracketed paste has begun and not ended: the caller may wait longer for the rest.
  public var isPasting: Bool { paste != nil }

  /// Feeds bytes; returns the events they complete, in order.
  public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [TerminalEvent] where Bytes.Element == UInt8 {
    var events: [TerminalEvent] = []
    for byte in bytes { feed(byte, into: &events) }
    return events
  }

  /// No more bytes came in time: what is pending becomes its events (a lone Esc is Esc).
  public mutating func flush() -> [TerminalEvent] {
    var events: [TerminalEvent] = []
    if let pasted = paste {
      events.append(.paste(Self.pastedText(pasted)))
      paste = nil
      pasteTail = []
    }
    if !sequence.isEmpty {
      events.append(Self.cutShort(sequence))
      sequence = []
    }
    text = UTF8KeyDecoder()
    return events
  }

  private mutating func feed(_ byte: UInt8, into events: inout [TerminalEvent]) {
    if paste != nil {
      pasteByte(byte, into: &events)
      return
    }
    if !sequence.isEmpty {
      sequence.append(byte)
      switch EscapeSequences.parse(sequence) {
      case .incomplete:
        if sequence.count > Self.sequenceLimit {
          events.append(.unrecognised)
          sequence = []
        }
      case .complete(let event):
        events.append(event)
        sequence = []
      case .pasteStart:
        sequence = []
        paste = []
      case .broken(let refeed):
        let again = Array(sequence.suffix(refeed))
        sequence = []
        events.append(.unrecognised)
        for byte in again { feed(byte, into: &events) }
      }
      return
    }
    guard let value = text.feed(byte) else { return }
    if value == 0x1B {
      sequence = [0x1B]
    } else if value < 0x20 || value == 0x7F {
      events.append(EscapeSequences.controlKey(UInt8(value)).map { .key($0, []) } ?? .unrecognised)
    } else if (0x80 ..< 0xA0).contains(value) {
      events.append(.unrecognised)  // C1 control characters
    } else if let scalar = Unicode.Scalar(value) {
      events.append(.key(.character(Character(scalar)), []))
    }
  }

  private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~

  private mutating func pasteByte(_ byte: UInt8, into events: inout [TerminalEvent]) {
    guard var pasted = paste else { return }
    paste = nil
    if pasted.count < Self.pasteLimit + Self.pasteEnd.count {
      pasted.append(byte)
      if pasted.count >= Self.pasteEnd.count, Array(pasted.suffix(Self.pasteEnd.count)) == Self.pasteEnd {
        events.append(.paste(Self.pastedText(Array(pasted.dropLast(Self.pasteEnd.count)))))
        return
      }
    } else {
      pasteTail.append(byte)
      if pasteTail.count > Self.pasteEnd.count { pasteTail.removeFirst() }
      if pasteTail == Self.pasteEnd {
        pasteTail = []
        events.append(.paste(Self.pastedText(Array(pasted.prefix(Self.pasteLimit)))))
        return
      }
    }
    paste = pasted
  }

  /// Pasted bytes as text: line breaks (CR LF, CR, LF) become `\n`, tabs a space, every other control
  /// character and escape sequence is dropped, invalid UTF-8 is dropped.
  static func pastedText(_ bytes: [UInt8]) -> String {
    var decoder = UTF8KeyDecoder()
    var scalars = String.UnicodeScalarView()
    var previousWasCR = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == 0x1B {
        // An escape sequence inside the paste (coloured text copied from a terminal): skip it whole.
        var sequence: [UInt8] = [0x1B]
        while index < bytes.count {
          sequence.append(bytes[index])
          index += 1
          if case .incomplete = EscapeSequences.parse(sequence) { continue }
          break
        }
        previousWasCR = false
        continue
      }
      guard let value = decoder.feed(byte), let scalar = Unicode.Scalar(value) else { continue }
      defer { previousWasCR = value == 0x0D }
      switch value {
      case 0x0D: scalars.append("\n")
      case 0x0A: if !previousWasCR { scalars.append("\n") }
      case 0x09: scalars.append(" ")
      default:
        if scalar.properties.generalCategory == .control { continue }
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// A sequence that did not end before the input paused: ESC alone is Esc, ESC with one more key is
  /// that key with Alt (ESC ESC: Alt-Esc), anything longer stands for no key.
  static func cutShort(_ sequence: [UInt8]) -> TerminalEvent {
    if sequence == [0x1B] { return .key(.escape, []) }
    if sequence.count == 2 {
      let byte = sequence[1]
      if byte == 0x1B { return .key(.escape, [.alt]) }
      if byte >= 0x20, byte < 0x7F { return .key(.character(Character(Unicode.Scalar(byte))), [.alt]) }
    }
    return .unrecognised
  }
}
