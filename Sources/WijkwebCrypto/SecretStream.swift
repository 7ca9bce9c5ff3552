import CSodium

/// Chunked authenticated encryption (libsodium `crypto_secretstream_xchacha20poly1305`): a whole bundle
/// under one key, in chunks, the last one tagged final so a cut-off copy is detected.
///
/// Output: stream header, then each chunk of up to `chunkSize` plain bytes plus `overhead`. `additional`
/// followed by the stream header is the additional data of the first chunk.
public enum SecretStream {
  public static var keyBytes: Int { Int(crypto_secretstream_xchacha20poly1305_keybytes()) }
  public static var headerBytes: Int { Int(crypto_secretstream_xchacha20poly1305_headerbytes()) }
  /// How many bytes each chunk adds.
  public static var overhead: Int { Int(crypto_secretstream_xchacha20poly1305_abytes()) }
  public static let chunkSize = 64 * 1024

  /// Why a stream does not decrypt.
  public enum Failure: Error, Hashable, Sendable {
    /// The first chunk fails: wrong key, or the start of the stream was changed.
    case firstChunk
    /// A later chunk fails: changed bytes.
    case laterChunk
    /// The stream ends before its final chunk.
    case truncated
    /// Bytes follow the final chunk.
    case trailing
    /// The header is unusable.
    case header
  }

  /// `plain` encrypted under `key`.
  public static func encrypt(_ plain: [UInt8], key: [UInt8], additional: [UInt8]) throws -> [UInt8] {
    var encryptor = try Encryptor(key: key, additional: additional)
    var output = encryptor.header
    output.reserveCapacity(output.count + plain.count + (plain.count / chunkSize + 1) * overhead)
    output += try encryptor.add(plain)
    output += try encryptor.finish()
    return output
  }

  /// Encrypts a stream given in pieces of any size, in memory that does not grow with it: the same
  /// bytes as `encrypt` of all the pieces at once (chunks of `chunkSize`, the last one, never empty unless
  /// the whole stream is, tagged final; `additional` on the first).
  public struct Encryptor {
    private var state = crypto_secretstream_xchacha20poly1305_state()
    /// The stream header, written before the chunks.
    public let header: [UInt8]
    private var additional: [UInt8]
    private var pending: [UInt8] = []
    private var first = true

    public init(key: [UInt8], additional: [UInt8]) throws {
      try Sodium.require()
      guard key.count == SecretStream.keyBytes else { throw CryptoError.wrongLength }
      var header = [UInt8](repeating: 0, count: SecretStream.headerBytes)
      guard crypto_secretstream_xchacha20poly1305_init_push(&state, &header, key) == 0 else { throw CryptoError.refused }
      self.header = header
      self.additional = additional + header
      pending.reserveCapacity(SecretStream.chunkSize)
    }

    /// Takes more plain bytes; returns the chunks completed by them. A chunk is sealed only once a byte
    /// after it is known, so the last one can be tagged final.
    public mutating func add(_ plain: [UInt8]) throws -> [UInt8] {
      var input = plain[...]
      var output: [UInt8] = []
      while pending.count + input.count > SecretStream.chunkSize {
        if pending.isEmpty {
          output += try push(input.prefix(SecretStream.chunkSize), final: false)
          input = input.dropFirst(SecretStream.chunkSize)
        } else {
          let take = SecretStream.chunkSize - pending.count
          pending += input.prefix(take)
          input = input.dropFirst(take)
          output += try push(pending[...], final: false)
          pending.removeAll(keepingCapacity: true)
        }
      }
      pending += input
      return output
    }

    /// The last chunk, tagged final.
    public mutating func finish() throws -> [UInt8] {
      let last = pending
      pending = []
      return try push(last[...], final: true)
    }

    private mutating func push(_ message: ArraySlice<UInt8>, final: Bool) throws -> [UInt8] {
      let tag = final ? crypto_secretstream_xchacha20poly1305_tag_final() : crypto_secretstream_xchacha20poly1305_tag_message()
      var cipher = [UInt8](repeating: 0, count: message.count + SecretStream.overhead)
      var cipherLength: UInt64 = 0
      let ad: [UInt8] = first ? additional : []
      let result = message.withUnsafeBufferPointer { message in
        ad.withUnsafeBufferPointer { adBytes in
          crypto_secretstream_xchacha20poly1305_push(
            &state, &cipher, &cipherLength, message.baseAddress, UInt64(message.count), adBytes.baseAddress,
            UInt64(adBytes.count), tag)
        }
      }
      guard result == 0 else { throw CryptoError.refused }
      first = false
      return Array(cipher[0 ..< Int(cipherLength)])
    }
  }

  /// The plain bytes of `stream` (header and chunks), decrypted with `key`.
  public static func decrypt(_ stream: ArraySlice<UInt8>, key: [UInt8], additional: [UInt8]) throws -> [UInt8] {
    try Sodium.require()
    guard key.count == keyBytes else { throw CryptoError.wrongLength }
    guard stream.count >= headerBytes + overhead else { throw Failure.truncated }
    let header = Array(stream.prefix(headerBytes))
    var state = crypto_secretstream_xchacha20poly1305_state()
    guard crypto_secretstream_xchacha20poly1305_init_pull(&state, header, key) == 0 else { throw Failure.header }
    var plain: [UInt8] = []
    plain.reserveCapacity(stream.count)
    var offset = stream.startIndex + headerBytes
    var first = true
    while true {
      let end = min(offset + chunkSize + overhead, stream.endIndex)
      guard end - offset >= overhead else { throw Failure.truncated }
      var message = [UInt8](repeating: 0, count: end - offset - overhead)
      var messageLength: UInt64 = 0
      var tag: UInt8 = 0
      let ad: [UInt8] = first ? additional + header : []
      let result = stream[offset ..< end].withUnsafeBufferPointer { cipher in
        ad.withUnsafeBufferPointer { adBytes in
          crypto_secretstream_xchacha20poly1305_pull(
            &state, &message, &messageLength, &tag, cipher.baseAddress, UInt64(cipher.count), adBytes.baseAddress,
            UInt64(adBytes.count))
        }
      }
      guard result == 0 else { throw first ? Failure.firstChunk : Failure.laterChunk }
      plain += message[0 ..< Int(messageLength)]
      offset = end
      first = false
      if tag == crypto_secretstream_xchacha20poly1305_tag_final() {
        guard offset == stream.endIndex else { throw Failure.trailing }
        return plain
      }
      guard offset < stream.endIndex else { throw Failure.truncated }
    }
  }
}
