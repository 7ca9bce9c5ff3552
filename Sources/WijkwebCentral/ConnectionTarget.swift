import CLibpq
import Foundation
import WijkwebCore

/// Where the central database is, in libpq's own terms: a `postgresql://` URL, a `key=value` connection
/// string or the name of a service in `pg_service.conf`. libpq reads passwords from `PGPASSFILE` or
/// `PGPASSWORD`; a password written in the URL is refused, because a command line is visible to every
/// user of the machine.
///
/// TLS: a host reached over TCP gets `sslmode=verify-full` unless the URL (or `PGSSLMODE`) says otherwise,
/// so the server's certificate must be signed by the CA in `sslrootcert` (default `~/.postgresql/root.crt`)
/// and name the host. A Unix socket (a host that is a folder, or no host) needs no TLS.
public struct ConnectionTarget: Sendable, Equatable {
  /// The connection parameters libpq will get, in order; never a password.
  public var parameters: [(key: String, value: String)]

  public static func == (a: ConnectionTarget, b: ConnectionTarget) -> Bool {
    a.parameters.map(\.key) == b.parameters.map(\.key) && a.parameters.map(\.value) == b.parameters.map(\.value)
  }

  public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw CentralError(LocalizedMessage(.centralNoTarget)) }
    let conninfo: String
    if Self.isURL(trimmed) || trimmed.contains("=") {
      conninfo = trimmed
    } else {
      guard trimmed.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }) else {
        throw CentralError(LocalizedMessage(.centralNotATarget, CentralError.printable(trimmed)))
      }
      conninfo = "service=\(trimmed)"
    }
    var error: UnsafeMutablePointer<CChar>?
    guard let options = PQconninfoParse(conninfo, &error) else {
      let reason = error.map { String(cString: $0) } ?? "it cannot be read"
      if let error { PQfreemem(error) }
      throw CentralError(LocalizedMessage(.centralBadAddress, CentralError.printable(reason)))
    }
    defer { PQconninfoFree(options) }
    var parameters: [(key: String, value: String)] = []
    var index = 0
    while let keyword = options[index].keyword {
      if let value = options[index].val {
        parameters.append((String(cString: keyword), String(cString: value)))
      }
      index += 1
    }
    if parameters.contains(where: { $0.key == "password" }) {
      throw CentralError(LocalizedMessage(.centralPasswordInAddress))
    }
    let explicitMode = parameters.contains { $0.key == "sslmode" } || !(environment["PGSSLMODE"] ?? "").isEmpty
    if !explicitMode && Self.reachesOverTCP(parameters, environment: environment) {
      parameters.append(("sslmode", "verify-full"))
    }
    parameters.append(("application_name", "wijkweb"))
    parameters.append(("client_encoding", "UTF8"))
    self.parameters = parameters
  }

  /// Whether `text` names a central database rather than a file: a `postgresql://` or `postgres://` URL.
  public static func isURL(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  public func value(_ key: String) -> String? { parameters.last { $0.key == key }?.value }

  /// Whether some host of these parameters is reached over TCP: `hostaddr`, or a host that is not a
  /// folder (a socket's). With no host (a service, or libpq's default socket), the service file or
  /// PGHOST decide; a service's TCP host gets verify-full through `PGSSLMODE` (see `Connection`).
  static func reachesOverTCP(_ parameters: [(key: String, value: String)], environment: [String: String]) -> Bool {
    if parameters.contains(where: { $0.key == "hostaddr" && !$0.value.isEmpty }) { return true }
    let host = parameters.last { $0.key == "host" }?.value ?? (parameters.contains { $0.key == "service" } ? nil : environment["PGHOST"])
    guard let host, !host.isEmpty else { return false }
    return host.split(separator: ",").contains { !($0.hasPrefix("/") || $0.hasPrefix("@")) }
  }

  /// The target without secrets, for messages: `user@host:port/dbname (sslmode)`.
  public var summary: String {
    let host = value("host") ?? value("service").map { "service \($0)" } ?? "local socket"
    let port = value("port").map { ":\($0)" } ?? ""
    let user = value("user").map { "\($0)@" } ?? ""
    let database = value("dbname").map { "/\($0)" } ?? ""
    let mode = value("sslmode").map { " (sslmode=\($0))" } ?? ""
    return CentralError.printable("\(user)\(host)\(port)\(database)\(mode)")
  }
}
