import Foundation
import WijkwebCore
import WijkwebCrypto

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
    let salt = Random.bytes(Argon2id.saltBytes)
    let nonce = Random.bytes(AEAD.nonceBytes)
    let clear = pair.publicKey + salt + BundleSeal.littleEndian(strength.ops) + BundleSeal.littleEndian(strength.mem) + nonce
    var key = try passphraseKey(passphrase, salt: salt, strength: strength)
    defer { ConstantTime.wipe(&key) }
    let cipher = try sodium { try AEAD.encrypt(pair.secretKey, additional: clear, nonce: nonce, key: key) }
    return Files(publicKey: pair.publicKey, envelope: clear + cipher)
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
    let secretKey: [UInt8]
    do {
      secretKey = try AEAD.decrypt(parts.cipher, additional: parts.clear, nonce: parts.nonce, key: key)
    } catch {
      throw KeyProblem("the passphrase is wrong for this key file, or the file was damaged")
    }
    guard secretKey.count == SealedBox.secretKeyBytes, (try? SealedBox.publicKey(of: secretKey)) == parts.publicKey else {
      throw KeyProblem("the key file's secret key does not belong to its public key; the file was damaged")
    }
    return Opened(publicKey: parts.publicKey, secretKey: secretKey)
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
  public static func publicText(_ key: [UInt8]) -> String { "\(publicHeader)\n\(Data(key).base64EncodedString())\n" }

  /// The key in the text of a public key file.
  public static func parsePublic(_ text: String) throws -> [UInt8] {
    let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard lines.count == 2, lines[0] == publicHeader, let data = Data(base64Encoded: lines[1]),
          data.count == SealedBox.publicKeyBytes
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
    let keyBytes = SealedBox.publicKeyBytes
    let saltBytes = Argon2id.saltBytes
    let nonceBytes = AEAD.nonceBytes
    let clearLength = keyBytes + saltBytes + 16 + nonceBytes
    let total = clearLength + SealedBox.secretKeyBytes + AEAD.overhead
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
