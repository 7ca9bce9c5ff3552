/// A compact columnar copy of the part scores of up to `responsesPerBlock` consecutive responses of one
/// round: per row (one response and part) the area, part and packed demographics as indexes into the
/// block's own dictionaries, the six scores as fixed-point histogram bins (score × 420, as
/// `ScoreAccumulator` stores them; `noScore` where there is none) and the response's cell-key record key.
/// It holds exactly what an unweighted profile reads, in 26 bytes a row instead of a row-store scan and a
/// join, so a profile of a million responses reads a few tens of megabytes of flat memory.
///
/// The store keeps one block per round and range of response keys and rebuilds a block whenever a part
/// score or response in its range changes; `check` rebuilds every block and compares (`Store+ScoreColumns`).
public struct ScoreColumnBlock: Sendable, Equatable {
  /// Responses per block: the store's block of a response is its key divided by this.
  public static let responsesPerBlock: Int64 = 1 << 14
  /// The bin of a missing or NaN score.
  public static let noScore: UInt16 = .max
  /// The encoding's first bytes ("WSC" and a version).
  static let magic: [UInt8] = [0x57, 0x53, 0x43, 0x01]

  /// The distinct area codes of the block (nil: a response without an area), in order of first use.
  public private(set) var areaCodes: [String?] = []
  public private(set) var partIDs: [String] = []
  /// The distinct packed demographics (`AnswerCodec`), for breakdowns.
  public private(set) var demographics: [String] = []
  public private(set) var areas: [UInt16] = []
  public private(set) var parts: [UInt16] = []
  public private(set) var demographicIndexes: [UInt16] = []
  /// Six bins per row, row after row.
  public private(set) var bins: [UInt16] = []
  public private(set) var recordKeys: [UInt64] = []

  private var areaIndex: [String?: UInt16] = [:]
  private var partIndex: [String: UInt16] = [:]
  private var demographicIndex: [String: UInt16] = [:]

  public init() {}

  public var rowCount: Int { recordKeys.count }

  /// A dictionary grew past 65 535 entries: the block cannot hold the row (the caller reads the rows instead).
  public struct Overflow: Error {}

  /// Appends one response's scores in one part (six scores in `Dimension.allCases` order; fewer are missing).
  public mutating func append(areaCode: String?, partID: String, scores: [Double?], packedDemographics: String, recordKey: UInt64) throws {
    let area = try Self.index(areaCode, in: &areaCodes, &areaIndex)
    let part = try Self.index(partID, in: &partIDs, &partIndex)
    let demographic = try Self.index(packedDemographics, in: &demographics, &demographicIndex)
    areas.append(area)
    parts.append(part)
    demographicIndexes.append(demographic)
    for dimension in 0 ..< 6 {
      let score = dimension < scores.count ? scores[dimension] : nil
      bins.append(score.flatMap { ScoreAccumulator.binIndex($0) }.map { UInt16($0) } ?? Self.noScore)
    }
    recordKeys.append(recordKey)
  }

  private static func index<Key: Hashable>(_ key: Key, in list: inout [Key], _ lookup: inout [Key: UInt16]) throws -> UInt16 {
    if let found = lookup[key] { return found }
    guard list.count < Int(UInt16.max) else { throw Overflow() }
    let index = UInt16(list.count)
    list.append(key)
    lookup[key] = index
    return index
  }

  // MARK: Encoding

  /// The block as bytes: the magic, the three dictionaries (a count, then each entry as a length and UTF-8;
  /// length 0xFFFFFFFF for no area), the row count, then each column in turn, little-endian.
  public func encoded() -> [UInt8] {
    var bytes = Self.magic
    bytes.reserveCapacity(64 + rowCount * 25)
    func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    func putText(_ text: String?) {
      guard let text else { return put32(.max) }
      put32(UInt32(text.utf8.count))
      bytes.append(contentsOf: text.utf8)
    }
    put32(UInt32(areaCodes.count))
    areaCodes.forEach(putText)
    put32(UInt32(partIDs.count))
    partIDs.forEach(putText)
    put32(UInt32(demographics.count))
    demographics.forEach(putText)
    put32(UInt32(rowCount))
    for column in [areas, parts, demographicIndexes, bins] {
      column.withUnsafeBufferPointer { buffer in
        for value in buffer { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
      }
    }
    for key in recordKeys { withUnsafeBytes(of: key.littleEndian) { bytes.append(contentsOf: $0) } }
    return bytes
  }

  /// A block from `encoded()`, or nil when the bytes are not one (damaged or crafted: every index is checked).
  public init?(encoded bytes: UnsafeRawBufferPointer) {
    var reader = Reader(bytes: bytes)
    guard reader.take(4).map(Array.init) == Self.magic else { return nil }
    guard let areaCodes = reader.texts(optional: true), let partIDs = reader.texts(optional: false),
          let demographics = reader.texts(optional: false), let count = reader.u32().map(Int.init) else { return nil }
    self.areaCodes = areaCodes
    self.partIDs = partIDs.map { $0 ?? "" }
    self.demographics = demographics.map { $0 ?? "" }
    guard let areas = reader.u16s(count, below: areaCodes.count), let parts = reader.u16s(count, below: partIDs.count),
          let demographicIndexes = reader.u16s(count, below: demographics.count),
          let bins = reader.u16s(count * 6, below: nil), let keys = reader.u64s(count), reader.atEnd else { return nil }
    guard bins.allSatisfy({ $0 == Self.noScore || Int($0) <= 10 * ScoreAccumulator.resolution }) else { return nil }
    self.areas = areas
    self.parts = parts
    self.demographicIndexes = demographicIndexes
    self.bins = bins
    recordKeys = keys
  }

  public static func == (a: ScoreColumnBlock, b: ScoreColumnBlock) -> Bool {
    a.areaCodes == b.areaCodes && a.partIDs == b.partIDs && a.demographics == b.demographics && a.areas == b.areas
      && a.parts == b.parts && a.demographicIndexes == b.demographicIndexes && a.bins == b.bins && a.recordKeys == b.recordKeys
  }

  private struct Reader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
      guard count >= 0, count <= bytes.count - offset else { return nil }
      defer { offset += count }
      return UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + count])
    }

    mutating func u32() -> UInt32? {
      take(4).map { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
    }

    mutating func texts(optional: Bool) -> [String?]? {
      guard let count = u32(), Int(count) <= bytes.count - offset else { return nil }
      var texts: [String?] = []
      texts.reserveCapacity(Int(count))
      for _ in 0 ..< count {
        guard let length = u32() else { return nil }
        if length == .max {
          guard optional else { return nil }
          texts.append(nil)
          continue
        }
        guard let utf8 = take(Int(length)), let text = String(validating: utf8, as: UTF8.self) else { return nil }
        texts.append(text)
      }
      return texts
    }

    mutating func u16s(_ count: Int, below limit: Int?) -> [UInt16]? {
      guard count <= (bytes.count - offset) / 2, let raw = take(count * 2) else { return nil }
      let values = (0 ..< count).map { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 2, as: UInt16.self)) }
      if let limit, values.contains(where: { Int($0) >= limit }) { return nil }
      return values
    }

    mutating func u64s(_ count: Int) -> [UInt64]? {
      guard count <= (bytes.count - offset) / 8, let raw = take(count * 8) else { return nil }
      return (0 ..< count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
    }
  }
}
