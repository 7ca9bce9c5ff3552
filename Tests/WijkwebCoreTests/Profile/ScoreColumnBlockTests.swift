import Testing
@testable import WijkwebCore

/// The columnar copy of the part scores: what it encodes reads back the same, crafted bytes are refused,
/// and a profile aggregated from blocks has exactly the totals of adding the rows one by one.
@Suite struct ScoreColumnBlockTests {
  static let areas = [
    Area(code: "G", level: .gemeente, name: "G", parentCode: nil),
    Area(code: "W1", level: .wijk, name: "W1", parentCode: "G"),
    Area(code: "W2", level: .wijk, name: "W2", parentCode: "G"),
    Area(code: "B1", level: .buurt, name: "B1", parentCode: "W1"),
  ]

  struct Row {
    var area: String?
    var part: String
    var scores: [Double?]
    var demographics: String
    var key: UInt64
  }

  /// Deterministic rows: scores in steps of 1/7 and 1/3, some missing or NaN, some areas and parts unknown.
  static func rows(_ count: Int = 900) -> [Row] {
    var random = SeededRandom(seed: 5)
    return (0 ..< count).map { index in
      let scores: [Double?] = (0 ..< 6).map { _ in
        switch random.next() % 12 {
        case 0: return nil
        case 1: return .nan
        case 2: return Double(random.next() % 31) / 3
        default: return Double(random.next() % 71) / 7
        }
      }
      let area: String? = [nil, "W1", "W2", "B1", "B1", "ELDERS"][Int(random.next() % 6)]
      let demographics = ["age=18-24;sex=vrouw", "age=65+;sex=man", "sex=man", "", "age=;sex=x"][Int(random.next() % 5)]
      return Row(area: area, part: ["health", "neighbourhood", "other"][index % 3 == 2 ? Int(random.next() % 3) : index % 2],
                 scores: scores, demographics: demographics, key: random.next())
    }
  }

  static func block(_ rows: [Row]) throws -> ScoreColumnBlock {
    var block = ScoreColumnBlock()
    for row in rows {
      try block.append(areaCode: row.area, partID: row.part, scores: row.scores, packedDemographics: row.demographics, recordKey: row.key)
    }
    return block
  }

  @Test func encodedBlocksReadBackTheSame() throws {
    let block = try Self.block(Self.rows())
    let bytes = block.encoded()
    #expect(bytes.count <= 300 + block.rowCount * 26, "26 bytes a row and the dictionaries")
    let decoded = try #require(bytes.withUnsafeBytes { ScoreColumnBlock(encoded: $0) })
    #expect(decoded == block)
    #expect(decoded.areaCodes.contains(nil), "a response without an area keeps no area")
    #expect(decoded.bins.contains(ScoreColumnBlock.noScore))
    #expect(try Self.block([]).encoded().withUnsafeBytes { ScoreColumnBlock(encoded: $0) } == ScoreColumnBlock())
  }

  @Test func craftedBytesAreRefused() throws {
    let bytes = try Self.block(Self.rows(50)).encoded()
    // Every truncation, a byte too many, and a wrong magic.
    for length in stride(from: 0, to: bytes.count, by: 7) {
      #expect(Array(bytes.prefix(length)).withUnsafeBytes { ScoreColumnBlock(encoded: $0) } == nil)
    }
    #expect((bytes + [0]).withUnsafeBytes { ScoreColumnBlock(encoded: $0) } == nil)
    var magic = bytes
    magic[3] = 2
    #expect(magic.withUnsafeBytes { ScoreColumnBlock(encoded: $0) } == nil)
    // An area index past the dictionary, and a bin past 10 points.
    var block = ScoreColumnBlock()
    try block.append(areaCode: "W1", partID: "health", scores: [1, 2, 3, 4, 5, 6], packedDemographics: "", recordKey: 1)
    var encoded = block.encoded()
    let rows = encoded.count - 8 - 12 - 2 - 2 - 2
    encoded[rows] = 9
    #expect(encoded.withUnsafeBytes { ScoreColumnBlock(encoded: $0) } == nil, "area index 9 of one area")
    encoded = block.encoded()
    let bin = encoded.count - 8 - 12
    encoded[bin] = 0x70
    encoded[bin + 1] = 0x10
    #expect(encoded.withUnsafeBytes { ScoreColumnBlock(encoded: $0) } == nil, "bin 4208 is above 10 points")
  }

  @Test func aggregatingBlocksGivesTheTotalsOfTheRows() throws {
    let tree = AreaTree(areas: Self.areas)
    let rows = Self.rows()
    for breakdown in [nil, "age"] as [String?] {
      let categories = breakdown == nil ? [] : ["18-24", "65+"]
      var byRow = ProfileAggregator(tree: tree, partIDs: ["health", "neighbourhood"], categories: categories)
      for row in rows {
        byRow.add(areaCode: row.area, partID: row.part, scores: row.scores,
                  category: breakdown.flatMap { AnswerCodec.choice(in: row.demographics, question: $0) }, recordKey: row.key)
      }
      var byBlock = ProfileAggregator(tree: tree, partIDs: ["health", "neighbourhood"], categories: categories)
      // Split over blocks of different sizes: the totals do not depend on where one ends.
      for range in [0 ..< 100, 100 ..< 101, 101 ..< 600, 600 ..< rows.count] {
        byBlock.add(block: try Self.block(Array(rows[range])), breakdown: breakdown)
      }
      #expect(byBlock.unplaced == byRow.unplaced && byRow.unplaced > 0)
      let expected = byRow.rolledUp(), actual = byBlock.rolledUp()
      #expect(actual.cells == expected.cells)
      #expect(actual.respondents == expected.respondents)
      #expect(expected.accumulator(area: 0, part: 0, dimension: 0).count > 100, "the gemeente holds the rows")
    }
  }

  @Test func tooManyDistinctValuesAreRefusedNotWrapped() throws {
    var block = ScoreColumnBlock()
    for index in 0 ..< 65_535 {
      try block.append(areaCode: "A\(index)", partID: "p", scores: [], packedDemographics: "", recordKey: 0)
    }
    #expect(throws: ScoreColumnBlock.Overflow.self) {
      try block.append(areaCode: "one more", partID: "p", scores: [], packedDemographics: "", recordKey: 0)
    }
    #expect(block.rowCount == 65_535)
  }
}
