import Foundation
import Testing
@testable import WijkwebTUI

struct SpiderWebTests {
  static let sample: [SpiderWebView.Axis] = [
    .init(label: "Lichaamsfuncties", score: 7.2),
    .init(label: "Mentaal welbevinden", score: 6.0),
    .init(label: "Zingeving", score: 8.1),
    .init(label: "Kwaliteit van leven", score: nil),
    .init(label: "Meedoen", score: 5.5),
    .init(label: "Dagelijks functioneren", score: 9.0),
  ]

  static let sampleCaptions = [
    "Lichaamsfuncties 7,2", "Mentaal welbevinden 6,0", "Zingeving 8,1",
    "Kwaliteit van leven –", "Meedoen 5,5", "Dagelijks functioneren 9,0",
  ]

  static func render(
    _ axes: [SpiderWebView.Axis] = sample, ascii: Bool = false, width: Int = 80, height: Int = 16
  ) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: width, height: height)
    SpiderWebView(axes: axes, ascii: ascii).draw(into: &buffer, frame: Rect(x: 0, y: 0, width: width, height: height))
    return buffer
  }

  static func isBraille(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { (0x2800 ... 0x28FF).contains($0.value) }
  }

  /// The buffer's text with every caption blanked out.
  static func withoutCaptions(_ buffer: ScreenBuffer, _ captions: [String] = sampleCaptions) -> String {
    captions.reduce(buffer.text) { text, caption in
      text.replacingOccurrences(of: caption, with: String(repeating: " ", count: caption.count))
    }
  }

  /// How far (in cell widths, rows counting double) the furthest web-styled braille cell lies from the
  /// frame's centre, and how many there are.
  static func webReach(_ buffer: ScreenBuffer) -> (distance: Double, count: Int) {
    let centreX = Double(buffer.width) / 2
    let centreY = Double(buffer.height) / 2
    var distance = 0.0
    var count = 0
    for y in 0 ..< buffer.height {
      for x in 0 ..< buffer.width {
        let cell = buffer[x, y]
        guard cell.style == .web, isBraille(cell.character) else { continue }
        count += 1
        let dx = Double(x) + 0.5 - centreX
        let dy = (Double(y) + 0.5 - centreY) * 2
        distance = max(distance, (dx * dx + dy * dy).squareRoot())
      }
    }
    return (distance, count)
  }

  @Test func formatsScoresWithOneDecimalAndADecimalComma() {
    #expect(SpiderWebView.formatScore(7.3) == "7,3")
    #expect(SpiderWebView.formatScore(7.25) == "7,3")
    #expect(SpiderWebView.formatScore(6) == "6,0")
    #expect(SpiderWebView.formatScore(10) == "10,0")
    #expect(SpiderWebView.formatScore(0.04) == "0,0")
    #expect(SpiderWebView.formatScore(-1.5) == "-1,5")
    #expect(SpiderWebView.formatScore(nil) == "–")
    #expect(SpiderWebView.formatScore(.nan) == "–")
  }

  @Test func webShowsEveryCaptionWithItsCommaScore() {
    let lines = Self.render().lines
    for caption in Self.sampleCaptions {
      #expect(lines.contains { $0.contains(caption) }, "missing \(caption)")
    }
  }

  @Test func webHasOnlyBrailleSpacesAndCaptions() {
    let rest = Self.withoutCaptions(Self.render())
    let strays = rest.filter { $0 != " " && $0 != "\n" && !Self.isBraille($0) }
    #expect(strays.isEmpty, "unexpected characters: \(strays)")
    #expect(rest.contains { Self.isBraille($0) })
  }

  @Test func captionsAreBoldAndScoresUseTheWebStyle() throws {
    let buffer = Self.render()
    let row = try #require(buffer.lines.firstIndex { $0.contains("Zingeving 8,1") })
    let start = try #require(buffer.lines[row].range(of: "Zingeving 8,1"))
    let column = buffer.lines[row].distance(from: buffer.lines[row].startIndex, to: start.lowerBound)
    for offset in 0 ..< 9 { #expect(buffer[column + offset, row].style == .bold) }
    for offset in 10 ..< 13 { #expect(buffer[column + offset, row].style == .web) }
  }

  @Test func labelsSitAroundTheWeb() throws {
    let lines = Self.render().lines
    #expect(lines[0].contains("Lichaamsfuncties 7,2"))
    #expect(lines[15].contains("Kwaliteit van leven –"))
    // Left captions end left of the web, right captions start right of it.
    let left = try #require(lines.first { $0.contains("Dagelijks functioneren 9,0") })
    let right = try #require(left.range(of: "Mentaal welbevinden 6,0"))
    let leftEnd = try #require(left.range(of: "Dagelijks functioneren 9,0"))
    let web = left[leftEnd.upperBound ..< right.lowerBound]
    #expect(web.contains { Self.isBraille($0) })
    #expect(left.hasPrefix(" "))
  }

  @Test func drawsNothingOutsideItsFrame() {
    for (frame, ascii) in [
      (Rect(x: 20, y: 7, width: 80, height: 16), false),
      (Rect(x: 20, y: 7, width: 80, height: 16), true),
      (Rect(x: 5, y: 3, width: 34, height: 9), false),
      (Rect(x: 50, y: 20, width: 60, height: 30), false),
    ] {
      var buffer = ScreenBuffer(width: 120, height: 40)
      SpiderWebView(axes: Self.sample, ascii: ascii, overlay: [10, 10, 10, 10, 10, 10])
        .draw(into: &buffer, frame: frame)
      var inside = 0
      for y in 0 ..< buffer.height {
        for x in 0 ..< buffer.width {
          let isInside = x >= frame.x && x < frame.x + frame.width && y >= frame.y && y < frame.y + frame.height
          if isInside {
            if buffer[x, y] != ScreenBuffer.Cell() { inside += 1 }
          } else {
            #expect(buffer[x, y] == ScreenBuffer.Cell(), "wrote at (\(x), \(y)) outside \(frame)")
          }
        }
      }
      #expect(inside > 0)
    }
  }

  @Test func narrowFramesTruncateCaptions() {
    let buffer = Self.render(width: 50, height: 16)
    #expect(buffer.text.contains("…"))
    #expect(buffer.text.contains("Meedoen 5,5"))
    #expect(buffer.lines.allSatisfy { $0.count <= 50 })
  }

  @Test func asciiModeIsPlainAsciiOutsideTheCaptions() {
    let buffer = Self.render(ascii: true)
    for caption in Self.sampleCaptions {
      #expect(buffer.text.contains(caption), "missing \(caption)")
    }
    let rest = Self.withoutCaptions(buffer)
    #expect(rest.unicodeScalars.allSatisfy { $0.value <= 0x7F })
    #expect(rest.allSatisfy { " \n.*".contains($0) })
    #expect(rest.contains("*"))
    #expect(rest.contains("."))
  }

  @Test func higherScoresReachFurtherOut() {
    let labels = Self.sample.map(\.label)
    let full = Self.webReach(Self.render(labels.map { .init(label: $0, score: 10) }))
    let low = Self.webReach(Self.render(labels.map { .init(label: $0, score: 2) }))
    #expect(full.count > low.count)
    #expect(full.distance > low.distance * 3)
  }

  @Test func worksForOtherAxisCounts() {
    for count in [3, 5, 8] {
      let names = ["Aa", "Bb", "Cc", "Dd", "Ee", "Ff", "Gg", "Hh"].prefix(count)
      let axes = names.map { SpiderWebView.Axis(label: $0, score: 5) }
      for (width, height) in [(80, 16), (200, 50)] {
        let buffer = Self.render(Array(axes), width: width, height: height)
        for name in names {
          #expect(buffer.text.contains("\(name) 5,0"), "\(count) axes at \(width)x\(height): missing \(name)")
        }
        #expect(Self.webReach(buffer).count > 0)
      }
    }
  }

  @Test func fewerThanThreeAxesDrawNothing() {
    let buffer = Self.render(Array(Self.sample.prefix(2)))
    #expect(buffer == ScreenBuffer(width: 80, height: 16))
  }

  @Test func snapshotOfTheInterviewWeb() {
    let buffer = Self.render()
    let expected = """
                                    Lichaamsfuncties 7,2
                                            ⣀⠤⡢⢄⡀
                                        ⢀⡠⠔⠉ ⡀⡆⡀⠈⠑⠤⣀
                                     ⣀⠔⠊⠁⣀⡠⠤⠓⠊⡛⠤⡁⠄⡀ ⠉⠒⢄⡀
       Dagelijks functioneren 9,0 ⢠⣒⣍⠤⠔⡒⠋⠁ ⠄⠂⠁⡂⠁⠊⠦⢄⠁⠂⡀ ⠈⠑⣢ Mentaal welbevinden 6,0
                                  ⢸ ⠱⡂⠅⡀⠄⠂⠁ ⢀⠠⡂⠄⡀ ⠁⠓⢦⣄⠅⡂⠁⢸
                                  ⢸  ⣳ ⡂⠁⠢⠔⠈⢀⠠⡆⡀ ⠁⠦⠂⠁⣣ ⡂ ⢸
                                  ⢸  ⡂⢣⡂ ⠨ ⠩⠂⠄⡂⠄⠫⠁⠨  ⡺⡀⡂ ⢸
                                  ⢸  ⡂⠈⣆ ⠨⢀⡬⠖⡉⡊⢑⠪⣄⠨  ⡂⢇⡂ ⢸
                                  ⢸  ⡂ ⡪⡶⠊⠃⠄⡀ ⡋⢀⠠⠐⠉⠢⢄⡂⢸⡂ ⢸
                                  ⢸⡀⠄⠂⠅⡀⠁⠂⠄  ⠁⡊   ⠄⠂⠁⡉⠷⡧⠄⣸
                      Meedoen 5,5 ⠈⠒⠤⣀  ⠂⠄⡀⠁⠂⠄⡂⠄⠂⠁⡀⠄⠂ ⢀⡠⠔⠊ Zingeving 8,1
                                      ⠑⠢⢄⡀ ⠁⠄⡀⡂⡀⠄⠁ ⣀⠤⠒⠁
                                         ⠈⠑⠤⣀ ⡃⢀⡠⠔⠉
                                             ⠉⠊⠁
                                    Kwaliteit van leven –
      """
    #expect(buffer.text == expected)
  }

  /// The web is solid, a dashed overlay has gaps, a dotted one more: the lines differ without colour.
  @Test func overlaysDifferInLineStyle() {
    func dots(_ web: SpiderWebView) -> Int {
      var buffer = ScreenBuffer(width: 60, height: 24)
      web.draw(into: &buffer, frame: Rect(x: 0, y: 0, width: 60, height: 24))
      return buffer.text.unicodeScalars.reduce(0) { total, scalar in
        (0x2800 ... 0x28FF).contains(scalar.value) ? total + (scalar.value - 0x2800).nonzeroBitCount : total
      }
    }
    let empty = Self.sample.map { SpiderWebView.Axis(label: $0.label, score: nil) }
    let scores: [Double?] = Array(repeating: 9, count: empty.count)
    let base = dots(SpiderWebView(axes: empty, ascii: false))
    let solid = dots(SpiderWebView(axes: empty, ascii: false, overlay: scores)) - base
    let dashed = dots(SpiderWebView(axes: empty, ascii: false, overlay: scores, dashedOverlay: true)) - base
    let dotted = dots(SpiderWebView(axes: empty, ascii: false, dottedOverlay: scores)) - base
    #expect(solid > 0 && dashed < solid * 4 / 5 && dashed > solid / 2, "dashed \(dashed) of solid \(solid)")
    #expect(dotted < dashed * 2 / 3, "dotted \(dotted), dashed \(dashed)")
  }
}
