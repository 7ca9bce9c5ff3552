import Testing
@testable import WijkwebCrypto

@Suite struct CryptoTests {
  @Test func sha256KnownVectors() {
    #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(SHA256.hex(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(SHA256.digest(of: Array("abc".utf8)).count == 32)
  }

  @Test func sha256InPiecesIsTheDigestOfTheWhole() {
    let bytes = (0 ..< 300_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
    var hasher = SHA256.Hasher()
    var offset = 0
    for size in [0, 1, 63, 64, 65, 4_096, 100_000] + Array(repeating: 70_000, count: 5) where offset < bytes.count {
      let end = min(offset + size, bytes.count)
      hasher.update(Array(bytes[offset ..< end]))
      offset = end
    }
    hasher.update(Array(bytes[offset...]))
    #expect(hasher.finish() == SHA256.digest(of: bytes))
    // Finishing starts it again empty.
    #expect(hasher.finish() == SHA256.digest(of: []))
  }

  @Test func secretStreamInPiecesDecryptsAndKeepsTheChunkLayout() throws {
    let key = [UInt8](repeating: 3, count: SecretStream.keyBytes)
    let additional = Array("clear part".utf8)
    let chunk = SecretStream.chunkSize
    for total in [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk, 3 * chunk + 17] {
      let plain = (0 ..< total).map { UInt8(truncatingIfNeeded: $0 &* 31) }
      var encryptor = try SecretStream.Encryptor(key: key, additional: additional)
      var sealed = encryptor.header
      var offset = 0
      var size = 1
      while offset < total {
        let end = min(offset + size, total)
        sealed += try encryptor.add(Array(plain[offset ..< end]))
        offset = end
        size = size * 3 + 5
      }
      sealed += try encryptor.finish()
      // Full chunks of `chunkSize`, the last one (never empty unless all is) tagged final: the layout of `encrypt`.
      let chunks = max(1, (total + chunk - 1) / chunk)
      #expect(sealed.count == SecretStream.headerBytes + total + chunks * SecretStream.overhead, "\(total) bytes")
      #expect(try SecretStream.decrypt(sealed[...], key: key, additional: additional) == plain, "\(total) bytes")
      let whole = try SecretStream.encrypt(plain, key: key, additional: additional)
      #expect(whole.count == sealed.count)
      #expect(try SecretStream.decrypt(whole[...], key: key, additional: additional) == plain)
      // Cut off before the final chunk: refused.
      if total > chunk {
        #expect(throws: SecretStream.Failure.truncated) {
          try SecretStream.decrypt(sealed[..<(SecretStream.headerBytes + chunk + SecretStream.overhead)], key: key, additional: additional)
        }
      }
    }
  }

  @Test func argon2idIsDeterministicPerSaltAndChangesWithEither() throws {
    let salt = [UInt8](repeating: 7, count: Argon2id.saltBytes)
    let key = try Argon2id.derive("geheim", salt: salt, strength: .interactive, length: 32)
    #expect(key.count == 32)
    #expect(try Argon2id.derive("geheim", salt: salt, strength: .interactive, length: 32) == key)
    #expect(try Argon2id.derive("geheiM", salt: salt, strength: .interactive, length: 32) != key)
    #expect(try Argon2id.derive("geheim", salt: [UInt8](repeating: 8, count: Argon2id.saltBytes), strength: .interactive, length: 32) != key)
    #expect(throws: CryptoError.wrongLength) { try Argon2id.derive("geheim", salt: [1, 2], strength: .interactive, length: 32) }
    #expect(Argon2id.Strength.interactive.isAccepted && Argon2id.Strength.moderate.isAccepted)
    #expect(!Argon2id.Strength(ops: 1, mem: 8192).isAccepted)
  }

  @Test func sealedBoxOpensOnlyWithItsOwnKey() throws {
    let pair = try SealedBox.keyPair()
    let other = try SealedBox.keyPair()
    let sealed = try SealedBox.seal(Array("antwoord".utf8), to: pair.publicKey)
    #expect(try SealedBox.open(sealed, publicKey: pair.publicKey, secretKey: pair.secretKey) == Array("antwoord".utf8))
    #expect(throws: CryptoError.forged) { try SealedBox.open(sealed, publicKey: other.publicKey, secretKey: other.secretKey) }
    var changed = sealed
    changed[changed.count - 1] ^= 1
    #expect(throws: CryptoError.forged) { try SealedBox.open(changed, publicKey: pair.publicKey, secretKey: pair.secretKey) }
    #expect(try SealedBox.publicKey(of: pair.secretKey) == pair.publicKey)
  }

  @Test func aeadAuthenticatesTheAdditionalData() throws {
    let key = Random.bytes(AEAD.keyBytes)
    let nonce = Random.bytes(AEAD.nonceBytes)
    let cipher = try AEAD.encrypt([1, 2, 3], additional: [9], nonce: nonce, key: key)
    #expect(try AEAD.decrypt(cipher, additional: [9], nonce: nonce, key: key) == [1, 2, 3])
    #expect(throws: CryptoError.forged) { try AEAD.decrypt(cipher, additional: [8], nonce: nonce, key: key) }
  }

  @Test func secretStreamRoundTripsAndDetectsCutsAndChanges() throws {
    let key = Random.bytes(SecretStream.keyBytes)
    let plain = (0 ..< 200_000).map { UInt8(truncatingIfNeeded: $0) }
    let stream = try SecretStream.encrypt(plain, key: key, additional: [42])
    #expect(try SecretStream.decrypt(stream[...], key: key, additional: [42]) == plain)
    #expect(throws: SecretStream.Failure.firstChunk) { try SecretStream.decrypt(stream[...], key: key, additional: [43]) }
    // Cut at a chunk's end: no final chunk.
    let oneChunk = SecretStream.headerBytes + SecretStream.chunkSize + SecretStream.overhead
    #expect(throws: SecretStream.Failure.truncated) { try SecretStream.decrypt(stream.prefix(oneChunk), key: key, additional: [42]) }
    // Cut inside a chunk: that chunk does not authenticate.
    #expect(throws: SecretStream.Failure.laterChunk) { try SecretStream.decrypt(stream.dropLast(10), key: key, additional: [42]) }
    let exact = try SecretStream.encrypt([UInt8](repeating: 1, count: SecretStream.chunkSize), key: key, additional: [])
    #expect(throws: SecretStream.Failure.trailing) { try SecretStream.decrypt((exact + [0])[...], key: key, additional: []) }
    var changed = stream
    changed[changed.count - 5] ^= 1
    #expect(throws: SecretStream.Failure.laterChunk) { try SecretStream.decrypt(changed[...], key: key, additional: [42]) }
  }

  @Test func ed25519SignaturesVerifyOnlyForTheirMessageAndKey() throws {
    let pair = try Ed25519.keyPair()
    let signature = try Ed25519.sign(Array("ronde".utf8), secretKey: pair.secretKey)
    #expect(Ed25519.verify(signature, of: Array("ronde".utf8), publicKey: pair.publicKey))
    #expect(!Ed25519.verify(signature, of: Array("Ronde".utf8), publicKey: pair.publicKey))
    #expect(!Ed25519.verify(signature, of: Array("ronde".utf8), publicKey: try Ed25519.keyPair().publicKey))
    #expect(try Ed25519.publicKey(of: pair.secretKey) == pair.publicKey)
  }

  @Test func constantTimeEqualityAndRandomBytes() {
    #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
    #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
    #expect(!ConstantTime.equal([1, 2], [1, 2, 3]))
    #expect(Random.bytes(32) != Random.bytes(32))
    #expect((0 ..< 100).allSatisfy { _ in Random.uniform(31) < 31 })
  }
}
