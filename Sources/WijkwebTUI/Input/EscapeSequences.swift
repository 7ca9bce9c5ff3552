import WijkwebCore

/// The grammar and meaning of the escape sequences terminals send, in one place.
///
/// Grammar (ECMA-48, with the known deviations): CSI is `ESC [`, parameter bytes 0x30-0x3F,
/// intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E; SS3 is `ESC O`, optional parameters, one
/// final byte; OSC, DCS, SOS, PM and APC strings run to BEL or ST (`ESC \`). Deviations: the Linux
/// console's `ESC [ [ A` ... `E` (F1-F5), rxvt's `$` ending after digits (Shift), X10 mouse reports
/// (`ESC [ M` and three raw bytes), and ESC before a key or sequence for Alt.
enum EscapeSequences {
  enum Parse: Equatable {
    /// More bytes are needed.
    case incomplete
    case complete(TerminalEvent)
    /// `ESC [ 200 ~`: a bracketed paste begins.
    case pasteStart
    /// Not a sequence: everything but the last `refeed` bytes is dropped; those are read afresh.
    case broken(refeed: Int)
  }

  /// Parses `bytes`, which start with ESC; called again each time a byte is added.
  static func parse(_ bytes: [UInt8]) -> Parse {
    guard bytes.count >= 2 else { return .incomplete }
    switch bytes[1] {
    case 0x5B: return csi(bytes)
    case 0x4F: return ss3(bytes)
    case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return string(bytes)  // ] P X ^ _
    case 0x1B:
      guard bytes.count > 2 else { return .incomplete }
      if bytes[2] == 0x1B { return .broken(refeed: 1) }
      // Alt with a sequence or key (rxvt sends Alt-Up as ESC ESC [ A).
      switch parse(Array(bytes.dropFirst())) {
      case .complete(.key(let key, let modifiers)): return .complete(.key(key, modifiers.union(.alt)))
      case .complete: return .complete(.unrecognised)
      case let other: return other
      }
    case let byte where byte < 0x80:
      if byte == 0x09 { return .complete(.key(.backTab, [])) }  // the Linux console's Shift-Tab
      if byte < 0x20 || byte == 0x7F {
        return .complete(controlKey(byte).map { .key($0, [.alt]) } ?? .unrecognised)
      }
      return .complete(.key(.character(Character(Unicode.Scalar(byte))), [.alt]))
    default:
      return altCharacter(bytes)
    }
  }

  /// The key of a control byte (not ESC), or nil for one that stands for no key.
  static func controlKey(_ byte: UInt8) -> Key? {
    switch byte {
    case 0x03: return .interrupt
    case 0x09: return .tab
    case 0x0A, 0x0D: return .enter
    case 0x08, 0x7F: return .backspace
    case 0x01 ... 0x1A: return .control(Character(Unicode.Scalar(byte + 0x60)))
    default: return nil
    }
  }

  // MARK: Grammar

  private static func isParameter(_ byte: UInt8) -> Bool { (0x30 ... 0x3F).contains(byte) }
  private static func isIntermediate(_ byte: UInt8) -> Bool { (0x20 ... 0x2F).contains(byte) }
  private static func isFinal(_ byte: UInt8) -> Bool { (0x40 ... 0x7E).contains(byte) }

  private static func csi(_ bytes: [UInt8]) -> Parse {
    guard bytes.count > 2 else { return .incomplete }
    if bytes[2] == 0x5B {  // ESC [ [ A ... E: the Linux console's F1-F5
      guard bytes.count > 3 else { return .incomplete }
      guard (0x41 ... 0x45).contains(bytes[3]) else { return isFinal(bytes[3]) ? .complete(.unrecognised) : .broken(refeed: 1) }
      return .complete(function(Int(bytes[3]) - 0x40, [], xtermShift: false))
    }
    if bytes[2] == 0x4D {  // ESC [ M b x y: an X10 mouse report, three raw bytes
      return bytes.count < 6 ? .incomplete : .complete(.mouse)
    }
    var index = 2
    var intermediates: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      if isParameter(byte) {
        if !intermediates.isEmpty { return .broken(refeed: 1) }
      } else if isIntermediate(byte) {
        // rxvt ends Shift+Home/End/Insert/... with `$` right after the digits.
        let parameters = bytes[2 ..< index]
        if byte == 0x24, intermediates.isEmpty, !parameters.isEmpty, parameters.allSatisfy({ (0x30 ... 0x39).contains($0) }) {
          return finish(csiEvent(parameters: Array(parameters), final: byte))
        }
        intermediates.append(byte)
      } else if isFinal(byte) {
        guard intermediates.isEmpty else { return .complete(.unrecognised) }
        return finish(csiEvent(parameters: Array(bytes[2 ..< index]), final: byte))
      } else {
        return .broken(refeed: 1)
      }
      index += 1
    }
    return .incomplete
  }

  private static func finish(_ event: TerminalEvent?) -> Parse {
    event.map { .complete($0) } ?? .pasteStart
  }

  private static func ss3(_ bytes: [UInt8]) -> Parse {
    var index = 2
    while index < bytes.count {
      let byte = bytes[index]
      if isFinal(byte) { return .complete(ss3Event(parameters: Array(bytes[2 ..< index]), final: byte)) }
      guard isParameter(byte) else { return .broken(refeed: 1) }
      index += 1
    }
    return .incomplete
  }

  /// OSC, DCS, SOS, PM, APC: up to BEL or ST; CAN and SUB cancel; ESC with anything but `\` ends the
  /// string and starts something new.
  private static func string(_ bytes: [UInt8]) -> Parse {
    guard bytes.count > 2, let last = bytes.last else { return .incomplete }
    if bytes[bytes.count - 2] == 0x1B, bytes.count > 3 {
      return last == 0x5C ? .complete(.unrecognised) : .broken(refeed: 2)
    }
    switch last {
    case 0x07, 0x18, 0x1A: return .complete(.unrecognised)
    default: return .incomplete
    }
  }

  /// ESC followed by a UTF-8 character: Alt with it.
  private static func altCharacter(_ bytes: [UInt8]) -> Parse {
    let lead = bytes[1]
    let length: Int
    switch lead {
    case 0xC2 ... 0xDF: length = 2
    case 0xE0 ... 0xEF: length = 3
    case 0xF0 ... 0xF4: length = 4
    default: return .complete(.unrecognised)
    }
    if bytes.count > 2, bytes.last.map({ $0 & 0xC0 != 0x80 }) ?? false { return .broken(refeed: 1) }
    guard bytes.count == 1 + length else { return .incomplete }
    var scalars = String(decoding: bytes.dropFirst(), as: UTF8.self).unicodeScalars.makeIterator()
    guard let scalar = scalars.next(), scalar != "\u{FFFD}", scalars.next() == nil else { return .complete(.unrecognised) }
    return .complete(.key(.character(Character(scalar)), [.alt]))
  }

  // MARK: Meaning

  /// The numbers of `1;5` (an empty or non-numeric field is nil; sub-parameters after `:` are ignored).
  private static func numbers(_ parameters: [UInt8]) -> [Int?] {
    String(decoding: parameters, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
      .map { field in field.split(separator: ":").first.flatMap { Int($0) } }
  }

  /// The event of a whole CSI sequence; nil for the start of a bracketed paste.
  private static func csiEvent(parameters: [UInt8], final: UInt8) -> TerminalEvent? {
    if let first = parameters.first, (0x3C ... 0x3F).contains(first) {
      // Private parameters: SGR mouse reports; anything else is a reply this program never asked for.
      return first == 0x3C && (final == 0x4D || final == 0x6D) ? .mouse : .unrecognised
    }
    let values = numbers(parameters)
    let first = values.first ?? nil
    let modifiers = values.count > 1 ? KeyModifiers(xtermParameter: values[1] ?? 1) : []
    switch final {
    case 0x41: return .key(.up, modifiers)
    case 0x42: return .key(.down, modifiers)
    case 0x43: return .key(.right, modifiers)
    case 0x44: return .key(.left, modifiers)
    case 0x48: return .key(.home, modifiers)
    case 0x46: return .key(.end, modifiers)
    case 0x61: return .key(.up, [.shift])  // rxvt: ESC [ a ... d
    case 0x62: return .key(.down, [.shift])
    case 0x63: return .key(.right, [.shift])
    case 0x64: return .key(.left, [.shift])
    case 0x50 ... 0x53: return function(Int(final) - 0x4F, modifiers, xtermShift: true)  // P Q R S: F1-F4
    case 0x5A: return .key(.backTab, modifiers.subtracting(.shift))
    case 0x49 where parameters.isEmpty: return .focus(gained: true)
    case 0x4F where parameters.isEmpty: return .focus(gained: false)
    case 0x4D, 0x74, 0x54: return .mouse  // urxvt mouse (ESC [ b ; x ; y M), highlight tracking
    case 0x75:  // ESC [ code ; modifiers u (fixterms / kitty)
      guard let code = first else { return .unrecognised }
      return keyFromCode(code, modifiers)
    case 0x7E, 0x24, 0x5E, 0x40:  // ~, and rxvt's $ (Shift), ^ (Ctrl), @ (Ctrl+Shift)
      guard let code = first else { return .unrecognised }
      if final == 0x7E, code == 200 { return nil }
      if final == 0x7E, code == 27, values.count >= 3, let key = values[2] {  // xterm modifyOtherKeys
        return keyFromCode(key, modifiers)
      }
      var held = modifiers
      if final == 0x24 || final == 0x40 { held.insert(.shift) }
      if final == 0x5E || final == 0x40 { held.insert(.control) }
      return tildeKey(code, held, xtermShift: final == 0x7E)
    default:
      return .unrecognised
    }
  }

  private static let tildeFunctionKeys: [Int: Int] = [
    11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 17: 6, 18: 7, 19: 8, 20: 9, 21: 10, 23: 11, 24: 12,
    25: 13, 26: 14, 28: 15, 29: 16, 31: 17, 32: 18, 33: 19, 34: 20,
  ]

  private static func tildeKey(_ code: Int, _ modifiers: KeyModifiers, xtermShift: Bool) -> TerminalEvent {
    switch code {
    case 1, 7: return .key(.home, modifiers)  // 1: tmux, screen, the Linux console (VT220 "Find"); 7: rxvt
    case 4, 8: return .key(.end, modifiers)  // 4: tmux, screen, the Linux console (VT220 "Select"); 8: rxvt
    case 2: return .key(.insert, modifiers)
    case 3: return .key(.delete, modifiers)
    case 5: return .key(.pageUp, modifiers)
    case 6: return .key(.pageDown, modifiers)
    default:
      guard let number = tildeFunctionKeys[code] else { return .unrecognised }
      return function(number, modifiers, xtermShift: xtermShift)
    }
  }

  /// F`number` with modifiers. xterm reports Shift-F1 ... Shift-F12 as F1 ... F12 with Shift, which
  /// terminfo (and every other terminal) calls F13 ... F24.
  private static func function(_ number: Int, _ modifiers: KeyModifiers, xtermShift: Bool) -> TerminalEvent {
    if xtermShift, modifiers == [.shift], number <= 12 { return .key(.function(number + 12), []) }
    return .key(.function(number), modifiers)
  }

  /// A key given by its Unicode code with xterm modifiers (modifyOtherKeys, CSI u).
  private static func keyFromCode(_ code: Int, _ modifiers: KeyModifiers) -> TerminalEvent {
    switch code {
    case 13: return .key(.enter, modifiers)
    case 9: return modifiers.contains(.shift) ? .key(.backTab, modifiers.subtracting(.shift)) : .key(.tab, modifiers)
    case 8, 127: return .key(.backspace, modifiers)
    case 27: return .key(.escape, modifiers)
    default:
      guard code >= 0x20, code != 0x7F, let scalar = Unicode.Scalar(code), !(0x80 ..< 0xA0).contains(code) else {
        return .unrecognised
      }
      let character = Character(scalar)
      if modifiers.contains(.control), let letter = character.lowercased().first, ("a" ... "z").contains(letter) {
        let key = EscapeSequences.controlKey((letter.asciiValue ?? 0x61) - 0x60) ?? .control(letter)
        return .key(key, modifiers.subtracting([.control, .shift]))
      }
      return .key(.character(character), modifiers.subtracting(.shift))
    }
  }

  private static func ss3Event(parameters: [UInt8], final: UInt8) -> TerminalEvent {
    let values = numbers(parameters)
    let modifiers = values.first.map { KeyModifiers(xtermParameter: $0 ?? 1) } ?? []
    switch final {
    case 0x41: return .key(.up, modifiers)
    case 0x42: return .key(.down, modifiers)
    case 0x43: return .key(.right, modifiers)
    case 0x44: return .key(.left, modifiers)
    case 0x48: return .key(.home, modifiers)
    case 0x46: return .key(.end, modifiers)
    case 0x50 ... 0x53: return function(Int(final) - 0x4F, modifiers, xtermShift: true)
    case 0x4D: return .key(.enter, modifiers)  // keypad Enter
    case 0x61: return .key(.up, [.control])  // rxvt: ESC O a ... d
    case 0x62: return .key(.down, [.control])
    case 0x63: return .key(.right, [.control])
    case 0x64: return .key(.left, [.control])
    case 0x6A ... 0x79, 0x58:  // the keypad in application mode: * + , - . / 0-9 and =
      let character: Character = final == 0x58 ? "=" : Character(Unicode.Scalar(final - 0x40))
      return .key(.character(character), modifiers)
    default:
      return .unrecognised
    }
  }
}
