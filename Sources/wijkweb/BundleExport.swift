import WijkwebCore
import WijkwebFiles
import WijkwebStore

/// Writes a bundle file while its records are read from the database, in memory that does not grow
/// with the number of responses. The manifest (second line) carries the records' checksum and counts, so
/// the record lines go first to a `SpillFile` in the target's folder; then the first lines, the record
/// lines and the end line go, encrypted when a passphrase is given, through the atomic writer. The bytes
/// are those of `BundleFormat.encode` (and `BundleSeal.seal`) of the same contents.
enum BundleExport {
  /// What was written: the records by kind and the rounds' names.
  struct Written {
    var counts: BundleCounts
    var rounds: [String]
  }

  static func write(store: Store, rounds: [String], since: String?, reviews: ReviewSection?, passphrase: String?,
                    to path: String) throws -> Written {
    let file = try AtomicFile(path: path)
    do {
      let spill = try SpillFile(folder: file.folder)
      var stream = BundleStreamEncoder()
      var header = try store.forEachBundleRecord(rounds: rounds, since: since) { record in
        try spill.write(try stream.line(for: record))
      }
      header.reviews = reviews
      // Signed by this laptop's device key: the team's machines take nothing else.
      let head = try stream.head(header, signedBy: try store.bundleSigningDevice())
      var sealer = try passphrase.map { try BundleSeal.Sealer(passphrase: $0) }
      if let sealer { try file.write(sealer.start) }
      func emit(_ plain: [UInt8]) throws {
        if sealer != nil { try file.write(try sealer!.add(plain)) } else { try file.write(plain) }
      }
      var end = BundleEndLine()
      end.add(head)
      try emit(head)
      try spill.forEachPiece { piece in
        end.add(piece)
        try emit(piece)
      }
      try emit(end.line())
      if sealer != nil { try file.write(try sealer!.finish()) }
      try file.commit()
      return Written(counts: stream.counts, rounds: stream.roundNames)
    } catch {
      file.discard()
      throw error
    }
  }
}
