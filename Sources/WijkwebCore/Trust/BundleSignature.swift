import Foundation

/// Every bundle is signed by the device that wrote it: the device's Ed25519 signature covers the manifest
/// (format, device id, time, start time and the SHA-256 of every record line), so no record can be
/// changed, added or dropped, and the manifest carries the team's certificate of that device. A machine
/// trusts a bundle only when the certificate verifies against its own team's key, the signature against
/// the certificate's device key, and the team's revocation list does not refuse the device at the time
/// the bundle says it was made.
public enum BundleSignature {
  public static let domain = "WIJKWEB-BUNDLE-SIGNATURE 1"

  /// What a device needs to sign a bundle.
  public struct Device {
    public var certificate: DeviceCertificate
    public var signer: any MessageSigner
    public init(certificate: DeviceCertificate, signer: any MessageSigner) {
      self.certificate = certificate
      self.signer = signer
    }
  }

  /// The bytes the device signs.
  public static func message(_ manifest: BundleManifest) -> [UInt8] {
    TrustMessage.make(domain, [String(manifest.format), manifest.deviceID, manifest.createdAt, manifest.since ?? "",
                               manifest.recordsSHA256])
  }

  /// `manifest` with the device's certificate and signature.
  public static func sign(_ manifest: BundleManifest, by device: Device) throws -> BundleManifest {
    guard device.certificate.deviceID == manifest.deviceID, device.certificate.deviceKey == device.signer.publicKey else {
      throw TrustProblem("the device's certificate is not for this device and key")
    }
    var signed = manifest
    signed.certificate = device.certificate
    signed.signature = Base64.encode(try device.signer.sign(message(manifest)))
    return signed
  }

  /// Whether the manifest carries a signature at all (bundles of the previous version do not).
  public static func isSigned(_ manifest: BundleManifest) -> Bool { manifest.signature != nil || manifest.certificate != nil }

  /// Checks that a device enrolled in `team`, and not revoked at the bundle's time, signed `manifest`.
  public static func verify(_ manifest: BundleManifest, team: TeamPublicKeys, revocations: RevocationList?,
                            with verifier: any SignatureVerifier) throws {
    guard let certificate = manifest.certificate, let text = manifest.signature else {
      throw TrustProblem("it is not signed by the laptop that made it (a bundle of Wijkweb before signing)")
    }
    guard certificate.deviceID == manifest.deviceID else {
      throw TrustProblem("it was signed by another device (\(TerminalText.visible(certificate.deviceID))) than the one it names")
    }
    do {
      try certificate.verify(team: team, with: verifier)
    } catch let problem as TrustProblem {
      throw TrustProblem("its signer is not a device of this machine's team: \(problem.message)")
    }
    guard let signature = Base64.decode(text, count: 64), verifier.verify(signature, of: message(manifest), publicKey: certificate.deviceKey)
    else {
      throw TrustProblem("its signature does not match its contents: it was changed after the laptop signed it")
    }
    if let revoked = revocations?.revokedAt(manifest.deviceID), manifest.createdAt >= revoked {
      throw TrustProblem("it was signed by device \(TerminalText.visible(manifest.deviceID)), which the team revoked from \(revoked)")
    }
  }
}
