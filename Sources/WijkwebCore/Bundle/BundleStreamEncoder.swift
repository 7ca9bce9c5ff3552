import Foundation
import WijkwebCrypto

/// What a bundle's manifest says besides its records: who made it and when, from when, the revocation
/// list and the certificates of the records' origin devices.
public struct BundleHeader: Hashable, Sendable {
  public var deviceID: String
  public var createdAt: String
  public var since: String?
  public var revocations: RevocationList?
  public var certificates: [DeviceCertificate]
  /// Review decisions signed by the team key, only from a machine holding it (`BundleContents.reviews`).
  public var reviews: ReviewSection?

  public init(deviceID: String, createdAt: String, since: String?, revocations: RevocationList?, certificates: [DeviceCertificate]) {
    self.deviceID = deviceID
    self.createdAt = createdAt
    self.since = since
    self.revocations = revocations
    self.certificates = certificates
  }
}

/// Writes a bundle record by record, in memory that does not grow with the number of responses: the
/// same bytes as `BundleFormat.encode` (which uses it). Each record line is made by `line(for:)`, which
/// hashes and counts it; the first two lines (`head`) carry the records' checksum, so they can be made only
/// after the last record: the caller keeps the record lines aside (a temporary file) and writes the head,
/// the record lines and the end line (`BundleEndLine`) after.
public struct BundleStreamEncoder {
  private let encoder: JSONEncoder
  private var records = SHA256.Hasher()
  /// The records given so far, by kind.
  public private(set) var counts = BundleCounts(questionnaires: 0, rounds: 0, responses: 0, reflections: 0, tombstones: 0)
  /// The names of the rounds given so far, in order.
  public private(set) var roundNames: [String] = []

  public init() {
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  }

  /// The line of one record (JSON and a line feed). Records come in the order of `BundleContents.records`:
  /// questionnaires, rounds, responses, tombstones.
  public mutating func line(for record: BundleRecord) throws -> [UInt8] {
    var line = [UInt8](try encoder.encode(record))
    line.append(BundleFormat.newline)
    records.update(line)
    switch record {
    case .questionnaire: counts.questionnaires += 1
    case .round(let round):
      counts.rounds += 1
      roundNames.append(round.name)
    case .response(let response):
      counts.responses += 1
      counts.reflections += response.reflections.count
    case .tombstone: counts.tombstones += 1
    }
    return line
  }

  /// The first line and the manifest line, after every record, signed by `device` when given.
  public mutating func head(_ header: BundleHeader, signedBy device: BundleSignature.Device? = nil) throws -> [UInt8] {
    var manifest = BundleManifest(
      format: BundleFormat.version, deviceID: header.deviceID, createdAt: header.createdAt, since: header.since,
      rounds: roundNames, counts: counts, recordsSHA256: Hex.encode(records.finish()))
    manifest.revocations = header.revocations
    manifest.certificates = header.certificates.isEmpty ? nil : header.certificates
    manifest.reviews = header.reviews
    if let device { manifest = try BundleSignature.sign(manifest, by: device) }
    var head = Array((BundleFormat.magic + "\n").utf8)
    head += try encoder.encode(manifest)
    head.append(BundleFormat.newline)
    return head
  }
}

/// The last line of a bundle: the checksum of every byte before it, given in pieces.
public struct BundleEndLine {
  private var body = SHA256.Hasher()

  public init() {}

  public mutating func add(_ bytes: [UInt8]) { body.update(bytes) }

  public mutating func add(_ bytes: UnsafeRawBufferPointer) { body.update(bytes) }

  /// The end line of everything added.
  public mutating func line() -> [UInt8] {
    Array((BundleFormat.endPrefix + Hex.encode(body.finish()) + "\n").utf8)
  }
}
