import WijkwebCore
import WijkwebCrypto

/// Encrypts and decrypts a whole bundle with a passphrase (libsodium): the key comes from Argon2id
/// (`crypto_pwhash`, moderate limits, a random salt) and the bundle is sealed with
/// `crypto_secretstream_xchacha20poly1305` in chunks of 64 KiB, the last one tagged final.
///
/// Layout, all in the clear up to the stream:
///
///     "WIJKWEB-SEALED 1\n" | salt (16 bytes) | opslimit (8 bytes, little-endian) | memlimit (8 bytes, LE)
///     | stream header (24 bytes) | chunks, each up to 64 KiB of bundle plus 17 bytes (`SecretStream`)
///
/// The clear part is the additional data of the first chunk, so a changed byte anywhere, a cut-off file
/// (no final chunk) or a wrong passphrase all fail the same check and nothing is read.
public enum BundleSeal {
  /// How hard the key is to guess: `moderate` for bundles, `interactive` to keep tests quick.
  public typealias Strength = Argon2id.Strength

  /// Whether `bytes` are an encrypted bundle.
  public static func isSealed(_ bytes: [UInt8]) -> Bool { BundleFormat.kind(of: bytes) == .sealed }

  /// `plain` encrypted with `passphrase`.
  public static func seal(_ plain: [UInt8], passphrase: String, strength: Strength = .moderate) throws -> [UInt8] {
    var sealer = try Sealer(passphrase: passphrase, strength: strength)
    var sealed = sealer.start
    sealed += try sealer.add(plain)
    sealed += try sealer.finish()
    return sealed
  }

  /// Encrypts a bundle given in pieces, in memory that does not grow with it: the file starts with
  /// `start`, then whatever `add` and `finish` return, the same layout as `seal`.
  public struct Sealer {
    private var encryptor: SecretStream.Encryptor
    /// The clear part and the stream header: the first bytes of the file.
    public let start: [UInt8]

    public init(passphrase: String, strength: Strength = .moderate) throws {
      let salt = Random.bytes(Argon2id.saltBytes)
      let clear = Array((BundleFormat.sealedMagic + "\n").utf8) + salt + littleEndian(strength.ops) + littleEndian(strength.mem)
      var key = try deriveKey(passphrase: passphrase, salt: salt, strength: strength)
      defer { ConstantTime.wipe(&key) }
      do {
        encryptor = try SecretStream.Encryptor(key: key, additional: clear)
      } catch {
        throw Self.refused
      }
      start = clear + encryptor.header
    }

    /// The encrypted chunks completed by `plain`.
    public mutating func add(_ plain: [UInt8]) throws -> [UInt8] {
      do { return try encryptor.add(plain) } catch { throw Self.refused }
    }

    /// The last, final chunk.
    public mutating func finish() throws -> [UInt8] {
      do { return try encryptor.finish() } catch { throw Self.refused }
    }

    static let refused = BundleProblem("could not be encrypted (libsodium refused). Export without a passphrase or try again.")
  }

  /// The bundle inside `sealed`, decrypted with `passphrase`.
  public static func open(_ sealed: [UInt8], passphrase: String) throws -> [UInt8] {
    let magic = Array((BundleFormat.sealedMagic + "\n").utf8)
    let saltBytes = Argon2id.saltBytes
    let clearLength = magic.count + saltBytes + 16
    guard sealed.starts(with: magic), sealed.count >= clearLength + SecretStream.headerBytes + SecretStream.overhead else {
      throw BundleProblem("is incomplete: it ends inside its encryption header, so it was probably cut off while copying. Copy the bundle again.")
    }
    let salt = Array(sealed[magic.count ..< magic.count + saltBytes])
    let strength = Strength(ops: readLittleEndian(sealed[magic.count + saltBytes ..< magic.count + saltBytes + 8]),
                            mem: readLittleEndian(sealed[magic.count + saltBytes + 8 ..< magic.count + saltBytes + 16]))
    guard strength.isAccepted else {
      throw BundleProblem("has an encryption header this Wijkweb does not accept; the file was damaged. Ask the sender for a new copy.")
    }
    var key = try deriveKey(passphrase: passphrase, salt: salt, strength: strength)
    defer { ConstantTime.wipe(&key) }
    do {
      return try SecretStream.decrypt(sealed[clearLength...], key: key, additional: Array(sealed[0 ..< clearLength]))
    } catch let failure as SecretStream.Failure {
      switch failure {
      case .header: throw BundleProblem("cannot be opened: its encryption header is damaged. Ask the sender for a new copy.")
      case .firstChunk:
        throw BundleProblem(LocalizedMessage(.bundleWrongPassphrase))
      case .laterChunk: throw BundleProblem("is damaged or incomplete: part of it does not decrypt. Ask the sender for a new copy.")
      case .truncated:
        throw BundleProblem("is incomplete: its last part is missing, so it was probably cut off while copying. Copy the bundle again.")
      case .trailing: throw BundleProblem("has bytes after its end; the file was changed. Ask the sender for a new copy.")
      }
    } catch {
      throw BundleProblem("cannot be encrypted or decrypted: libsodium did not start. Reinstall libsodium23.")
    }
  }

  static func deriveKey(passphrase: String, salt: [UInt8], strength: Strength) throws -> [UInt8] {
    do {
      return try Argon2id.derive(passphrase, salt: salt, strength: strength, length: SecretStream.keyBytes)
    } catch CryptoError.outOfMemory(let mebibytes) {
      throw BundleProblem("cannot be encrypted or decrypted: not enough memory for the passphrase key (\(mebibytes) MiB). Close other programs and try again.")
    } catch {
      throw BundleProblem("cannot be encrypted or decrypted: libsodium did not start. Reinstall libsodium23.")
    }
  }

  static func littleEndian(_ value: UInt64) -> [UInt8] { (0 ..< 8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }

  static func readLittleEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }
}
