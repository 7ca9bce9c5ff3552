import Foundation
import Testing
import WijkwebCore
@testable import WijkwebTUI

/// The terminal's bytes to events. The table holds the key sequences of six terminal descriptions as
/// `infocmp -1` prints them on Debian 12 (ncurses 6.4), plus tmux's own raw Home and End, and asserts
/// that each gives the same key whatever terminal sent it.
@Suite struct TerminalInputDecoderTests {
  /// Decodes a whole input followed by a pause (so a trailing lone Esc counts).
  static func decode(_ bytes: [UInt8]) -> [TerminalEvent] {
    var decoder = TerminalInputDecoder()
    return decoder.feed(bytes) + decoder.flush()
  }

  static func decode(_ text: String) -> [TerminalEvent] { decode(Array(text.utf8)) }

  /// `\E` in terminfo notation is ESC; `^?` is DEL, `^I` Tab, `^Z` Ctrl-Z.
  static func bytes(_ terminfo: String) -> [UInt8] {
    Array(terminfo.replacingOccurrences(of: "\\E", with: "\u{1B}").replacingOccurrences(of: "^?", with: "\u{7F}")
      .replacingOccurrences(of: "^I", with: "\t").replacingOccurrences(of: "^Z", with: "\u{1A}").replacingOccurrences(of: "\\^", with: "^").utf8)
  }

  struct Entry: CustomStringConvertible, Sendable {
    var terminal: String
    var capability: String
    var sequence: String
    var event: TerminalEvent
    var description: String { "\(terminal) \(capability)=\(sequence)" }
  }

  static func key(_ key: Key, _ modifiers: KeyModifiers = []) -> TerminalEvent { .key(key, modifiers) }

  /// What each terminfo key capability means, for the capabilities these terminals define.
  static let meaning: [String: TerminalEvent] = {
    var table: [String: TerminalEvent] = [
      "kcuu1": key(.up), "kcud1": key(.down), "kcuf1": key(.right), "kcub1": key(.left),
      "kri": key(.up, .shift), "kind": key(.down, .shift), "kRIT": key(.right, .shift), "kLFT": key(.left, .shift),
      "khome": key(.home), "kend": key(.end), "kHOM": key(.home, .shift), "kEND": key(.end, .shift),
      "kpp": key(.pageUp), "knp": key(.pageDown), "kPRV": key(.pageUp, .shift), "kNXT": key(.pageDown, .shift),
      "kich1": key(.insert), "kdch1": key(.delete), "kIC": key(.insert, .shift), "kDC": key(.delete, .shift),
      "kbs": key(.backspace), "kcbt": key(.backTab), "kent": key(.enter),
      // The VT220 Find and Select keys sit where Home and End are, and send what tmux sends for them.
      "kfnd": key(.home), "kslt": key(.end), "kFND": key(.home, .shift), "kel": key(.end, .control),
      // The keypad in application mode (ka1 = 7, ka3 = 9, kb2 = 5, kc1 = 1, kc3 = 3); the centre key
      // without Num Lock (kb2 on the Linux console and VTE, kbeg) stands for no key.
      "ka1": key(.character("7")), "ka3": key(.character("9")), "kc1": key(.character("1")), "kc3": key(.character("3")),
      "kmous": .mouse,
    ]
    for number in 1 ... 24 { table["kf\(number)"] = key(.function(number)) }
    // Beyond F24 xterm numbers Ctrl (25-36), Ctrl-Shift (37-48), Alt (49-60), Alt-Shift (61-63) F1-F12.
    for (offset, modifiers) in [(24, KeyModifiers.control), (36, [.control, .shift]), (48, .alt), (60, [.alt, .shift])] {
      for number in 1 ... 12 where offset + number <= 63 { table["kf\(offset + number)"] = key(.function(number), modifiers) }
    }
    return table
  }()

  /// `infocmp -1 <terminal> | grep '^\sk'` on Debian 12, key capabilities only.
  static let terminfo: [String: String] = [
    "xterm-256color": #"kDC=\E[3;2~, kEND=\E[1;2F, kHOM=\E[1;2H, kIC=\E[2;2~, kLFT=\E[1;2D, kNXT=\E[6;2~, kPRV=\E[5;2~, kRIT=\E[1;2C, ka1=\EOw, ka3=\EOy, kb2=\EOu, kbeg=\EOE, kbs=^?, kc1=\EOq, kc3=\EOs, kcbt=\E[Z, kcub1=\EOD, kcud1=\EOB, kcuf1=\EOC, kcuu1=\EOA, kdch1=\E[3~, kend=\EOF, kent=\EOM, kf1=\EOP, kf10=\E[21~, kf11=\E[23~, kf12=\E[24~, kf13=\E[1;2P, kf14=\E[1;2Q, kf15=\E[1;2R, kf16=\E[1;2S, kf17=\E[15;2~, kf18=\E[17;2~, kf19=\E[18;2~, kf2=\EOQ, kf20=\E[19;2~, kf21=\E[20;2~, kf22=\E[21;2~, kf23=\E[23;2~, kf24=\E[24;2~, kf25=\E[1;5P, kf26=\E[1;5Q, kf27=\E[1;5R, kf28=\E[1;5S, kf29=\E[15;5~, kf3=\EOR, kf30=\E[17;5~, kf31=\E[18;5~, kf32=\E[19;5~, kf33=\E[20;5~, kf34=\E[21;5~, kf35=\E[23;5~, kf36=\E[24;5~, kf37=\E[1;6P, kf38=\E[1;6Q, kf39=\E[1;6R, kf4=\EOS, kf40=\E[1;6S, kf41=\E[15;6~, kf42=\E[17;6~, kf43=\E[18;6~, kf44=\E[19;6~, kf45=\E[20;6~, kf46=\E[21;6~, kf47=\E[23;6~, kf48=\E[24;6~, kf49=\E[1;3P, kf5=\E[15~, kf50=\E[1;3Q, kf51=\E[1;3R, kf52=\E[1;3S, kf53=\E[15;3~, kf54=\E[17;3~, kf55=\E[18;3~, kf56=\E[19;3~, kf57=\E[20;3~, kf58=\E[21;3~, kf59=\E[23;3~, kf6=\E[17~, kf60=\E[24;3~, kf61=\E[1;4P, kf62=\E[1;4Q, kf63=\E[1;4R, kf7=\E[18~, kf8=\E[19~, kf9=\E[20~, khome=\EOH, kich1=\E[2~, kind=\E[1;2B, kmous=\E[<, knp=\E[6~, kpp=\E[5~, kri=\E[1;2A"#,
    "screen-256color": #"kbs=^?, kcbt=\E[Z, kcub1=\EOD, kcud1=\EOB, kcuf1=\EOC, kcuu1=\EOA, kdch1=\E[3~, kend=\E[4~, kf1=\EOP, kf10=\E[21~, kf11=\E[23~, kf12=\E[24~, kf2=\EOQ, kf3=\EOR, kf4=\EOS, kf5=\E[15~, kf6=\E[17~, kf7=\E[18~, kf8=\E[19~, kf9=\E[20~, khome=\E[1~, kich1=\E[2~, kmous=\E[M, knp=\E[6~, kpp=\E[5~"#,
    "tmux-256color": #"kDC=\E[3;2~, kEND=\E[1;2F, kHOM=\E[1;2H, kIC=\E[2;2~, kLFT=\E[1;2D, kNXT=\E[6;2~, kPRV=\E[5;2~, kRIT=\E[1;2C, kbs=^?, kcbt=\E[Z, kcub1=\EOD, kcud1=\EOB, kcuf1=\EOC, kcuu1=\EOA, kdch1=\E[3~, kend=\E[4~, kf1=\EOP, kf10=\E[21~, kf11=\E[23~, kf12=\E[24~, kf13=\E[1;2P, kf14=\E[1;2Q, kf15=\E[1;2R, kf16=\E[1;2S, kf17=\E[15;2~, kf18=\E[17;2~, kf19=\E[18;2~, kf2=\EOQ, kf20=\E[19;2~, kf21=\E[20;2~, kf22=\E[21;2~, kf23=\E[23;2~, kf24=\E[24;2~, kf25=\E[1;5P, kf26=\E[1;5Q, kf27=\E[1;5R, kf28=\E[1;5S, kf29=\E[15;5~, kf3=\EOR, kf30=\E[17;5~, kf31=\E[18;5~, kf32=\E[19;5~, kf33=\E[20;5~, kf34=\E[21;5~, kf35=\E[23;5~, kf36=\E[24;5~, kf37=\E[1;6P, kf38=\E[1;6Q, kf39=\E[1;6R, kf4=\EOS, kf40=\E[1;6S, kf41=\E[15;6~, kf42=\E[17;6~, kf43=\E[18;6~, kf44=\E[19;6~, kf45=\E[20;6~, kf46=\E[21;6~, kf47=\E[23;6~, kf48=\E[24;6~, kf49=\E[1;3P, kf5=\E[15~, kf50=\E[1;3Q, kf51=\E[1;3R, kf52=\E[1;3S, kf53=\E[15;3~, kf54=\E[17;3~, kf55=\E[18;3~, kf56=\E[19;3~, kf57=\E[20;3~, kf58=\E[21;3~, kf59=\E[23;3~, kf6=\E[17~, kf60=\E[24;3~, kf61=\E[1;4P, kf62=\E[1;4Q, kf63=\E[1;4R, kf7=\E[18~, kf8=\E[19~, kf9=\E[20~, khome=\E[1~, kich1=\E[2~, kind=\E[1;2B, kmous=\E[M, knp=\E[6~, kpp=\E[5~, kri=\E[1;2A"#,
    "linux": #"kb2=\E[G, kbs=^?, kcbt=\E^I, kcub1=\E[D, kcud1=\E[B, kcuf1=\E[C, kcuu1=\E[A, kdch1=\E[3~, kend=\E[4~, kf1=\E[[A, kf10=\E[21~, kf11=\E[23~, kf12=\E[24~, kf13=\E[25~, kf14=\E[26~, kf15=\E[28~, kf16=\E[29~, kf17=\E[31~, kf18=\E[32~, kf19=\E[33~, kf2=\E[[B, kf20=\E[34~, kf3=\E[[C, kf4=\E[[D, kf5=\E[[E, kf6=\E[17~, kf7=\E[18~, kf8=\E[19~, kf9=\E[20~, khome=\E[1~, kich1=\E[2~, kmous=\E[M, knp=\E[6~, kpp=\E[5~, kspd=^Z"#,
    "rxvt-unicode-256color": #"kDC=\E[3$, kEND=\E[8$, kFND=\E[1$, kHOM=\E[7$, kIC=\E[2$, kLFT=\E[d, kNXT=\E[6$, kPRV=\E[5$, kRIT=\E[c, ka1=\EOw, ka3=\EOy, kb2=\EOu, kbs=^?, kc1=\EOq, kc3=\EOs, kcbt=\E[Z, kcub1=\E[D, kcud1=\E[B, kcuf1=\E[C, kcuu1=\E[A, kdch1=\E[3~, kel=\E[8\^, kend=\E[8~, kent=\EOM, kf1=\E[11~, kf10=\E[21~, kf11=\E[23~, kf12=\E[24~, kf13=\E[25~, kf14=\E[26~, kf15=\E[28~, kf16=\E[29~, kf17=\E[31~, kf18=\E[32~, kf19=\E[33~, kf2=\E[12~, kf20=\E[34~, kf3=\E[13~, kf4=\E[14~, kf5=\E[15~, kf6=\E[17~, kf7=\E[18~, kf8=\E[19~, kf9=\E[20~, kfnd=\E[1~, khome=\E[7~, kich1=\E[2~, kmous=\E[M, knp=\E[6~, kpp=\E[5~, kslt=\E[4~"#,
    "vte-256color": #"kDC=\E[3;2~, kEND=\E[1;2F, kHOM=\E[1;2H, kIC=\E[2;2~, kLFT=\E[1;2D, kNXT=\E[6;2~, kPRV=\E[5;2~, kRIT=\E[1;2C, kb2=\E[E, kbs=^?, kcbt=\E[Z, kcub1=\EOD, kcud1=\EOB, kcuf1=\EOC, kcuu1=\EOA, kdch1=\E[3~, kend=\EOF, kent=\EOM, kf1=\EOP, kf10=\E[21~, kf11=\E[23~, kf12=\E[24~, kf13=\E[1;2P, kf14=\E[1;2Q, kf15=\E[1;2R, kf16=\E[1;2S, kf17=\E[15;2~, kf18=\E[17;2~, kf19=\E[18;2~, kf2=\EOQ, kf20=\E[19;2~, kf21=\E[20;2~, kf22=\E[21;2~, kf23=\E[23;2~, kf24=\E[24;2~, kf25=\E[1;5P, kf26=\E[1;5Q, kf27=\E[1;5R, kf28=\E[1;5S, kf29=\E[15;5~, kf3=\EOR, kf30=\E[17;5~, kf31=\E[18;5~, kf32=\E[19;5~, kf33=\E[20;5~, kf34=\E[21;5~, kf35=\E[23;5~, kf36=\E[24;5~, kf37=\E[1;6P, kf38=\E[1;6Q, kf39=\E[1;6R, kf4=\EOS, kf40=\E[1;6S, kf41=\E[15;6~, kf42=\E[17;6~, kf43=\E[18;6~, kf44=\E[19;6~, kf45=\E[20;6~, kf46=\E[21;6~, kf47=\E[23;6~, kf48=\E[24;6~, kf49=\E[1;3P, kf5=\E[15~, kf50=\E[1;3Q, kf51=\E[1;3R, kf52=\E[1;3S, kf53=\E[15;3~, kf54=\E[17;3~, kf55=\E[18;3~, kf56=\E[19;3~, kf57=\E[20;3~, kf58=\E[21;3~, kf59=\E[23;3~, kf6=\E[17~, kf60=\E[24;3~, kf61=\E[1;4P, kf62=\E[1;4Q, kf63=\E[1;4R, kf7=\E[18~, kf8=\E[19~, kf9=\E[20~, kfnd=\E[1~, khome=\EOH, kich1=\E[2~, kind=\E[1;2B, kmous=\E[<, knp=\E[6~, kpp=\E[5~, kri=\E[1;2A, kslt=\E[4~"#,
  ]

  /// Capabilities that stand for no key the screens know.
  static let noKey: Set<String> = ["kb2", "kbeg", "kspd"]

  static let entries: [Entry] = terminfo.sorted { $0.key < $1.key }.flatMap { terminal, list in
    list.components(separatedBy: ", ").compactMap { field -> Entry? in
      guard let equals = field.firstIndex(of: "=") else { return nil }
      let capability = String(field[..<equals])
      let sequence = String(field[field.index(after: equals)...])
      if noKey.contains(capability) {
        // The keypad centre in application mode is 5; without it, no key. ^Z is Ctrl-Z.
        let event: TerminalEvent = sequence == #"\EOu"# ? key(.character("5")) : capability == "kspd" ? key(.control("z")) : .unrecognised
        return Entry(terminal: terminal, capability: capability, sequence: sequence, event: event)
      }
      guard let event = meaning[capability] else { return nil }
      return Entry(terminal: terminal, capability: capability, sequence: sequence, event: event)
    }
  }

  @Test func theTableCoversEveryTerminalAndItsKeys() {
    #expect(Self.entries.count > 300)
    for terminal in Self.terminfo.keys {
      let capabilities = Set(Self.entries.filter { $0.terminal == terminal }.map(\.capability))
      for needed in ["kcuu1", "kcud1", "kcuf1", "kcub1", "khome", "kend", "kpp", "knp", "kich1", "kdch1", "kbs", "kcbt", "kf1", "kf12"] {
        #expect(capabilities.contains(needed), "\(terminal) lacks \(needed)")
      }
    }
  }

  @Test(arguments: entries)
  func eachTerminalSequenceIsOneKnownEvent(entry: Entry) {
    var sequence = Self.bytes(entry.sequence)
    if entry.capability == "kmous" {
      // A whole report: X10 has three raw bytes, SGR parameters and M/m.
      sequence += entry.sequence.hasSuffix("<") ? Array("0;12;5M".utf8) : [0x20, 0x2C, 0x25]
    }
    #expect(Self.decode(sequence) == [entry.event])
    // The same sequence followed at once by a digit: the digit is its own key, never part of the sequence.
    #expect(Self.decode(sequence + Array("7".utf8)) == [entry.event, Self.key(.character("7"))])
  }

  @Test func tmuxHomeAndEndAndTheirOtherFormsAreHomeAndEnd() {
    for home in ["\u{1B}[1~", "\u{1B}[H", "\u{1B}OH", "\u{1B}[7~"] { #expect(Self.decode(home) == [Self.key(.home)]) }
    for end in ["\u{1B}[4~", "\u{1B}[F", "\u{1B}OF", "\u{1B}[8~"] { #expect(Self.decode(end) == [Self.key(.end)]) }
  }

  @Test func modifiedArrowsCarryTheirModifiers() {
    #expect(Self.decode("\u{1B}[1;2A") == [Self.key(.up, .shift)])
    #expect(Self.decode("\u{1B}[1;5C") == [Self.key(.right, .control)])
    #expect(Self.decode("\u{1B}[1;3D") == [Self.key(.left, .alt)])
    #expect(Self.decode("\u{1B}[1;8B") == [Self.key(.down, [.shift, .alt, .control])])
    #expect(Self.decode("\u{1B}Oa") == [Self.key(.up, .control)])  // rxvt
    #expect(Self.decode("\u{1B}\u{1B}[A") == [Self.key(.up, .alt)])  // rxvt Alt-Up
    #expect(Self.decode("\u{1B}O5B") == [Self.key(.down, .control)])  // old xterm SS3 with modifier
  }

  @Test func controlBytesAreControlKeys() {
    #expect(Self.decode([0x01]) == [Self.key(.control("a"))])
    #expect(Self.decode([0x1A]) == [Self.key(.control("z"))])
    #expect(Self.decode([0x03]) == [Self.key(.interrupt)])
    #expect(Self.decode([0x09, 0x0D, 0x0A, 0x7F, 0x08]) == [.tab, .enter, .enter, .backspace, .backspace].map { Self.key($0) })
    #expect(Self.decode([0x00, 0x1C]) == [.unrecognised, .unrecognised])
    #expect(Self.decode("\u{1B}[27;5;97~") == [Self.key(.control("a"))])  // xterm modifyOtherKeys
    #expect(Self.decode("\u{1B}[97;5u") == [Self.key(.control("a"))])  // CSI u
    #expect(Self.decode("\u{1B}[9;2u") == [Self.key(.backTab)])
  }

  @Test func aLoneEscIsEscAndAltIsEscBeforeAKey() {
    #expect(Self.decode("\u{1B}") == [Self.key(.escape)])
    #expect(Self.decode("\u{1B}a") == [Self.key(.character("a"), .alt)])
    #expect(Self.decode("\u{1B}é") == [Self.key(.character("é"), .alt)])
    #expect(Self.decode("\u{1B}\u{1B}") == [Self.key(.escape, .alt)])
    // Two presses of Esc a pause apart are two Escs.
    var decoder = TerminalInputDecoder()
    var events = decoder.feed([0x1B]) + decoder.flush()
    events += decoder.feed([0x1B]) + decoder.flush()
    #expect(events == [Self.key(.escape), Self.key(.escape)])
    // A sequence cut short by the pause is no key at all: never Esc plus characters.
    #expect(Self.decode("\u{1B}[1;") == [.unrecognised])
    #expect(Self.decode("\u{1B}[") == [Self.key(.character("["), .alt)])
  }

  @Test func unknownSequencesOfAnyLengthAreConsumedWhole() {
    for sequence in ["\u{1B}[99~", "\u{1B}[1;2;3;4;5;6;7;8;9;10;11;12;13;14z", "\u{1B}[?1;2c", "\u{1B}[>0;276;0c", "\u{1B}[E", "\u{1B}[G",
                     "\u{1B}OE", "\u{1B}[2 q",] {
      let events = Self.decode(sequence + "x")
      #expect(events.last == Self.key(.character("x")), "\(sequence.debugDescription)")
      #expect(events.count == 2, "\(sequence.debugDescription): \(events)")
      #expect(!events.contains(Self.key(.escape)))
    }
  }

  @Test func stringsRunToTheirTerminator() {
    let osc = "\u{1B}]11;rgb:0000/0000/0000\u{07}"
    let oscST = "\u{1B}]0;title with [A and 5 in it\u{1B}\\"
    let dcs = "\u{1B}P1$r0m\u{1B}\\"
    let apc = "\u{1B}_Gi=1;OK\u{1B}\\"
    for sequence in [osc, oscST, dcs, apc] {
      #expect(Self.decode(sequence + "3") == [.unrecognised, Self.key(.character("3"))], "\(sequence.debugDescription)")
    }
  }

  @Test func mouseAndFocusReports() {
    #expect(Self.decode([0x1B, 0x5B, 0x4D, 0x20, 0x21, 0x21, 0x35]) == [.mouse, Self.key(.character("5"))])
    #expect(Self.decode("\u{1B}[<0;10;5M\u{1B}[<0;10;5m") == [.mouse, .mouse])
    #expect(Self.decode("\u{1B}[32;10;5M") == [.mouse])
    #expect(Self.decode("\u{1B}[I\u{1B}[O") == [.focus(gained: true), .focus(gained: false)])
  }

  @Test func bracketedPasteIsOneEventWithLineBreaksKept() {
    let pasted = "\u{1B}[200~Meer groen,\r\nminder\u{7}verkeer\r5\u{1B}[31m!\u{1B}[0m\u{1B}[201~"
    #expect(Self.decode(pasted + "x") == [.paste("Meer groen,\nminderverkeer\n5!"), Self.key(.character("x"))])
    // A paste whose end never comes is handed over when the input pauses.
    #expect(Self.decode("\u{1B}[200~half") == [.paste("half")])
    // A huge paste is cut to the limit, and the keys after it still count.
    let huge = "\u{1B}[200~" + String(repeating: "a", count: TerminalInputDecoder.pasteLimit + 500) + "\u{1B}[201~1"
    let events = Self.decode(huge)
    #expect(events.count == 2)
    if case .paste(let text) = events.first { #expect(text.count == TerminalInputDecoder.pasteLimit) } else { Issue.record("no paste") }
    #expect(events.last == Self.key(.character("1")))
  }

  @Test func textAndInvalidBytes() {
    #expect(Self.decode("coördinator") == "coördinator".map { Self.key(.character($0)) })
    #expect(Self.decode([0x61, 0xFF, 0xC3, 0x62]) == [Self.key(.character("a")), Self.key(.character("b"))])
    #expect(Self.decode([0xC2, 0x9B, 0x41]) == [.unrecognised, Self.key(.character("A"))])  // a C1 control
  }

  /// Seeded random bytes: every byte ends up in some event or is dropped, the decoder never waits
  /// forever, and a digit typed after the noise and a pause is still that digit.
  @Test func randomBytesNeverStickAndNeverSwallowTheNextKey() {
    var generator = SeededGenerator(seed: 0x5EED)
    for _ in 0 ..< 3000 {
      var decoder = TerminalInputDecoder()
      let noise = (0 ..< Int.random(in: 1 ... 40, using: &generator)).map { _ in
        Bool.random(using: &generator) ? UInt8.random(in: 0x1B ... 0x7F, using: &generator) : UInt8.random(in: 0 ... 255, using: &generator)
      }
      _ = decoder.feed(noise)
      _ = decoder.flush()
      #expect(!decoder.isPending)
      #expect(decoder.feed(Array("4".utf8)) == [Self.key(.character("4"))])
    }
  }
}

/// A small deterministic random generator (SplitMix64) for repeatable fuzz tests.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
