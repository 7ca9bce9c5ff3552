import Foundation
import GRDB
import WijkwebCore
import WijkwebCrypto

extension Store {
  /// This machine's device signer, inside a transaction.
  static func deviceSigner(in db: Database) throws -> Ed25519Signer {
    guard let secret = try Data.fetchOne(db, sql: "SELECT secret_key FROM device_identity WHERE id = 1") else {
      throw StoreError("This database has no device key; it was damaged. Restore a backup.", kind: .damaged)
    }
    return Ed25519Signer(secretKey: [UInt8](secret))
  }

  /// Signs the response just completed on this device with its device key (`RecordSignature`), over the
  /// content a bundle will carry. Inside the completing transaction.
  static func signCompletedResponse(_ responseID: String, in db: Database) throws {
    guard let row = try Row.fetchOne(db, sql: """
      SELECT \(bundleResponseColumns) FROM responses r JOIN rounds rd ON rd.id = r.round_id WHERE r.id = ? AND r.status = 'completed'
      """, arguments: [responseID]) else { return }
    let reflections = try Row.fetchAll(db, sql: "SELECT prompt_id, text FROM reflections WHERE response_id = ?", arguments: [responseID])
      .map { BundleReflection(promptID: $0["prompt_id"], text: $0["text"]) }
    let signed = try RecordSignature.sign(bundleResponse(row, scores: [:], reflections: reflections), by: try deviceSigner(in: db),
                                          as: RecordSignature.byDevice)
    try db.execute(sql: "UPDATE responses SET record_signature = ?, record_signer = ? WHERE id = ?",
                   arguments: [signed.signature, signed.signedBy, responseID])
  }

  /// `response` read from `row` (which selected `r.record_signature, r.record_signer`) with the signature
  /// it keeps; one completed here before record signatures, or demo data made here, is signed now by this
  /// device (`holder`), as its origin.
  static func withRecordSignature(_ response: BundleResponse, _ row: Row, holder: String, signer: Ed25519Signer) throws -> BundleResponse {
    var response = response
    response.signature = row["record_signature"]
    response.signedBy = row["record_signer"]
    if !RecordSignature.isSigned(response), let signed = try RecordSignature.signAsHolder(response, deviceID: holder, signer: signer) {
      response = signed
    }
    return response
  }

  /// Signs the withdrawal this device just entered. Inside the withdrawing transaction.
  static func signWithdrawal(_ responseID: String, in db: Database) throws {
    guard let row = try Row.fetchOne(db, sql: "SELECT response_id, withdrawn_at, device_id, receipt_code FROM tombstones WHERE response_id = ?",
                                     arguments: [responseID]) else { return }
    let tombstone = BundleTombstone(responseID: row["response_id"], withdrawnAt: row["withdrawn_at"], deviceID: row["device_id"],
                                    receiptCode: row["receipt_code"])
    let signed = try RecordSignature.sign(tombstone, by: try deviceSigner(in: db))
    try db.execute(sql: "UPDATE tombstones SET record_signature = ? WHERE response_id = ?", arguments: [signed.signature, responseID])
  }

  /// The certificates of origin devices held here (and this device's own) that verify against this
  /// machine's team.
  static func recordCertificates(in db: Database) throws -> [DeviceCertificate] {
    let state = try trustState(in: db)
    var certificates = try String.fetchAll(db, sql: "SELECT certificate FROM device_certificates ORDER BY device_id, certificate")
      .compactMap { try? DeviceCertificate.parse($0) }
    if let own = state.certificate, !certificates.contains(own) { certificates.append(own) }
    let verifier = Ed25519Verifier()
    return certificates.filter { (try? $0.verify(team: state.team, with: verifier)) != nil }
  }

  /// Keeps the certificates a bundle brought (checked against the team by `verifyTrust`). Inside the import.
  static func keepCertificates(_ certificates: [DeviceCertificate], in db: Database) throws {
    for certificate in certificates {
      try db.execute(sql: "INSERT OR IGNORE INTO device_certificates (device_id, device_key, certificate) VALUES (?, ?, ?)",
                     arguments: [certificate.deviceID, Data(certificate.deviceKey), certificate.text])
    }
  }

  /// Checks every response and withdrawal of a signed bundle against its origin device's signature (or the
  /// team's), with the certificates the bundle carries and those held here. Records without a signature
  /// (Wijkweb before record signatures) pass only with `acceptUnsigned`; returns how many there were.
  func verifyRecordSignatures(_ contents: BundleContents, team: TeamPublicKeys, acceptUnsigned: Bool) throws -> Int {
    let verifier = Ed25519Verifier()
    var certificates = RecordSignature.Certificates()
    for certificate in contents.certificates {
      do {
        try certificates.add(certificate, team: team, with: verifier)
      } catch let problem as TrustProblem {
        throw TrustProblem("it carries a certificate that is not of this machine's team: \(problem.message)")
      }
    }
    for certificate in try writer.read({ db in try Self.recordCertificates(in: db) }) {
      try certificates.add(certificate, team: team, with: verifier)
    }
    var unsigned = 0
    func notSigned(_ what: String) throws {
      guard acceptUnsigned else {
        throw TrustProblem("""
          \(what) carries no signature of the device where it was made. Records of Wijkweb before record signatures are \
          taken only with --accept-unsigned
          """)
      }
      unsigned += 1
    }
    for response in contents.responses {
      guard RecordSignature.isSigned(response) else {
        try notSigned("response \(TerminalText.visible(response.id))")
        continue
      }
      try RecordSignature.verify(response, team: team, certificates: certificates, with: verifier)
    }
    for tombstone in contents.tombstones {
      guard RecordSignature.isSigned(tombstone) else {
        try notSigned("the withdrawal of response \(TerminalText.visible(tombstone.responseID))")
        continue
      }
      try RecordSignature.verify(tombstone, certificates: certificates, with: verifier)
    }
    return unsigned
  }
}
