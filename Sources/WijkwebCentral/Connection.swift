import CLibpq
import Foundation

/// One libpq connection to the central database. Statements take text parameters ($1, $2 ...) and give
/// rows of optional strings; every failure becomes a `CentralError` with a plain sentence.
public final class Connection {
  let handle: OpaquePointer
  public let target: ConnectionTarget

  /// Connects to `target`. When the server wants a password that neither PGPASSFILE nor PGPASSWORD gave,
  /// `askPassword` is called once (nil: no terminal to ask on).
  public init(_ target: ConnectionTarget, askPassword: (() throws -> String?)? = nil) throws {
    self.target = target
    // A service's host is known only to libpq: its TCP connections get verify-full unless the service
    // file or the environment name a mode (libpq ignores sslmode on Unix sockets).
    if target.value("sslmode") == nil, target.value("service") != nil, (ProcessInfo.processInfo.environment["PGSSLMODE"] ?? "").isEmpty {
      setenv("PGSSLMODE", "verify-full", 1)
    }
    var handle = Self.connect(target.parameters)
    if PQstatus(handle) != CONNECTION_OK, PQconnectionNeedsPassword(handle) == 1, let askPassword, let password = try askPassword() {
      PQfinish(handle)
      handle = Self.connect(target.parameters + [("password", password)])
    }
    guard let handle, PQstatus(handle) == CONNECTION_OK else {
      let reason = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
      PQfinish(handle)
      throw CentralError("Cannot connect to the central database \(target.summary): \(Self.firstLine(reason))")
    }
    self.handle = handle
  }

  deinit { PQfinish(handle) }

  private static func connect(_ parameters: [(key: String, value: String)]) -> OpaquePointer? {
    let keys = parameters.map { strdup($0.key) } + [nil]
    let values = parameters.map { strdup($0.value) } + [nil]
    defer { (keys + values).forEach { free($0) } }
    return keys.map { UnsafePointer($0) }.withUnsafeBufferPointer { keyPointer in
      values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valuePointer in
        PQconnectdbParams(keyPointer.baseAddress, valuePointer.baseAddress, 0)
      }
    }
  }

  static func firstLine(_ text: String) -> String {
    CentralError.printable(text.split(separator: "\n").first.map(String.init) ?? text)
  }

  /// Whether the connection is encrypted (TLS).
  public var usesTLS: Bool { PQsslInUse(handle) == 1 }

  /// The login role of this connection.
  public var user: String { String(cString: PQuser(handle)) }

  /// Runs one statement with text parameters; returns its rows (columns by position).
  @discardableResult
  public func query(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
    let copies = parameters.map { $0.map { strdup($0) } ?? nil }
    defer { copies.forEach { free($0) } }
    let result = copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { pointer in
      PQexecParams(handle, sql, Int32(parameters.count), nil, pointer.baseAddress, nil, nil, 0)
    }
    return try rows(of: result)
  }

  /// Runs several statements without parameters (a migration, BEGIN/COMMIT).
  public func execute(_ sql: String) throws {
    try rows(of: PQexec(handle, sql))
  }

  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN")
    do {
      let value = try body()
      try execute("COMMIT")
      return value
    } catch {
      _ = try? execute("ROLLBACK")
      throw error
    }
  }

  /// Whether a transaction is open on this connection.
  public var inTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }

  /// Runs one query through a server-side cursor and calls `body` for each row, `fetch` rows at a time,
  /// so a large result never sits in memory at once. Inside the caller's transaction when one is open,
  /// else in a read-only one of its own.
  public func forEachRow(_ sql: String, _ parameters: [String?] = [], fetch: Int = 5000, _ body: ([String?]) throws -> Void) throws {
    let own = !inTransaction
    if own { try execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") }
    do {
      try query("DECLARE wijkweb_rows NO SCROLL CURSOR FOR " + sql, parameters)
      while true {
        let rows = try query("FETCH \(max(1, fetch)) FROM wijkweb_rows")
        for row in rows { try body(row) }
        if rows.count < fetch { break }
      }
      try execute("CLOSE wijkweb_rows")
      if own { try execute("COMMIT") }
    } catch {
      if own { _ = try? execute("ROLLBACK") }
      throw error
    }
  }

  /// Loads rows into a table with COPY FROM STDIN (text format): `statement` is the COPY statement, each
  /// row its columns' text (nil: NULL). Returns how many rows the server took.
  @discardableResult
  public func copy(_ statement: String, rows records: some Sequence<[String?]>) throws -> Int {
    let started = PQexec(handle, statement)
    let status = PQresultStatus(started)
    if status != PGRES_COPY_IN {
      try rows(of: started)
      throw CentralError("The central database did not start copying.")
    }
    PQclear(started)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 16)
    func flush() throws {
      guard !buffer.isEmpty else { return }
      let sent = buffer.withUnsafeBufferPointer { pointer in
        pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) { PQputCopyData(handle, $0, Int32(pointer.count)) }
      }
      buffer.removeAll(keepingCapacity: true)
      if sent != 1 { throw CentralError("Copying to the central database failed: \(Self.firstLine(String(cString: PQerrorMessage(handle))))") }
    }
    for row in records {
      for (index, field) in row.enumerated() {
        if index > 0 { buffer.append(9) }
        guard let field else {
          buffer.append(contentsOf: [92, 78])  // \N
          continue
        }
        for byte in field.utf8 {
          switch byte {
          case 92: buffer.append(contentsOf: [92, 92])
          case 9: buffer.append(contentsOf: [92, 116])
          case 10: buffer.append(contentsOf: [92, 110])
          case 13: buffer.append(contentsOf: [92, 114])
          default: buffer.append(byte)
          }
        }
      }
      buffer.append(10)
      if buffer.count >= 1 << 16 { try flush() }
    }
    try flush()
    guard PQputCopyEnd(handle, nil) == 1 else {
      throw CentralError("Copying to the central database failed: \(Self.firstLine(String(cString: PQerrorMessage(handle))))")
    }
    var copied = 0
    var failure: Error?
    while let result = PQgetResult(handle) {
      if PQresultStatus(result) == PGRES_COMMAND_OK {
        copied += Int(String(cString: PQcmdTuples(result))) ?? 0
        PQclear(result)
      } else {
        do { try rows(of: result) } catch { failure = failure ?? error }
      }
    }
    if let failure { throw failure }
    return copied
  }

  /// A string as a quoted SQL identifier (role names in CREATE ROLE).
  public func identifier(_ text: String) throws -> String {
    guard let quoted = PQescapeIdentifier(handle, text, text.utf8.count) else { throw CentralError("The name \"\(CentralError.printable(text))\" cannot be used.") }
    defer { PQfreemem(quoted) }
    return String(cString: quoted)
  }

  /// A string as a quoted SQL literal.
  public func literal(_ text: String) throws -> String {
    guard let quoted = PQescapeLiteral(handle, text, text.utf8.count) else { throw CentralError("The text cannot be used in SQL.") }
    defer { PQfreemem(quoted) }
    return String(cString: quoted)
  }

  /// The SCRAM-SHA-256 verifier of `password` for `role`, made here, so the password itself never
  /// travels to the server or its logs.
  public func passwordVerifier(_ password: String, role: String) throws -> String {
    guard let verifier = PQencryptPasswordConn(handle, password, role, "scram-sha-256") else {
      throw CentralError("The password could not be prepared: \(Self.firstLine(String(cString: PQerrorMessage(handle))))")
    }
    defer { PQfreemem(verifier) }
    return String(cString: verifier)
  }

  @discardableResult
  private func rows(of result: OpaquePointer?) throws -> [[String?]] {
    guard let result else { throw CentralError("The central database did not answer: \(Self.firstLine(String(cString: PQerrorMessage(handle))))") }
    defer { PQclear(result) }
    switch PQresultStatus(result) {
    case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
      return []
    case PGRES_TUPLES_OK:
      let rowCount = PQntuples(result), columnCount = PQnfields(result)
      return (0..<rowCount).map { row in
        (0..<columnCount).map { column in
          PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
        }
      }
    default:
      let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
      let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
        ?? String(cString: PQresultErrorMessage(result))
      if state == "42501" {
        throw CentralError("The central database refused this for role \(CentralError.printable(user)): \(Self.firstLine(message)).", sqlState: state)
      }
      throw CentralError("The central database refused the request: \(Self.firstLine(message)).", sqlState: state)
    }
  }
}
