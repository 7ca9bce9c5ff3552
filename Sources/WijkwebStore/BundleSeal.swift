import CSodium
import WijkwebCore

/// Encrypts and decrypts a whole bundle with a passphrase (libsodium): the key comes from Argon2id
/// (`crypto_pwhash`, moderate limits, a random salt) and the bundle is sealed with
/// `crypto_secretstream_xchacha20poly1305` in chunks of 64 KiB, the last one tagged final.
///
/// Layout, all in the clear up to the stream:
///
///     "WIJKWEB-SEALED 1\n" | salt (16 bytes) | opslimit (8 bytes, little-endian) | memlimit (8 bytes, LE)
///     | stream header (24 bytes) | chunks, each up to 64 KiB of bundle plus 17 bytes
///
/// The clear part is the additional data of the first chunk, so a changed byte anywhere, a cut-off file
/// (no final chunk) or a wrong passphrase all fail the same check and nothing is read.
public enum BundleSeal {
  /// How hard the key is to guess: `moderate` for bundles, `interactive` to keep tests quick.
  public enum Strength: Sendable {
    case moderate, interactive

    var limits: (ops: UInt64, mem: UInt64) {
      switch self {
      case .moderate: return (UInt64(crypto_pwhash_opslimit_moderate()), UInt64(crypto_pwhash_memlimit_moderate()))
      case .interactive: return (UInt64(crypto_pwhash_opslimit_interactive()), UInt64(crypto_pwhash_memlimit_interactive()))
      }
    }
  }

  static let chunkSize = 64 * 1024

  /// libsodium, initialised once per process.
  static let ready: Bool = sodium_init() >= 0

  /// Whether `bytes` are an encrypted bundle.
  public static func isSealed(_ bytes: [UInt8]) -> Bool { BundleFormat.kind(of: bytes) == .sealed }

  /// `plain` encrypted with `passphrase`.
  public static func seal(_ plain: [UInt8], passphrase: String, strength: Strength = .moderate) throws -> [UInt8] {
    try requireSodium()
    var salt = [UInt8](repeating: 0, count: Int(crypto_pwhash_saltbytes()))
    randombytes_buf(&salt, salt.count)
    let (ops, mem) = strength.limits
    var clear = Array((BundleFormat.sealedMagic + "\n").utf8) + salt + littleEndian(ops) + littleEndian(mem)
    var key = try deriveKey(passphrase: passphrase, salt: salt, ops: ops, mem: mem)
    defer { sodium_memzero(&key, key.count) }
    var state = crypto_secretstream_xchacha20poly1305_state()
    var header = [UInt8](repeating: 0, count: Int(crypto_secretstream_xchacha20poly1305_headerbytes()))
    guard crypto_secretstream_xchacha20poly1305_init_push(&state, &header, key) == 0 else {
      throw BundleProblem("could not be encrypted (libsodium refused). Export without a passphrase or try again.")
    }
    let additional = clear + header
    clear += header
    var output = clear
    output.reserveCapacity(clear.count + plain.count + (plain.count / chunkSize + 1) * abytes)
    var offset = 0
    repeat {
      let end = min(offset + chunkSize, plain.count)
      let last = end == plain.count
      let tag = last ? crypto_secretstream_xchacha20poly1305_tag_final() : crypto_secretstream_xchacha20poly1305_tag_message()
      var cipher = [UInt8](repeating: 0, count: end - offset + abytes)
      var cipherLength: UInt64 = 0
      let ad: [UInt8] = offset == 0 ? additional : []
      let result = plain[offset ..< end].withUnsafeBufferPointer { message in
        ad.withUnsafeBufferPointer { adBytes in
          crypto_secretstream_xchacha20poly1305_push(
            &state, &cipher, &cipherLength, message.baseAddress, UInt64(message.count), adBytes.baseAddress,
            UInt64(adBytes.count), tag)
        }
      }
      guard result == 0 else { throw BundleProblem("could not be encrypted (libsodium refused). Export without a passphrase.") }
      output += cipher[0 ..< Int(cipherLength)]
      offset = end
    } while offset < plain.count
    return output
  }

  /// The bundle inside `sealed`, decrypted with `passphrase`.
  public static func open(_ sealed: [UInt8], passphrase: String) throws -> [UInt8] {
    try requireSodium()
    let magic = Array((BundleFormat.sealedMagic + "\n").utf8)
    let saltBytes = Int(crypto_pwhash_saltbytes())
    let headerBytes = Int(crypto_secretstream_xchacha20poly1305_headerbytes())
    let clearLength = magic.count + saltBytes + 16 + headerBytes
    guard sealed.starts(with: magic), sealed.count >= clearLength + abytes else {
      throw BundleProblem("is incomplete: it ends inside its encryption header, so it was probably cut off while copying. Copy the bundle again.")
    }
    let salt = Array(sealed[magic.count ..< magic.count + saltBytes])
    let ops = readLittleEndian(sealed[magic.count + saltBytes ..< magic.count + saltBytes + 8])
    let mem = readLittleEndian(sealed[magic.count + saltBytes + 8 ..< magic.count + saltBytes + 16])
    let weakest = Strength.interactive.limits
    let strongest = Strength.moderate.limits
    guard (weakest.ops ... strongest.ops).contains(ops), (weakest.mem ... strongest.mem).contains(mem) else {
      throw BundleProblem("has an encryption header this Wijkweb does not accept; the file was damaged. Ask the sender for a new copy.")
    }
    let header = Array(sealed[clearLength - headerBytes ..< clearLength])
    let additional = Array(sealed[0 ..< clearLength])
    var key = try deriveKey(passphrase: passphrase, salt: salt, ops: ops, mem: mem)
    defer { sodium_memzero(&key, key.count) }
    var state = crypto_secretstream_xchacha20poly1305_state()
    guard crypto_secretstream_xchacha20poly1305_init_pull(&state, header, key) == 0 else {
      throw BundleProblem("cannot be opened: its encryption header is damaged. Ask the sender for a new copy.")
    }
    var plain: [UInt8] = []
    plain.reserveCapacity(sealed.count)
    var offset = clearLength
    var first = true
    while true {
      let end = min(offset + chunkSize + abytes, sealed.count)
      guard end - offset >= abytes else {
        throw BundleProblem("is incomplete: its last part is missing, so it was probably cut off while copying. Copy the bundle again.")
      }
      var message = [UInt8](repeating: 0, count: end - offset - abytes)
      var messageLength: UInt64 = 0
      var tag: UInt8 = 0
      let ad: [UInt8] = first ? additional : []
      let result = sealed[offset ..< end].withUnsafeBufferPointer { cipher in
        ad.withUnsafeBufferPointer { adBytes in
          crypto_secretstream_xchacha20poly1305_pull(
            &state, &message, &messageLength, &tag, cipher.baseAddress, UInt64(cipher.count), adBytes.baseAddress,
            UInt64(adBytes.count))
        }
      }
      guard result == 0 else {
        throw BundleProblem(first
          ? "cannot be opened: the passphrase is wrong, or the file is damaged. Check the passphrase, or ask the sender for a new copy."
          : "is damaged or incomplete: part of it does not decrypt. Ask the sender for a new copy.")
      }
      plain += message[0 ..< Int(messageLength)]
      offset = end
      first = false
      if tag == crypto_secretstream_xchacha20poly1305_tag_final() {
        guard offset == sealed.count else {
          throw BundleProblem("has bytes after its end; the file was changed. Ask the sender for a new copy.")
        }
        return plain
      }
      guard offset < sealed.count else {
        throw BundleProblem("is incomplete: its last part is missing, so it was probably cut off while copying. Copy the bundle again.")
      }
    }
  }

  static var abytes: Int { Int(crypto_secretstream_xchacha20poly1305_abytes()) }

  static func requireSodium() throws {
    guard ready else { throw BundleProblem("cannot be encrypted or decrypted: libsodium did not start. Reinstall libsodium23.") }
  }

  static func deriveKey(passphrase: String, salt: [UInt8], ops: UInt64, mem: UInt64) throws -> [UInt8] {
    var key = [UInt8](repeating: 0, count: Int(crypto_secretstream_xchacha20poly1305_keybytes()))
    // The String is passed as its NUL-terminated UTF-8; the length leaves the terminator out.
    let result = crypto_pwhash(&key, UInt64(key.count), passphrase, UInt64(passphrase.utf8.count), salt, ops, Int(mem),
                               crypto_pwhash_alg_argon2id13())
    guard result == 0 else {
      throw BundleProblem("cannot be encrypted or decrypted: not enough memory for the passphrase key (\(mem / 1_048_576) MiB). Close other programs and try again.")
    }
    return key
  }

  static func littleEndian(_ value: UInt64) -> [UInt8] { (0 ..< 8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }

  static func readLittleEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }
}
