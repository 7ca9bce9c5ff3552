/// Aggregates part scores in one pass into accumulators per area, part, dimension and category, and
/// rolls them up the area hierarchy. Memory depends on the number of areas, not on the responses.
public struct ProfileAggregator: Sendable {
  public let tree: AreaTree
  public let partIDs: [String]
  /// The breakdown's categories (choice ids); the cells of category 0 hold everyone.
  public let categories: [String]
  private let partIndex: [String: Int]
  private let categoryIndex: [String: Int]
  private var cells: [ScoreAccumulator]
  /// Scores of weight 1 counted per cell and histogram bin, moved into `cells` at the end: a count is far
  /// cheaper than a histogram update per score. A cell's counts are `Self.bins` entries from
  /// `stagedStart[cell]` in `staged`, added with the cell's first score (-1: none yet).
  private var staged: [UInt32] = []
  private var stagedStart: [Int]
  /// Whether weight-1 scores still go to `staged`. The first other weight moves the staged counts into
  /// `cells` and ends staging, so weighted sums are added in the same order as without it.
  private var staging = true
  /// Per cell, the sum (modulo 2^64) of the record keys of its scores; moved into `cells` at the end.
  private var keySums: [UInt64]
  /// Per area, part and category (`stride` entries from `respondentOffset`): the respondents with at least
  /// one score in the part, and the sum of their record keys (the cell key of the respondents cell).
  private var respondents: [RespondentCount]
  /// Part score rows whose area is not in the hierarchy.
  public private(set) var unplaced = 0

  public init(tree: AreaTree, partIDs: [String], categories: [String] = []) {
    self.tree = tree
    self.partIDs = partIDs
    self.categories = categories
    partIndex = Dictionary(partIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    categoryIndex = Dictionary(categories.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
    cells = Array(repeating: ScoreAccumulator(), count: tree.areas.count * partIDs.count * 6 * (categories.count + 1))
    stagedStart = Array(repeating: -1, count: cells.count)
    keySums = Array(repeating: 0, count: cells.count)
    respondents = Array(repeating: RespondentCount(), count: tree.areas.count * partIDs.count * (categories.count + 1))
    // Room for every cell up front, so growing never copies; only the pages of cells in use are touched.
    staged.reserveCapacity(cells.count * Self.bins)
  }

  private static let bins = 10 * ScoreAccumulator.resolution + 1

  private var stride: Int { categories.count + 1 }

  private func offset(area: Int, part: Int, dimension: Int) -> Int {
    ((area * partIDs.count + part) * 6 + dimension) * stride
  }

  private func respondentOffset(area: Int, part: Int) -> Int {
    (area * partIDs.count + part) * stride
  }

  /// Adds one response's scores in one part to its own area (not yet to the areas above it).
  /// `recordKey` is the response's key for the cell-key method (`CellKey.recordKey(responseID:)`).
  public mutating func add(
    areaCode: String?, partID: String, scores: [Double?], category: String?, weight: Double = 1, recordKey: UInt64 = 0
  ) {
    guard let code = areaCode, let area = tree.index[code], let part = partIndex[partID] else {
      unplaced += 1
      return
    }
    let categoryOffset = category.flatMap { categoryIndex[$0] }
    if staging, weight != 1 { moveStaged() }
    if weight.isFinite, weight > 0, scores.prefix(6).contains(where: { $0.map { !$0.isNaN } ?? false }) {
      let base = respondentOffset(area: area, part: part)
      respondents[base].add(recordKey)
      if let categoryOffset { respondents[base + categoryOffset].add(recordKey) }
    }
    for dimension in 0 ..< min(6, scores.count) {
      guard let score = scores[dimension] else { continue }
      let base = offset(area: area, part: part, dimension: dimension)
      guard !score.isNaN, weight.isFinite, weight > 0 else { continue }
      keySums[base] &+= recordKey
      if let categoryOffset { keySums[base + categoryOffset] &+= recordKey }
      if staging {
        guard let bin = ScoreAccumulator.binIndex(score) else { continue }
        stage(bin, in: base)
        if let categoryOffset { stage(bin, in: base + categoryOffset) }
      } else {
        cells[base].add(score, weight: weight)
        if let categoryOffset { cells[base + categoryOffset].add(score, weight: weight) }
      }
    }
  }

  /// Adds every row of a columnar block, each with weight 1: the same totals as `add` for each row (with
  /// `breakdown`, the question whose answer in the row's packed demographics is its category).
  public mutating func add(block: ScoreColumnBlock, breakdown: String?) {
    if !staging {
      // Weighted scores came first: add row by row in the order given, as `add` would.
      for row in 0 ..< block.rowCount {
        let scores = (0 ..< 6).map { dimension -> Double? in
          let bin = block.bins[row * 6 + dimension]
          return bin == ScoreColumnBlock.noScore ? nil : Double(bin) / Double(ScoreAccumulator.resolution)
        }
        let packed = block.demographics[Int(block.demographicIndexes[row])]
        add(areaCode: block.areaCodes[Int(block.areas[row])], partID: block.partIDs[Int(block.parts[row])], scores: scores,
            category: breakdown.flatMap { AnswerCodec.choice(in: packed, question: $0) }, recordKey: block.recordKeys[row])
      }
      return
    }
    let areaOf = block.areaCodes.map { code in code.flatMap { tree.index[$0] } ?? -1 }
    let partOf = block.partIDs.map { partIndex[$0] ?? -1 }
    let categoryOf = block.demographics.map { packed -> Int in
      guard let breakdown, let choice = AnswerCodec.choice(in: packed, question: breakdown) else { return 0 }
      return categoryIndex[choice] ?? 0
    }
    block.areas.withUnsafeBufferPointer { areas in
      block.parts.withUnsafeBufferPointer { parts in
        block.demographicIndexes.withUnsafeBufferPointer { demographics in
          block.bins.withUnsafeBufferPointer { bins in
            block.recordKeys.withUnsafeBufferPointer { keys in
              for row in 0 ..< keys.count {
                let area = areaOf[Int(areas[row])], part = partOf[Int(parts[row])]
                guard area >= 0, part >= 0 else {
                  unplaced += 1
                  continue
                }
                let category = categoryOf[Int(demographics[row])]
                let recordKey = keys[row]
                var scored = false
                for dimension in 0 ..< 6 {
                  let bin = bins[row * 6 + dimension]
                  guard bin != ScoreColumnBlock.noScore else { continue }
                  scored = true
                  let base = offset(area: area, part: part, dimension: dimension)
                  keySums[base] &+= recordKey
                  stage(Int32(bin), in: base)
                  if category > 0 {
                    keySums[base + category] &+= recordKey
                    stage(Int32(bin), in: base + category)
                  }
                }
                if scored {
                  let base = respondentOffset(area: area, part: part)
                  respondents[base].add(recordKey)
                  if category > 0 { respondents[base + category].add(recordKey) }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Adds `count` scores of weight 1 that fell in histogram bin `binIndex` (score × 420, rounded half away
  /// from zero, clamped into 0...10) of one dimension, with the sum (modulo 2^64) of their responses'
  /// record keys: what a database that groups the scores itself (`GROUP BY`) hands over instead of rows.
  /// The same scores added one by one with `add` give the same totals.
  public mutating func add(
    areaCode: String?, partID: String, category: String?, dimension: Int, binIndex: Int32, count: Int, recordKeySum: UInt64
  ) {
    guard let code = areaCode, let area = tree.index[code], let part = partIndex[partID], (0 ..< 6).contains(dimension),
          (0 ... Int32(10 * ScoreAccumulator.resolution)).contains(binIndex), count > 0 else {
      unplaced += 1
      return
    }
    let base = offset(area: area, part: part, dimension: dimension)
    let categoryOffset = category.flatMap { categoryIndex[$0] }
    keySums[base] &+= recordKeySum
    if let categoryOffset { keySums[base + categoryOffset] &+= recordKeySum }
    if staging {
      stage(binIndex, in: base, count: UInt32(clamping: count))
      if let categoryOffset { stage(binIndex, in: base + categoryOffset, count: UInt32(clamping: count)) }
    } else {
      cells[base].add(binIndex: binIndex, count: count)
      if let categoryOffset { cells[base + categoryOffset].add(binIndex: binIndex, count: count) }
    }
  }

  /// Adds `count` respondents of an area, part and breakdown category (those with at least one score in
  /// the part) with the sum (modulo 2^64) of their record keys, as a database that groups them hands them over.
  public mutating func addRespondents(areaCode: String?, partID: String, category: String?, count: Int, recordKeySum: UInt64) {
    guard let code = areaCode, let area = tree.index[code], let part = partIndex[partID], count > 0 else { return }
    let base = respondentOffset(area: area, part: part)
    respondents[base].merge(RespondentCount(count: count, recordKeySum: recordKeySum))
    if let categoryOffset = category.flatMap({ categoryIndex[$0] }) {
      respondents[base + categoryOffset].merge(RespondentCount(count: count, recordKeySum: recordKeySum))
    }
  }

  private mutating func stage(_ bin: Int32, in cell: Int, count: UInt32 = 1) {
    var start = stagedStart[cell]
    if start < 0 {
      start = staged.count
      stagedStart[cell] = start
      staged.append(contentsOf: repeatElement(0, count: Self.bins))
    }
    staged[start + Int(bin)] += count
  }

  /// Moves the staged counts into `cells` and ends staging.
  private mutating func moveStaged() {
    addStaged(to: &cells)
    staged = []
    stagedStart = Array(repeating: -1, count: cells.count)
    staging = false
  }

  private func addStaged(to cells: inout [ScoreAccumulator]) {
    for (cell, start) in stagedStart.enumerated() where start >= 0 {
      for bin in 0 ..< Self.bins where staged[start + bin] > 0 {
        cells[cell].add(binIndex: Int32(bin), count: Int(staged[start + bin]))
      }
    }
  }

  /// Each area's accumulators including everything below it.
  public func rolledUp() -> ProfileTotals {
    var totals = cells
    var people = respondents
    addStaged(to: &totals)
    for cell in totals.indices { totals[cell].addRecordKeys(keySums[cell]) }
    // Children come after their parents in `tree.areas`, so walking backwards adds each area's
    // complete total to its parent.
    for area in tree.areas.indices.reversed() {
      guard let parent = tree.parent[area] else { continue }
      for part in partIDs.indices {
        for dimension in 0 ..< 6 {
          let from = offset(area: area, part: part, dimension: dimension)
          let to = offset(area: parent, part: part, dimension: dimension)
          for category in 0 ..< stride { totals[to + category].merge(totals[from + category]) }
        }
        let from = respondentOffset(area: area, part: part), to = respondentOffset(area: parent, part: part)
        for category in 0 ..< stride { people[to + category].merge(people[from + category]) }
      }
    }
    return ProfileTotals(tree: tree, partIDs: partIDs, categories: categories, cells: totals, respondents: people)
  }
}

/// Rolled-up accumulators: everything in an area and below it.
public struct ProfileTotals: Sendable {
  public let tree: AreaTree
  public let partIDs: [String]
  public let categories: [String]
  let cells: [ScoreAccumulator]
  /// Per area, part and category: the respondents with at least one score in the part.
  let respondents: [RespondentCount]

  /// The respondents of an area in a part (with at least one score there); `category` nil for everyone.
  public func respondents(area: Int, part: Int, category: Int? = nil) -> RespondentCount {
    respondents[(area * partIDs.count + part) * (categories.count + 1) + (category.map { $0 + 1 } ?? 0)]
  }

  /// The accumulator of an area, part and dimension; `category` nil for everyone.
  public func accumulator(area: Int, part: Int, dimension: Int, category: Int? = nil) -> ScoreAccumulator {
    let stride = categories.count + 1
    return cells[((area * partIDs.count + part) * 6 + dimension) * stride + (category.map { $0 + 1 } ?? 0)]
  }
}

extension ProfileTotals {
  /// Totals whose cells for an area come from `source(area)` (totals with the same tree, parts and
  /// categories), or stay this one's where it gives nil. Used for weighted profiles, where the areas of
  /// each level are raked to their own margins.
  public func replacing(areas source: (Int) -> ProfileTotals?) -> ProfileTotals {
    var result = cells
    let block = partIDs.count * 6 * (categories.count + 1)
    for area in tree.areas.indices {
      guard let from = source(area), from.cells.count == cells.count else { continue }
      for cell in area * block ..< (area + 1) * block { result[cell] = from.cells[cell] }
    }
    return ProfileTotals(tree: tree, partIDs: partIDs, categories: categories, cells: result, respondents: respondents)
  }
}

/// How many respondents a group has, and the sum (modulo 2^64) of their record keys: its cell key.
public struct RespondentCount: Sendable, Equatable {
  public private(set) var count = 0
  public private(set) var recordKeySum: UInt64 = 0

  public init() {}

  public init(count: Int, recordKeySum: UInt64) {
    self.count = count
    self.recordKeySum = recordKeySum
  }

  mutating func add(_ recordKey: UInt64) {
    count += 1
    recordKeySum &+= recordKey
  }

  mutating func merge(_ other: RespondentCount) {
    count += other.count
    recordKeySum &+= other.recordKeySum
  }

  /// The count as published under the cell-key method, or nil when the group must stay hidden (fewer than
  /// `minimum` respondents, or a perturbed count below it). The same group of respondents gets the same
  /// count as its dimension figures when everyone answered that dimension (same members, same cell key).
  public func published(minimum: Int) -> Int? {
    guard count >= minimum else { return nil }
    let n = CellKey.perturbedCount(count, cellKey: recordKeySum)
    return n >= minimum ? n : nil
  }
}
