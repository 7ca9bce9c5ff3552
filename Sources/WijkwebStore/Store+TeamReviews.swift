import Foundation
import GRDB
import WijkwebCore
import WijkwebCrypto

extension Store {
  /// The review decisions held here of the completed responses of `rounds` (every round when empty),
  /// signed by the team's signing key `signer`: only a machine of that team holding its secret key makes
  /// one. Every decision travels in every such bundle, whatever `--since` says (a review is often made long
  /// after the interview), as withdrawals do.
  public func teamReviewSection(rounds: [String] = [], signer: any MessageSigner) throws -> ReviewSection {
    let decisions: [ReviewSection.Decision] = try writer.read { db in
      let team = try Self.trustState(in: db).team
      guard signer.publicKey == team.signingKey else {
        throw StoreError("The key given is not the key of this machine's team (\(team.teamID)); no bundle was written.")
      }
      let filter = rounds.isEmpty ? "" : "AND rd.name IN (\(rounds.map { _ in "?" }.joined(separator: ", ")))"
      return try Row.fetchAll(db, sql: """
        SELECT f.response_id, f.prompt_id, f.text, f.review_status, f.redacted_text, f.dimensions, f.reviewed_at, f.reviewer
        FROM reflections f JOIN responses r ON r.id = f.response_id JOIN rounds rd ON rd.id = r.round_id
        WHERE r.status = 'completed' AND f.review_status <> 'unreviewed' AND f.reviewed_at IS NOT NULL \(filter)
        ORDER BY f.response_id, f.prompt_id
        """, arguments: StatementArguments(rounds)).map { row in
        let status: String = row["review_status"]
        // The reviewer code is typed by the coordinator: it travels made visible and at most 64 characters.
        let reviewer = String(TerminalText.visible((row["reviewer"] as String?) ?? "gebiedsteam").prefix(BundleValidator.maxCodeLength))
        return ReviewSection.Decision(
          responseID: row["response_id"], promptID: row["prompt_id"], textSHA256: ReviewSection.textHash(row["text"]), status: status,
          redactedText: status == "publishable_edited" ? row["redacted_text"] : nil, dimensions: row["dimensions"],
          reviewedAt: row["reviewed_at"], reviewer: reviewer.isEmpty ? "gebiedsteam" : reviewer)
      }
    }
    let section = try ReviewSection.signed(decisions, by: signer)
    if let problem = section.problem() {
      throw StoreError("The review decisions held here cannot travel: they \(problem); no bundle was written.")
    }
    return section
  }

  /// Applies the decisions of a team-signed review section (checked against this machine's team key here
  /// again) to the reflections held here with the same text: a decision replaces an unreviewed reflection
  /// or an older decision (`ReviewSection.Decision.replaces`), so every machine keeps the same review in any
  /// order. Returns how many reflections changed, and the response ids of decisions about another text than
  /// the reflection held here (refused). Inside the import's transaction.
  static func applyReviews(_ section: ReviewSection, team: TeamPublicKeys, in db: Database) throws -> (applied: Int, otherText: [String]) {
    guard try section.verify(team: team, with: Ed25519Verifier()) == .team else { return (0, []) }
    var changed = 0
    var otherText: [String] = []
    for decision in section.decisions {
      guard let row = try Row.fetchOne(db, sql: """
        SELECT f.text, f.review_status, f.redacted_text, f.dimensions, f.reviewed_at, f.reviewer
        FROM reflections f JOIN responses r ON r.id = f.response_id
        WHERE f.response_id = ? AND f.prompt_id = ? AND r.status = 'completed'
        """, arguments: [decision.responseID, decision.promptID]) else { continue }
      guard ReviewSection.textHash(row["text"]) == decision.textSHA256 else {
        otherText.append(decision.responseID)
        continue
      }
      let status: String = row["review_status"]
      let reviewedAt: String = row["reviewed_at"] ?? ""
      let redacted: String = row["redacted_text"] ?? ""
      let dimensions: String = row["dimensions"] ?? ""
      let reviewer: String = row["reviewer"] ?? ""
      let held: [String]? = status == "unreviewed" ? nil : [reviewedAt, status, redacted, dimensions, reviewer]
      guard decision.replaces(held) else { continue }
      try db.execute(sql: """
        UPDATE reflections SET review_status = ?, redacted_text = ?, dimensions = ?, reviewed_at = ?, reviewer = ?
        WHERE response_id = ? AND prompt_id = ?
        """, arguments: [decision.status, decision.redactedText, decision.dimensions, decision.reviewedAt, decision.reviewer,
                         decision.responseID, decision.promptID])
      changed += 1
    }
    return (changed, otherText)
  }
}
