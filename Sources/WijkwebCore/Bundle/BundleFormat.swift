import Foundation
import WijkwebCrypto

/// The bundle file, version 1: UTF-8 text, one line each, every line ending in `\n`.
///
///     WIJKWEB-BUNDLE 1
///     {manifest: format, device_id, created_at, since, rounds, counts, records_sha256}
///     {"type":"questionnaire", ...}      questionnaires, then rounds, responses, tombstones
///     ...
///     WIJKWEB-BUNDLE-END <SHA-256 of every byte before this line>
///
/// The end line makes a cut-off copy and any changed byte detectable before anything is read.
/// An encrypted bundle is this text sealed with a passphrase; it starts with `sealedMagic` instead.
public enum BundleFormat {
  /// The format version this program writes and reads.
  public static let version = 1
  /// The first line of a bundle (without its newline).
  public static let magic = "WIJKWEB-BUNDLE \(version)"
  /// The first line of an encrypted bundle (without its newline).
  public static let sealedMagic = "WIJKWEB-SEALED \(version)"
  /// How the last line starts; the checksum follows.
  public static let endPrefix = "WIJKWEB-BUNDLE-END "

  /// The largest bundle this program reads: a whole round of a hundred thousand interviews is about 60 MB.
  public static let maxBytes = 512 * 1_048_576
  /// The largest record line: a questionnaire's source text is the longest record, about 40 KB.
  public static let maxRecordBytes = 1_048_576

  /// What a file looks like from its first bytes.
  public enum Kind: Sendable { case plain, sealed, unknown }

  /// Whether `bytes` start like a bundle, an encrypted bundle, or neither.
  public static func kind(of bytes: [UInt8]) -> Kind {
    if bytes.starts(with: Array((magic + "\n").utf8)) { return .plain }
    if bytes.starts(with: Array((sealedMagic + "\n").utf8)) { return .sealed }
    return .unknown
  }

  // MARK: Writing

  /// The bundle file for `contents`, signed by the device whose certificate and signer are given (a bundle
  /// without them is unsigned, as Wijkweb wrote them before signing; only tests make such bundles now).
  public static func encode(_ contents: BundleContents, signedBy device: BundleSignature.Device? = nil) throws -> [UInt8] {
    var stream = BundleStreamEncoder()
    var records: [UInt8] = []
    for record in contents.records { records += try stream.line(for: record) }
    var header = BundleHeader(deviceID: contents.deviceID, createdAt: contents.createdAt, since: contents.since,
                              revocations: contents.revocations, certificates: contents.certificates)
    header.reviews = contents.reviews
    var body = try stream.head(header, signedBy: device)
    // In place: a bundle of a whole round is tens of megabytes.
    body.reserveCapacity(body.count + records.count + endPrefix.utf8.count + 65)
    body.append(contentsOf: records)
    records = []
    var end = BundleEndLine()
    end.add(body)
    body.append(contentsOf: end.line())
    return body
  }

  // MARK: Reading

  /// Reads a bundle file, checking its first line, its end line and checksums, its manifest and
  /// every record's JSON. Does not check what the records say (see `BundleValidator`).
  public static func decode(_ bytes: [UInt8]) throws -> BundleContents { try read(bytes).contents }

  /// `decode`, with the manifest as read: its certificate and signature are checked by `BundleSignature`.
  public static func read(_ bytes: [UInt8]) throws -> (manifest: BundleManifest, contents: BundleContents) {
    let body = try checkedBody(bytes)
    var lines = body.split(separator: newline, omittingEmptySubsequences: false)
    // body ends with a newline, so the last piece is empty.
    lines.removeLast()
    guard lines.count >= 2 else {
      throw BundleProblem("has no manifest (its second line); the file was damaged. Ask the sender for a new copy of the bundle.")
    }
    let decoder = JSONDecoder()
    let manifest: BundleManifest
    do {
      manifest = try decoder.decode(BundleManifest.self, from: Data(lines[1]))
    } catch {
      throw BundleProblem("line 2, the manifest, cannot be read: \(describe(error)). Ask the sender to export the bundle again.")
    }
    guard manifest.format == version else {
      throw BundleProblem("is in bundle format \(manifest.format); this Wijkweb reads format \(version). Use the same version of Wijkweb on both laptops.")
    }
    guard !manifest.deviceID.isEmpty, manifest.deviceID.count <= BundleValidator.maxCodeLength, TerminalText.isPrintable(manifest.deviceID),
          BundleTime.isTimestamp(manifest.createdAt) else {
      throw BundleProblem("line 2, the manifest, lacks the device id or the time the bundle was made. Ask the sender to export the bundle again.")
    }
    let recordLines = lines.dropFirst(2)
    // The record lines, each with its line feed, are the rest of the body: hashed in place, not copied.
    var records = SHA256.Hasher()
    body[(recordLines.first?.startIndex ?? body.endIndex)...].withUnsafeBytes { records.update($0) }
    guard Hex.encode(records.finish()) == manifest.recordsSHA256 else {
      throw BundleProblem("its records do not match the checksum in its manifest; the file was changed after it was made. Ask the sender for a new copy.")
    }
    var contents = BundleContents(deviceID: manifest.deviceID, createdAt: manifest.createdAt, since: manifest.since,
                                  revocations: manifest.revocations)
    contents.certificates = manifest.certificates ?? []
    contents.reviews = manifest.reviews
    for (offset, line) in recordLines.enumerated() {
      let lineNumber = offset + 3
      guard line.count <= maxRecordBytes else {
        throw BundleProblem("line \(lineNumber) is \(line.count) bytes long; a record is at most \(maxRecordBytes) bytes. Ask the sender to export the bundle again.")
      }
      let record: BundleRecord
      do {
        record = try decoder.decode(BundleRecord.self, from: Data(line))
      } catch {
        throw BundleProblem("line \(lineNumber) cannot be read: \(describe(error)). Ask the sender to export the bundle again.")
      }
      switch record {
      case .questionnaire(let questionnaire): contents.questionnaires.append(questionnaire)
      case .round(let round): contents.rounds.append(round)
      case .response(let response): contents.responses.append(response)
      case .tombstone(let tombstone): contents.tombstones.append(tombstone)
      }
    }
    guard contents.counts == manifest.counts else {
      throw BundleProblem("holds \(describe(contents.counts)) but its manifest says \(describe(manifest.counts)). Ask the sender to export the bundle again.")
    }
    guard contents.rounds.map(\.name) == manifest.rounds else {
      throw BundleProblem("its rounds do not match the round names in its manifest. Ask the sender to export the bundle again.")
    }
    return (manifest, contents)
  }

  /// The bytes before the end line, after checking the first line, the end line and the checksum.
  static func checkedBody(_ bytes: [UInt8]) throws -> ArraySlice<UInt8> {
    if bytes.isEmpty { throw BundleProblem(LocalizedMessage(.bundleEmpty)) }
    if bytes.count > maxBytes {
      throw BundleProblem("is \(bytes.count / 1_048_576) MB; a bundle is at most \(maxBytes / 1_048_576) MB. Ask the sender to export it per round (--round) or in parts (--since).")
    }
    switch kind(of: bytes) {
    case .plain: break
    case .sealed: throw BundleProblem("is encrypted; it needs its passphrase.")
    case .unknown:
      let start = Array("WIJKWEB-BUNDLE ".utf8)
      if bytes.starts(with: start) {
        throw BundleProblem("is a bundle of another format than \(version): its first line is not \"\(magic)\". Use the same version of Wijkweb on both laptops, or ask for a new copy.")
      }
      throw BundleProblem(LocalizedMessage(.bundleNotABundle, magic))
    }
    guard bytes.last == newline else {
      throw BundleProblem(LocalizedMessage(.bundleNoEndLine))
    }
    let withoutLastNewline = bytes.dropLast()
    let endStart = (withoutLastNewline.lastIndex(of: newline) ?? -1) + 1
    let endLine = bytes[endStart ..< bytes.count - 1]
    let prefix = Array(endPrefix.utf8)
    guard endStart > 0, endLine.starts(with: prefix) else {
      throw BundleProblem(LocalizedMessage(.bundleEndLineMissing))
    }
    let body = bytes[0 ..< endStart]
    guard String(decoding: endLine.dropFirst(prefix.count), as: UTF8.self) == SHA256.hex(of: Array(body)) else {
      throw BundleProblem(LocalizedMessage(.bundleChecksum))
    }
    return body
  }

  static let newline = UInt8(ascii: "\n")

  static func describe(_ counts: BundleCounts) -> String {
    "\(counts.questionnaires) questionnaires, \(counts.rounds) rounds, \(counts.responses) responses, "
      + "\(counts.reflections) reflections and \(counts.tombstones) withdrawals"
  }

  /// A decoding error in words.
  static func describe(_ error: any Error) -> String {
    func field(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
    switch error as? DecodingError {
    case .keyNotFound(let key, let context)?:
      return "the field \"\(field(context.codingPath + [key]))\" is missing"
    case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
      return "the field \"\(field(context.codingPath))\" has a value of the wrong kind"
    case .dataCorrupted(let context)?:
      return context.codingPath.isEmpty ? "it is not valid JSON" : "the field \"\(field(context.codingPath))\": \(context.debugDescription)"
    default:
      return "it is not valid JSON"
    }
  }
}
