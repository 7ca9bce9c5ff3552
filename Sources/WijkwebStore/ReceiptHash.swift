import Foundation
import WijkwebCore
import WijkwebCrypto

/// What a response keeps of its receipt code: the locator in the clear, and a slow hash (Argon2id with a
/// salt of its own) of the whole code. A withdrawal proves the code by giving it; the code itself is
/// stored nowhere, so neither a database nor a bundle lets anyone withdraw another resident's answers.
public struct ReceiptHash: Hashable, Sendable {
  public var locator: String
  public var salt: [UInt8]
  public var hash: [UInt8]

  /// Argon2id limits of receipt hashes: 2 passes over 19 MiB (OWASP's minimum for Argon2id). A guess costs
  /// about 20 ms on one core of a laptop; one is made per completed interview and per withdrawal checked.
  public static let strength = Argon2id.Strength(ops: 2, mem: 19 * 1_048_576)
  static let hashBytes = 32

  /// A new hash of the normalised `code`, with a fresh salt.
  public init(code: String) throws {
    let salt = Random.bytes(Argon2id.saltBytes)
    self.init(locator: ReceiptCode.locator(of: code), salt: salt, hash: try Self.derive(code, salt: salt))
  }

  public init(locator: String, salt: [UInt8], hash: [UInt8]) {
    self.locator = locator
    self.salt = salt
    self.hash = hash
  }

  /// Whether the normalised `code` is the code this hash was made of.
  public func matches(_ code: String) -> Bool {
    guard ReceiptCode.locator(of: code) == locator, let derived = try? Self.derive(code, salt: salt) else { return false }
    return ConstantTime.equal(derived, hash)
  }

  /// New hashes of many normalised codes, computed on every core (about 20 ms each on one).
  public static func many(_ codes: [String]) throws -> [ReceiptHash] {
    let results = Results(count: codes.count)
    DispatchQueue.concurrentPerform(iterations: codes.count) { index in
      results.set(index, Result { try ReceiptHash(code: codes[index]) })
    }
    return try results.values.map { try $0!.get() }
  }

  /// Slots filled from several threads, each by one of them.
  private final class Results: @unchecked Sendable {
    private var storage: [Result<ReceiptHash, any Error>?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<ReceiptHash, any Error>) { lock.withLock { storage[index] = value } }
    var values: [Result<ReceiptHash, any Error>?] { lock.withLock { storage } }
  }

  static func derive(_ code: String, salt: [UInt8]) throws -> [UInt8] {
    do {
      return try Argon2id.derive(code, salt: salt, strength: strength, length: hashBytes)
    } catch {
      throw StoreError("The receipt code could not be hashed (not enough memory or libsodium missing); close other programs and try again.")
    }
  }
}
