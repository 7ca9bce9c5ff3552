import CSodium
import Foundation
import WijkwebCore

/// A team's key pair for sealed rounds (libsodium `crypto_box`): laptops seal completed responses to the
/// public key; only the holder of the secret key, protected by a passphrase, can open them.
///
/// The public key file is text: `publicHeader`, then the 32-byte key in base64. The secret key file is
/// text: `secretHeader`, then the base64 of the envelope
///
///     public key (32) | salt (16) | opslimit (8, LE) | memlimit (8, LE) | nonce (24) | encrypted secret key (32 + 16)
///
/// where the secret key is encrypted with XChaCha20-Poly1305 under a key from Argon2id (`crypto_pwhash`)
/// of the passphrase, the clear part being its additional data.
public enum TeamKey {
  /// The first line of a public key file.
  public static let publicHeader = "WIJKWEB-PUBLIC-KEY 1"
  /// The first line of a secret key file.
  public static let secretHeader = "WIJKWEB-SECRET-KEY 1"

  /// A key pair as it is kept in files: the public key, and the envelope holding the encrypted secret key.
  public struct Files: Hashable, Sendable {
    public var publicKey: [UInt8]
    public var envelope: [UInt8]

    public init(publicKey: [UInt8], envelope: [UInt8]) {
      self.publicKey = publicKey
      self.envelope = envelope
    }

    /// The text of the public key file.
    public var publicText: String { TeamKey.publicText(publicKey) }
    /// The text of the secret key file.
    public var secretText: String { "\(TeamKey.secretHeader)\n\(Data(envelope).base64EncodedString())\n" }
  }

  /// An opened key pair, for decrypting sealed responses.
  public struct Opened: Sendable {
    public let publicKey: [UInt8]
    let secretKey: [UInt8]

    /// The plain bytes inside `sealed`, or a problem when it was not sealed to this key or was changed.
    public func open(_ sealed: [UInt8]) throws -> [UInt8] {
      try TeamKey.requireSodium()
      let overhead = Int(crypto_box_sealbytes())
      guard sealed.count >= overhead else { throw KeyProblem("a sealed response is too short; it was damaged") }
      var plain = [UInt8](repeating: 0, count: sealed.count - overhead)
      guard crypto_box_seal_open(&plain, sealed, UInt64(sealed.count), publicKey, secretKey) == 0 else {
        throw KeyProblem("a sealed response does not open with this key: it was sealed to another team key, or it was damaged")
      }
      return plain
    }
  }

  /// A new key pair whose secret key is encrypted with `passphrase`.
  public static func create(passphrase: String, strength: BundleSeal.Strength = .moderate) throws -> Files {
    try requireSodium()
    var publicKey = [UInt8](repeating: 0, count: Int(crypto_box_publickeybytes()))
    var secretKey = [UInt8](repeating: 0, count: Int(crypto_box_secretkeybytes()))
    defer { sodium_memzero(&secretKey, secretKey.count) }
    guard crypto_box_keypair(&publicKey, &secretKey) == 0 else { throw KeyProblem("libsodium could not make a key pair") }
    var salt = [UInt8](repeating: 0, count: Int(crypto_pwhash_saltbytes()))
    randombytes_buf(&salt, salt.count)
    var nonce = [UInt8](repeating: 0, count: Int(crypto_aead_xchacha20poly1305_ietf_npubbytes()))
    randombytes_buf(&nonce, nonce.count)
    let (ops, mem) = strength.limits
    let clear = publicKey + salt + BundleSeal.littleEndian(ops) + BundleSeal.littleEndian(mem) + nonce
    var key = try passphraseKey(passphrase, salt: salt, ops: ops, mem: mem)
    defer { sodium_memzero(&key, key.count) }
    var cipher = [UInt8](repeating: 0, count: secretKey.count + Int(crypto_aead_xchacha20poly1305_ietf_abytes()))
    var cipherLength: UInt64 = 0
    guard crypto_aead_xchacha20poly1305_ietf_encrypt(&cipher, &cipherLength, secretKey, UInt64(secretKey.count), clear,
                                                      UInt64(clear.count), nil, nonce, key) == 0 else {
      throw KeyProblem("libsodium could not encrypt the secret key")
    }
    return Files(publicKey: publicKey, envelope: clear + cipher[0 ..< Int(cipherLength)])
  }

  /// The key pair of `envelope`, opened with `passphrase`.
  public static func open(envelope: [UInt8], passphrase: String) throws -> Opened {
    try requireSodium()
    let parts = try split(envelope)
    let weakest = BundleSeal.Strength.interactive.limits
    let strongest = BundleSeal.Strength.moderate.limits
    guard (weakest.ops ... strongest.ops).contains(parts.ops), (weakest.mem ... strongest.mem).contains(parts.mem) else {
      throw KeyProblem("the key file has passphrase settings this Wijkweb does not accept; it was damaged")
    }
    var key = try passphraseKey(passphrase, salt: parts.salt, ops: parts.ops, mem: parts.mem)
    defer { sodium_memzero(&key, key.count) }
    var secretKey = [UInt8](repeating: 0, count: Int(crypto_box_secretkeybytes()))
    var secretLength: UInt64 = 0
    guard crypto_aead_xchacha20poly1305_ietf_decrypt(&secretKey, &secretLength, nil, parts.cipher, UInt64(parts.cipher.count),
                                                      parts.clear, UInt64(parts.clear.count), parts.nonce, key) == 0,
          Int(secretLength) == secretKey.count
    else {
      throw KeyProblem("the passphrase is wrong for this key file, or the file was damaged")
    }
    var derived = [UInt8](repeating: 0, count: Int(crypto_box_publickeybytes()))
    guard crypto_scalarmult_base(&derived, secretKey) == 0, derived == parts.publicKey else {
      throw KeyProblem("the key file's secret key does not belong to its public key; the file was damaged")
    }
    return Opened(publicKey: parts.publicKey, secretKey: secretKey)
  }

  /// The public key inside an envelope (no passphrase needed).
  public static func publicKey(ofEnvelope envelope: [UInt8]) throws -> [UInt8] { try split(envelope).publicKey }

  /// `plain` sealed to `publicKey` (anonymous sender): only the secret key opens it.
  public static func seal(_ plain: [UInt8], to publicKey: [UInt8]) throws -> [UInt8] {
    try requireSodium()
    guard publicKey.count == Int(crypto_box_publickeybytes()) else { throw KeyProblem("the round's public key has the wrong length") }
    var sealed = [UInt8](repeating: 0, count: plain.count + Int(crypto_box_sealbytes()))
    guard crypto_box_seal(&sealed, plain, UInt64(plain.count), publicKey) == 0 else {
      throw KeyProblem("libsodium could not seal the response")
    }
    return sealed
  }

  // MARK: Text files

  /// The text of a public key file for `key`.
  public static func publicText(_ key: [UInt8]) -> String { "\(publicHeader)\n\(Data(key).base64EncodedString())\n" }

  /// The key in the text of a public key file.
  public static func parsePublic(_ text: String) throws -> [UInt8] {
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard lines.count == 2, lines[0] == publicHeader, let data = Data(base64Encoded: lines[1]),
          data.count == Int(crypto_box_publickeybytes())
    else {
      throw KeyProblem("it is not a Wijkweb public key file (it should start with \"\(publicHeader)\" followed by one line of base64)")
    }
    return [UInt8](data)
  }

  /// The envelope in the text of a secret key file.
  public static func parseSecret(_ text: String) throws -> [UInt8] {
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard lines.count == 2, lines[0] == secretHeader, let data = Data(base64Encoded: lines[1]) else {
      throw KeyProblem("it is not a Wijkweb key file (it should start with \"\(secretHeader)\" followed by one line of base64)")
    }
    let envelope = [UInt8](data)
    _ = try split(envelope)
    return envelope
  }

  // MARK: Internals

  struct Parts {
    var publicKey: [UInt8], salt: [UInt8], ops: UInt64, mem: UInt64, nonce: [UInt8], cipher: [UInt8], clear: [UInt8]
  }

  static func split(_ envelope: [UInt8]) throws -> Parts {
    let keyBytes = Int(crypto_box_publickeybytes())
    let saltBytes = Int(crypto_pwhash_saltbytes())
    let nonceBytes = Int(crypto_aead_xchacha20poly1305_ietf_npubbytes())
    let clearLength = keyBytes + saltBytes + 16 + nonceBytes
    let total = clearLength + Int(crypto_box_secretkeybytes()) + Int(crypto_aead_xchacha20poly1305_ietf_abytes())
    guard envelope.count == total else { throw KeyProblem("the key is \(envelope.count) bytes long instead of \(total); it was damaged") }
    var offset = 0
    func take(_ count: Int) -> [UInt8] {
      defer { offset += count }
      return Array(envelope[offset ..< offset + count])
    }
    let publicKey = take(keyBytes)
    let salt = take(saltBytes)
    let ops = BundleSeal.readLittleEndian(envelope[offset ..< offset + 8])
    offset += 8
    let mem = BundleSeal.readLittleEndian(envelope[offset ..< offset + 8])
    offset += 8
    let nonce = take(nonceBytes)
    return Parts(publicKey: publicKey, salt: salt, ops: ops, mem: mem, nonce: nonce, cipher: Array(envelope[clearLength...]),
                 clear: Array(envelope[0 ..< clearLength]))
  }

  static func requireSodium() throws {
    guard BundleSeal.ready else { throw KeyProblem("libsodium did not start; reinstall libsodium23") }
  }

  static func passphraseKey(_ passphrase: String, salt: [UInt8], ops: UInt64, mem: UInt64) throws -> [UInt8] {
    var key = [UInt8](repeating: 0, count: Int(crypto_aead_xchacha20poly1305_ietf_keybytes()))
    let result = crypto_pwhash(&key, UInt64(key.count), passphrase, UInt64(passphrase.utf8.count), salt, ops, Int(mem),
                               crypto_pwhash_alg_argon2id13())
    guard result == 0 else {
      throw KeyProblem("not enough memory for the passphrase key (\(mem / 1_048_576) MiB); close other programs and try again")
    }
    return key
  }
}

/// What is wrong with a key, a key file or a sealed response, in plain words (no full stop).
public struct KeyProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
