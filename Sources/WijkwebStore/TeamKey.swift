import Foundation
import WijkwebCore
import WijkwebCrypto

/// A team's keys: the sealing key pair of sealed rounds (libsodium `crypto_box`: laptops seal completed
/// responses to the public key; only the holder of the secret key can open them) and, since version 2,
/// the Ed25519 signing key pair that signs rounds, device certificates and revocation lists. Both secret
/// keys are protected by one passphrase.
///
/// The public key file is text: `publicHeader`, then the sealing key in base64, then (keys of version 2)
/// the signing key in base64, one line each. The secret key file is text:
/// `secretHeader` (or `secretHeader2`), then the base64 of the envelope
///
///     version 1: seal public (32) | salt (16) | opslimit (8, LE) | memlimit (8, LE) | nonce (24) | encrypted seal secret (32 + 16)
///     version 2: seal public (32) | signing public (32) | salt | opslimit | memlimit | nonce | encrypted seal secret + signing secret (32 + 64 + 16)
///
/// where the secret keys are encrypted with XChaCha20-Poly1305 under a key from Argon2id (`crypto_pwhash`)
/// of the passphrase, the clear part being its additional data. Files of version 1 still open; they
/// cannot sign until `wijkweb keys add-signing` adds a signing key.
public enum TeamKey {
  /// The first line of a public key file.
  public static let publicHeader = "WIJKWEB-PUBLIC-KEY 1"
  /// The first line of a secret key file.
  public static let secretHeader = "WIJKWEB-SECRET-KEY 1"
  /// The first line of a secret key file holding both keys.
  public static let secretHeader2 = "WIJKWEB-SECRET-KEY 2"

  /// A key pair as it is kept in files: the public key, and the envelope holding the encrypted secret key.
  public struct Files: Hashable, Sendable {
    /// The sealing public key.
    public var publicKey: [UInt8]
    /// The signing public key; nil in key files of version 1.
    public var signingKey: [UInt8]?
    public var envelope: [UInt8]

    public init(publicKey: [UInt8], signingKey: [UInt8]? = nil, envelope: [UInt8]) {
      self.publicKey = publicKey
      self.signingKey = signingKey
      self.envelope = envelope
    }

    /// The files of `envelope` (either version).
    public init(envelope: [UInt8]) throws {
      let parts = try TeamKey.split(envelope)
      self.init(publicKey: parts.publicKey, signingKey: parts.signingKey, envelope: envelope)
    }

    /// The text of the public key file.
    public var publicText: String { TeamKey.publicText(publicKey, signingKey: signingKey) }
    /// The text of the secret key file.
    public var secretText: String {
      "\(signingKey == nil ? TeamKey.secretHeader : TeamKey.secretHeader2)\n\(Data(envelope).base64EncodedString())\n"
    }
    /// The team's public identity; nil for a key of version 1, which cannot sign.
    public var team: TeamPublicKeys? { signingKey.map { TeamPublicKeys(signingKey: $0, sealKey: publicKey) } }
  }

  /// An opened key pair, for decrypting sealed responses.
  public struct Opened: Sendable {
    public let publicKey: [UInt8]
    let secretKey: [UInt8]
    /// The signing key pair; nil for a key file of version 1.
    public let signingKey: [UInt8]?
    let signingSecretKey: [UInt8]?

    init(publicKey: [UInt8], secretKey: [UInt8], signingKey: [UInt8]? = nil, signingSecretKey: [UInt8]? = nil) {
      self.publicKey = publicKey
      self.secretKey = secretKey
      self.signingKey = signingKey
      self.signingSecretKey = signingSecretKey
    }

    /// The team's public identity; nil for a key of version 1, which cannot sign.
    public var team: TeamPublicKeys? { signingKey.map { TeamPublicKeys(signingKey: $0, sealKey: publicKey) } }

    /// The signer of the team, or a problem when this key file has no signing key (version 1).
    public func signer() throws -> Ed25519Signer {
      guard let signingSecretKey else {
        throw KeyProblem("this team key file has no signing key (it was made before teams signed rounds); add one with `wijkweb keys add-signing`")
      }
      return Ed25519Signer(secretKey: signingSecretKey)
    }

    /// The plain bytes inside `sealed`, or a problem when it was not sealed to this key or was changed.
    public func open(_ sealed: [UInt8]) throws -> [UInt8] {
      do {
        return try SealedBox.open(sealed, publicKey: publicKey, secretKey: secretKey)
      } catch CryptoError.wrongLength {
        throw KeyProblem("a sealed response is too short; it was damaged")
      } catch CryptoError.unavailable {
        throw KeyProblem("libsodium did not start; reinstall libsodium23")
      } catch {
        throw KeyProblem("a sealed response does not open with this key: it was sealed to another team key, or it was damaged")
      }
    }
  }

  /// A new key pair whose secret key is encrypted with `passphrase`.
  public static func create(passphrase: String, strength: BundleSeal.Strength = .moderate) throws -> Files {
    var pair = try sodium { try SealedBox.keyPair() }
    defer { ConstantTime.wipe(&pair.secretKey) }
    return try create(passphrase: passphrase, strength: strength, sealKey: pair)
  }

  /// A key file of version 2 that keeps the sealing key pair of `opened` (a file of version 1) and adds a
  /// new signing key pair, encrypted with `passphrase`.
  public static func addingSigning(to opened: Opened, passphrase: String, strength: BundleSeal.Strength = .moderate) throws -> Files {
    try create(passphrase: passphrase, strength: strength, sealKey: (opened.publicKey, opened.secretKey))
  }

  static func create(passphrase: String, strength: BundleSeal.Strength, sealKey pair: (publicKey: [UInt8], secretKey: [UInt8])) throws
    -> Files {
    var signing = try sodium { try Ed25519.keyPair() }
    defer { ConstantTime.wipe(&signing.secretKey) }
    let salt = Random.bytes(Argon2id.saltBytes)
    let nonce = Random.bytes(AEAD.nonceBytes)
    let clear = pair.publicKey + signing.publicKey + salt + BundleSeal.littleEndian(strength.ops) + BundleSeal.littleEndian(strength.mem)
      + nonce
    var key = try passphraseKey(passphrase, salt: salt, strength: strength)
    defer { ConstantTime.wipe(&key) }
    var secrets = pair.secretKey + signing.secretKey
    defer { ConstantTime.wipe(&secrets) }
    let cipher = try sodium { try AEAD.encrypt(secrets, additional: clear, nonce: nonce, key: key) }
    return Files(publicKey: pair.publicKey, signingKey: signing.publicKey, envelope: clear + cipher)
  }

  /// The key pair of `envelope`, opened with `passphrase`.
  public static func open(envelope: [UInt8], passphrase: String) throws -> Opened {
    let parts = try split(envelope)
    let strength = Argon2id.Strength(ops: parts.ops, mem: parts.mem)
    guard strength.isAccepted else {
      throw KeyProblem("the key file has passphrase settings this Wijkweb does not accept; it was damaged")
    }
    var key = try passphraseKey(passphrase, salt: parts.salt, strength: strength)
    defer { ConstantTime.wipe(&key) }
    var secrets: [UInt8]
    do {
      secrets = try AEAD.decrypt(parts.cipher, additional: parts.clear, nonce: parts.nonce, key: key)
    } catch {
      throw KeyProblem("the passphrase is wrong for this key file, or the file was damaged")
    }
    defer { ConstantTime.wipe(&secrets) }
    let sealBytes = SealedBox.secretKeyBytes
    guard secrets.count == sealBytes + (parts.signingKey == nil ? 0 : Ed25519.secretKeyBytes) else {
      throw KeyProblem("the key file's secret key has the wrong length; the file was damaged")
    }
    let secretKey = Array(secrets[0 ..< sealBytes])
    guard (try? SealedBox.publicKey(of: secretKey)) == parts.publicKey else {
      throw KeyProblem("the key file's secret key does not belong to its public key; the file was damaged")
    }
    guard let signingKey = parts.signingKey else { return Opened(publicKey: parts.publicKey, secretKey: secretKey) }
    let signingSecret = Array(secrets[sealBytes...])
    guard (try? Ed25519.publicKey(of: signingSecret)) == signingKey else {
      throw KeyProblem("the key file's signing key does not belong to its public key; the file was damaged")
    }
    return Opened(publicKey: parts.publicKey, secretKey: secretKey, signingKey: signingKey, signingSecretKey: signingSecret)
  }

  /// The public key inside an envelope (no passphrase needed).
  public static func publicKey(ofEnvelope envelope: [UInt8]) throws -> [UInt8] { try split(envelope).publicKey }

  /// `plain` sealed to `publicKey` (anonymous sender): only the secret key opens it.
  public static func seal(_ plain: [UInt8], to publicKey: [UInt8]) throws -> [UInt8] {
    do {
      return try SealedBox.seal(plain, to: publicKey)
    } catch CryptoError.wrongLength {
      throw KeyProblem("the round's public key has the wrong length")
    } catch {
      throw KeyProblem("libsodium could not seal the response")
    }
  }

  // MARK: Text files

  /// The text of a public key file for `key`.
  public static func publicText(_ key: [UInt8], signingKey: [UInt8]? = nil) -> String {
    guard let signingKey else { return "\(publicHeader)\n\(Data(key).base64EncodedString())\n" }
    return "\(publicHeader)\n\(Data(key).base64EncodedString())\n\(Data(signingKey).base64EncodedString())\n"
  }

  /// The sealing key in the text of a public key file (either version).
  public static func parsePublic(_ text: String) throws -> [UInt8] { try parsePublicKeys(text).sealKey }

  /// The sealing key and (version 2) the signing key in the text of a public key file.
  public static func parsePublicKeys(_ text: String) throws -> (sealKey: [UInt8], signingKey: [UInt8]?) {
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let keys = lines.dropFirst().map { Data(base64Encoded: $0).map { [UInt8]($0) } }
    if lines.count == 2, lines[0] == publicHeader, let seal = keys[0], seal.count == SealedBox.publicKeyBytes {
      return (seal, nil)
    }
    if lines.count == 3, lines[0] == publicHeader, let seal = keys[0], seal.count == SealedBox.publicKeyBytes, let signing = keys[1],
       signing.count == Ed25519.publicKeyBytes {
      return (seal, signing)
    }
    throw KeyProblem("it is not a Wijkweb public key file (it should start with \"\(publicHeader)\" followed by one or two lines of base64)")
  }

  /// The envelope in the text of a secret key file.
  public static func parseSecret(_ text: String) throws -> [UInt8] {
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard lines.count == 2, lines[0] == secretHeader || lines[0] == secretHeader2, let data = Data(base64Encoded: lines[1]) else {
      throw KeyProblem("it is not a Wijkweb key file (it should start with \"\(secretHeader2)\" followed by one line of base64)")
    }
    let envelope = [UInt8](data)
    let parts = try split(envelope)
    guard (parts.signingKey != nil) == (lines[0] == secretHeader2) else {
      throw KeyProblem("the key file's first line does not match its key; the file was damaged")
    }
    return envelope
  }

  // MARK: Internals

  struct Parts {
    var publicKey: [UInt8], signingKey: [UInt8]?, salt: [UInt8], ops: UInt64, mem: UInt64, nonce: [UInt8], cipher: [UInt8], clear: [UInt8]
  }

  static func split(_ envelope: [UInt8]) throws -> Parts {
    let keyBytes = SealedBox.publicKeyBytes
    let saltBytes = Argon2id.saltBytes
    let nonceBytes = AEAD.nonceBytes
    let clearLength1 = keyBytes + saltBytes + 16 + nonceBytes
    let total1 = clearLength1 + SealedBox.secretKeyBytes + AEAD.overhead
    let total2 = total1 + Ed25519.publicKeyBytes + Ed25519.secretKeyBytes
    guard envelope.count == total1 || envelope.count == total2 else {
      throw KeyProblem("the key is \(envelope.count) bytes long instead of \(total2) (or \(total1) for a key of version 1); it was damaged")
    }
    let signs = envelope.count == total2
    let clearLength = clearLength1 + (signs ? Ed25519.publicKeyBytes : 0)
    var offset = 0
    func take(_ count: Int) -> [UInt8] {
      defer { offset += count }
      return Array(envelope[offset ..< offset + count])
    }
    let publicKey = take(keyBytes)
    let signingKey = signs ? take(Ed25519.publicKeyBytes) : nil
    let salt = take(saltBytes)
    let ops = BundleSeal.readLittleEndian(envelope[offset ..< offset + 8])
    offset += 8
    let mem = BundleSeal.readLittleEndian(envelope[offset ..< offset + 8])
    offset += 8
    let nonce = take(nonceBytes)
    return Parts(publicKey: publicKey, signingKey: signingKey, salt: salt, ops: ops, mem: mem, nonce: nonce, cipher: Array(envelope[clearLength...]),
                 clear: Array(envelope[0 ..< clearLength]))
  }

  /// The result of `body`, with libsodium's failures as key problems.
  static func sodium<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch CryptoError.unavailable {
      throw KeyProblem("libsodium did not start; reinstall libsodium23")
    } catch {
      throw KeyProblem("libsodium could not make or encrypt the key pair")
    }
  }

  static func passphraseKey(_ passphrase: String, salt: [UInt8], strength: Argon2id.Strength) throws -> [UInt8] {
    do {
      return try Argon2id.derive(passphrase, salt: salt, strength: strength, length: AEAD.keyBytes)
    } catch CryptoError.outOfMemory(let mebibytes) {
      throw KeyProblem("not enough memory for the passphrase key (\(mebibytes) MiB); close other programs and try again")
    } catch {
      throw KeyProblem("libsodium did not start; reinstall libsodium23")
    }
  }
}

/// What is wrong with a key, a key file or a sealed response, in plain words (no full stop).
public struct KeyProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Signs with an Ed25519 secret key held in memory (a team's, opened with its passphrase, or a device's).
public struct Ed25519Signer: MessageSigner, Sendable {
  let secretKey: [UInt8]
  public let publicKey: [UInt8]

  public init(secretKey: [UInt8]) {
    self.secretKey = secretKey
    self.publicKey = (try? Ed25519.publicKey(of: secretKey)) ?? []
  }

  public func sign(_ message: [UInt8]) throws -> [UInt8] {
    do {
      return try Ed25519.sign(message, secretKey: secretKey)
    } catch {
      throw KeyProblem("libsodium could not sign")
    }
  }
}
