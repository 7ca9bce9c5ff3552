import Testing
@testable import WijkwebTUI

struct BrailleCanvasTests {
  /// The braille character for a bit mask.
  static func braille(_ mask: UInt32) -> Character {
    guard let scalar = Unicode.Scalar(0x2800 + mask) else { return "?" }
    return Character(scalar)
  }

  @Test func sizesInDots() {
    let canvas = BrailleCanvas(columns: 3, rows: 2)
    #expect(canvas.dotWidth == 6)
    #expect(canvas.dotHeight == 8)
    let ascii = BrailleCanvas(columns: 3, rows: 2, ascii: true)
    #expect(ascii.dotWidth == 3)
    #expect(ascii.dotHeight == 2)
  }

  @Test func eachDotHasItsBit() {
    let bits: [(x: Int, y: Int, bit: UInt32)] = [
      (0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (0, 3, 0x40),
      (1, 0, 0x08), (1, 1, 0x10), (1, 2, 0x20), (1, 3, 0x80),
    ]
    for (x, y, bit) in bits {
      var canvas = BrailleCanvas(columns: 1, rows: 1)
      canvas.set(x: x, y: y, layer: .grid)
      #expect(canvas.character(column: 0, row: 0) == Self.braille(bit), "dot (\(x), \(y))")
      #expect(canvas.isSet(x: x, y: y))
      #expect(canvas.isSet(x: x, y: y, layer: .grid))
      #expect(!canvas.isSet(x: x, y: y, layer: .web))
    }
  }

  @Test func dotsInLaterCellsUseTheSameBits() {
    var canvas = BrailleCanvas(columns: 2, rows: 2)
    canvas.set(x: 3, y: 7, layer: .grid)
    canvas.set(x: 2, y: 4, layer: .grid)
    #expect(canvas.character(column: 1, row: 1) == Self.braille(0x81))
    #expect(canvas.character(column: 0, row: 0) == nil)
  }

  @Test func allEightDotsMakeAFullCell() {
    var canvas = BrailleCanvas(columns: 1, rows: 1)
    for x in 0 ..< 2 {
      for y in 0 ..< 4 { canvas.set(x: x, y: y, layer: .grid) }
    }
    #expect(canvas.character(column: 0, row: 0) == "⣿")
  }

  @Test func horizontalLine() {
    var canvas = BrailleCanvas(columns: 3, rows: 1)
    canvas.line(from: (0, 0), to: (5, 0), layer: .grid)
    var buffer = ScreenBuffer(width: 3, height: 1)
    canvas.draw(into: &buffer, at: Point(x: 0, y: 0), styles: [.grid: .muted])
    #expect(buffer.text == "⠉⠉⠉")
  }

  @Test func horizontalLineRoundsItsEndPoints() {
    var canvas = BrailleCanvas(columns: 2, rows: 1)
    canvas.line(from: (0.4, 0.6), to: (2.6, 1.4), layer: .grid)
    var buffer = ScreenBuffer(width: 2, height: 1)
    canvas.draw(into: &buffer, at: Point(x: 0, y: 0), styles: [:])
    #expect(buffer.text == "⠒⠒")
  }

  @Test func diagonalLine() {
    var canvas = BrailleCanvas(columns: 2, rows: 1)
    canvas.line(from: (0, 0), to: (3, 3), layer: .web)
    var buffer = ScreenBuffer(width: 2, height: 1)
    canvas.draw(into: &buffer, at: Point(x: 0, y: 0), styles: [.web: .web])
    // Dots (0,0) and (1,1) in the first cell, (2,2) and (3,3) in the second.
    #expect(buffer.text == "⠑⢄")
    #expect(buffer[0, 0].style == .web)
  }

  @Test func dottedLineSetsEveryOtherDot() {
    var canvas = BrailleCanvas(columns: 4, rows: 1)
    canvas.line(from: (0, 0), to: (7, 0), layer: .grid, every: 2)
    #expect((0 ..< 8).map { canvas.isSet(x: $0, y: 0) } == [true, false, true, false, true, false, true, false])
  }

  @Test func outOfRangeDotsAreIgnored() {
    var canvas = BrailleCanvas(columns: 1, rows: 1)
    canvas.set(x: -1, y: 0, layer: .grid)
    canvas.set(x: 2, y: 0, layer: .grid)
    canvas.set(x: 0, y: -1, layer: .web)
    canvas.set(x: 0, y: 4, layer: .web)
    #expect(canvas == BrailleCanvas(columns: 1, rows: 1))
    #expect(canvas.character(column: 0, row: 0) == nil)
    #expect(canvas.character(column: 5, row: 5) == nil)
    #expect(!canvas.isSet(x: 9, y: 9))
  }

  @Test func lineLeavingTheCanvasKeepsItsInsidePart() {
    var canvas = BrailleCanvas(columns: 2, rows: 1)
    canvas.line(from: (-10, 0), to: (10, 0), layer: .grid)
    #expect(canvas.character(column: 0, row: 0) == Self.braille(0x09))
    #expect(canvas.character(column: 1, row: 0) == Self.braille(0x09))
    canvas.line(from: (.nan, 0), to: (1, .infinity), layer: .web)
    #expect(canvas.topLayer(column: 0, row: 0) == .grid)
  }

  @Test func webLayerWinsTheStyleAndDotsCombine() {
    var canvas = BrailleCanvas(columns: 2, rows: 1)
    canvas.set(x: 0, y: 0, layer: .grid)
    canvas.set(x: 1, y: 3, layer: .web)
    canvas.set(x: 2, y: 0, layer: .grid)
    var buffer = ScreenBuffer(width: 2, height: 1)
    canvas.draw(into: &buffer, at: Point(x: 0, y: 0), styles: [.grid: .muted, .web: .web])
    #expect(buffer[0, 0] == ScreenBuffer.Cell(Self.braille(0x81), style: .web))
    #expect(buffer[1, 0] == ScreenBuffer.Cell(Self.braille(0x01), style: .muted))
    #expect(BrailleCanvas.Layer.grid < BrailleCanvas.Layer.web)
  }

  @Test func drawWritesOnlyNonEmptyCellsAtTheOrigin() {
    var canvas = BrailleCanvas(columns: 3, rows: 2)
    canvas.set(x: 2, y: 5, layer: .grid)
    var buffer = ScreenBuffer(width: 5, height: 4)
    for y in 0 ..< 4 { buffer.put("xxxxx", x: 0, y: y) }
    canvas.draw(into: &buffer, at: Point(x: 1, y: 1), styles: [.grid: .muted])
    #expect(buffer.lines == ["xxxxx", "xxxxx", "xx\u{2802}xx", "xxxxx"])
    #expect(buffer[2, 2].style == .muted)
  }

  @Test func drawClipsAtTheBufferEdge() {
    var canvas = BrailleCanvas(columns: 3, rows: 1)
    canvas.line(from: (0, 0), to: (5, 0), layer: .grid)
    var buffer = ScreenBuffer(width: 2, height: 1)
    canvas.draw(into: &buffer, at: Point(x: -1, y: 0), styles: [:])
    #expect(buffer.text == "⠉⠉")
  }

  @Test func asciiModeUsesOneCellPerDot() {
    var canvas = BrailleCanvas(columns: 4, rows: 2, ascii: true)
    canvas.line(from: (0, 0), to: (3, 0), layer: .grid)
    canvas.set(x: 2, y: 0, layer: .web)
    canvas.set(x: 1, y: 1, layer: .web)
    canvas.set(x: 4, y: 1, layer: .web)
    var buffer = ScreenBuffer(width: 4, height: 2)
    canvas.draw(into: &buffer, at: Point(x: 0, y: 0), styles: [.grid: .muted, .web: .web])
    #expect(buffer.lines == ["..*.", " *"])
    #expect(buffer[2, 0].style == .web)
    #expect(buffer[0, 0].style == .muted)
  }
}
