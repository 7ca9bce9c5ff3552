import Foundation

/// A response's receipt hash as the central database keeps it: the code's locator, and the salt and
/// Argon2id hash of the whole code. Checking a code against it is the caller's (libsodium, `ReceiptHash`).
public struct CentralReceipt: Hashable, Sendable {
  public var locator: String
  public var salt: [UInt8]
  public var hash: [UInt8]
}

/// Withdrawals on the central database. A device's withdrawal arrives as a claim with the receipt code;
/// PostgreSQL cannot compute Argon2id, so an admin's Wijkweb checks each code against the response's hash
/// here and only then asks the server to delete (`wijkweb.apply_withdrawal`). A code that does not prove
/// the hash deletes nothing: its claim is dropped and written to the audit log.
public enum CentralWithdrawals {
  public struct Tally: Equatable, Sendable {
    /// Responses deleted (a tombstone kept).
    public var applied = 0
    /// Claims whose code does not prove the response's hash, or whose response has no receipt hash: dropped.
    public var refused = 0
    /// Claims whose response has not arrived yet: they wait for a later run.
    public var waiting = 0
  }

  /// `proves(code, receipt)`: whether the receipt code is the one the hash was made of.
  public typealias Proof = (String, CentralReceipt) -> Bool

  /// Checks every waiting claim and applies the proven ones, one transaction per claim.
  public static func applyClaims(on connection: Connection, proves: Proof) throws -> Tally {
    let claims = try connection.query("""
      SELECT c.response_id, c.receipt_code, (r.id IS NOT NULL), r.receipt_locator, encode(r.receipt_salt, 'base64'), encode(r.receipt_hash, 'base64')
      FROM wijkweb.withdrawal_claims c LEFT JOIN wijkweb.responses r ON r.id = c.response_id
      ORDER BY c.received_at, c.response_id
      """)
    var tally = Tally()
    for claim in claims {
      guard let id = claim[0], let code = claim[1] else { continue }
      guard claim[2] == "t" else {
        tally.waiting += 1
        continue
      }
      if let receipt = receipt(locator: claim[3], salt: claim[4], hash: claim[5]), proves(code, receipt) {
        if try connection.query("SELECT wijkweb.apply_withdrawal($1)", [id]).first?.first == "t" { tally.applied += 1 }
      } else {
        // Counted only when the claim was still there (an earlier claim in this run may have settled it).
        if try connection.query("SELECT wijkweb.refuse_withdrawal($1, $2)", [id, code]).first?.first == "t" { tally.refused += 1 }
      }
    }
    return tally
  }

  /// Withdraws the response whose hash `code` (normalised) proves, for a resident who brings the code to
  /// the municipality. Returns its id, or nil when no response on the server has that code.
  public static func withdraw(code: String, locator: String, on connection: Connection, proves: Proof) throws -> String? {
    let candidates = try connection.query("""
      SELECT id, receipt_locator, encode(receipt_salt, 'base64'), encode(receipt_hash, 'base64')
      FROM wijkweb.responses WHERE receipt_locator = $1 ORDER BY id
      """, [locator])
    for row in candidates {
      guard let id = row[0], let receipt = receipt(locator: row[1], salt: row[2], hash: row[3]), proves(code, receipt) else { continue }
      return try connection.query("SELECT wijkweb.apply_withdrawal($1)", [id]).first?.first == "t" ? id : nil
    }
    return nil
  }

  static func receipt(locator: String?, salt: String?, hash: String?) -> CentralReceipt? {
    // encode(..., 'base64') breaks lines every 76 characters.
    func bytes(_ text: String?) -> [UInt8]? {
      text.flatMap { Data(base64Encoded: $0.filter { !$0.isWhitespace }) }.map { [UInt8]($0) }
    }
    guard let locator, let salt = bytes(salt), let hash = bytes(hash) else { return nil }
    return CentralReceipt(locator: locator, salt: salt, hash: hash)
  }
}
