/// A round is the team's decision: its definition (name, questionnaire, areas, dates, minimum group size,
/// retention and seal key) counts only when the team's signing key signed it. The open/closed status is
/// not signed: closing a round is a laptop's own business.
public enum RoundSignature {
  public static let domain = "WIJKWEB-ROUND 1"

  /// The bytes the team signs for `round`.
  public static func message(_ round: BundleRound) -> [UInt8] {
    TrustMessage.make(domain, [round.name, round.questionnaireHash, round.areaSet, round.startsOn, round.endsOn,
                               String(round.minGroupSize), String(round.retentionDays), round.sealPublicKey ?? ""])
  }

  /// `round` with the team's signature.
  public static func sign(_ round: BundleRound, signer: any MessageSigner) throws -> BundleRound {
    var signed = round
    signed.teamSignature = Base64.encode(try signer.sign(message(round)))
    return signed
  }

  /// Checks that `team` signed `round` and that the round is sealed, if at all, to the team's own seal key.
  public static func verify(_ round: BundleRound, team: TeamPublicKeys, with verifier: any SignatureVerifier) throws {
    guard let text = round.teamSignature, let signature = Base64.decode(text, count: 64) else {
      throw TrustProblem("round \"\(TerminalText.visible(round.name))\" is not signed by the team")
    }
    guard verifier.verify(signature, of: message(round), publicKey: team.signingKey) else {
      throw TrustProblem("round \"\(TerminalText.visible(round.name))\" does not carry a valid signature of this machine's team")
    }
    if let seal = round.sealPublicKey, Base64.decode(seal, count: TeamPublicKeys.keyBytes) != team.sealKey {
      throw TrustProblem("round \"\(TerminalText.visible(round.name))\" is sealed to another key than the team's")
    }
  }
}
