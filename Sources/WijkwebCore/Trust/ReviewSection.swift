import Foundation
import WijkwebCrypto

/// The review decisions a machine holding the team's secret key sends along in a bundle, signed by the
/// TEAM signing key (not the device key), so a second office machine of the team sees the same publishable
/// quotes. A laptop cannot make one: its device key is not the team key, and a section signed by any other
/// key than the team's is left aside (its reflections stay unreviewed). A section that names the team key
/// but whose signature does not hold was changed, and refuses the whole bundle.
///
/// Each decision names the reflection (response and prompt id) and the SHA-256 of the text reviewed, so it
/// applies only to that very text. Of two decisions about one reflection the one that sorts last by
/// `order` wins (newest `reviewedAt` first, then the other fields), whatever order bundles arrive in.
public struct ReviewSection: Codable, Hashable, Sendable {
  public static let domain = "WIJKWEB-REVIEWS 1"

  public struct Decision: Codable, Hashable, Sendable {
    public var responseID: String
    public var promptID: String
    /// SHA-256 (hex) of the reflection's text as entered, which the decision is about.
    public var textSHA256: String
    /// `publishable`, `not_publishable` or `publishable_edited`.
    public var status: String
    /// The redacted copy (for `publishable_edited` only).
    public var redactedText: String?
    /// The dimension keys the quote belongs to, joined by `,` (as `reflections.dimensions`).
    public var dimensions: String
    /// When it was decided (full ISO 8601 UTC).
    public var reviewedAt: String
    /// The reviewer's role or code (e.g. `GT1`), no name.
    public var reviewer: String

    public init(responseID: String, promptID: String, textSHA256: String, status: String, redactedText: String?, dimensions: String,
                reviewedAt: String, reviewer: String) {
      self.responseID = responseID
      self.promptID = promptID
      self.textSHA256 = textSHA256
      self.status = status
      self.redactedText = redactedText
      self.dimensions = dimensions
      self.reviewedAt = reviewedAt
      self.reviewer = reviewer
    }

    enum CodingKeys: String, CodingKey {
      case status, dimensions, reviewer
      case responseID = "response_id"
      case promptID = "prompt_id"
      case textSHA256 = "text_sha256"
      case redactedText = "redacted_text"
      case reviewedAt = "reviewed_at"
    }

    /// The fields the team signs, in order.
    var fields: [String] { [responseID, promptID, textSHA256, status, redactedText ?? "", dimensions, reviewedAt, reviewer] }

    /// The key that decides which of two decisions about one reflection wins: the greater one.
    public var order: [String] { [reviewedAt, status, redactedText ?? "", dimensions, reviewer] }

    /// Whether this decision replaces `held` (the order of a decision held here; nil when unreviewed).
    public func replaces(_ held: [String]?) -> Bool {
      guard let held else { return true }
      return order.lexicographicallyPrecedes(held) == false && order != held
    }
  }

  /// The decisions, sorted by response and prompt id.
  public var decisions: [Decision]
  /// The public key (base64) that signed the section; the importer trusts it only if it is its team's.
  public var signerKey: String
  /// The signature (base64) over `message`.
  public var signature: String

  enum CodingKeys: String, CodingKey {
    case decisions, signature
    case signerKey = "signer_key"
  }

  public init(decisions: [Decision], signerKey: String = "", signature: String = "") {
    self.decisions = decisions
    self.signerKey = signerKey
    self.signature = signature
  }

  /// The review statuses a decision may carry (`unreviewed` is not a decision).
  public static let statuses: Set<String> = ["publishable", "not_publishable", "publishable_edited"]

  /// The bytes the team signs.
  public var message: [UInt8] { TrustMessage.make(Self.domain, [String(decisions.count)] + decisions.flatMap(\.fields)) }

  /// The SHA-256 (hex) a decision names for `text`.
  public static func textHash(_ text: String) -> String { SHA256.hex(of: Array(text.utf8)) }

  /// `decisions` sorted and signed by `signer` (the team's signing key).
  public static func signed(_ decisions: [Decision], by signer: any MessageSigner) throws -> ReviewSection {
    var section = ReviewSection(decisions: decisions.sorted { ($0.responseID, $0.promptID) < ($1.responseID, $1.promptID) },
                                signerKey: Base64.encode(signer.publicKey))
    section.signature = Base64.encode(try signer.sign(section.message))
    return section
  }

  /// What a bundle's review section means for a machine of `team`.
  public enum Verdict: Hashable, Sendable {
    /// Signed by the team: its decisions count.
    case team
    /// Signed by another key (a laptop's device key, another team): its decisions are left aside.
    case notTeam
  }

  /// Checks the section: a section signed by another key than the team's counts for nothing (`notTeam`);
  /// one that names the team key must carry its valid signature and well-formed decisions, or it throws.
  public func verify(team: TeamPublicKeys, with verifier: any SignatureVerifier) throws -> Verdict {
    guard Base64.decode(signerKey, count: 32) == team.signingKey else { return .notTeam }
    guard let signature = Base64.decode(signature, count: 64), verifier.verify(signature, of: message, publicKey: team.signingKey) else {
      throw TrustProblem("its review decisions claim the team's signature but it does not match them: they were changed after the team signed them")
    }
    if let problem = problem() { throw TrustProblem("its review decisions, though signed by the team, \(problem)") }
    return .team
  }

  /// What is wrong with a decision's fields, if anything (the same limits as reflections and codes).
  public func problem() -> String? {
    var seen = Set<[String]>()
    for decision in decisions {
      let codes = [decision.responseID, decision.promptID, decision.reviewer]
      guard codes.allSatisfy({ !$0.isEmpty && $0.count <= BundleValidator.maxCodeLength && TerminalText.isPrintable($0) }),
            seen.insert([decision.responseID, decision.promptID]).inserted else {
        return "name a reflection or reviewer with an empty, overlong or unprintable code, or one reflection twice"
      }
      guard Self.statuses.contains(decision.status), BundleTime.isTimestamp(decision.reviewedAt),
            decision.textSHA256.count == 64, decision.textSHA256.allSatisfy(\.isHexDigit) else {
        return "hold an unknown review status, time or text hash for response \(decision.responseID)"
      }
      let redacted = decision.redactedText ?? ""
      guard decision.status == "publishable_edited" || redacted.isEmpty, redacted.count <= BundleValidator.maxReflectionLength,
            TerminalText.isPrintable(redacted.replacingOccurrences(of: "\n", with: " ")) else {
        return "hold a redacted copy that is missing, too long or has control characters for response \(decision.responseID)"
      }
      let known = Set(Dimension.allCases.map(\.key))
      guard decision.dimensions.isEmpty || decision.dimensions.split(separator: ",", omittingEmptySubsequences: false)
        .allSatisfy({ known.contains(String($0)) }) else {
        return "hold unknown dimension tags for response \(decision.responseID)"
      }
    }
    return nil
  }
}
