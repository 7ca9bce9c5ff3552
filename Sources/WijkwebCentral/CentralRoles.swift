import Foundation
import WijkwebCore

/// The login roles of the central database, each in one of the group roles of `CentralSchema`.
public enum CentralRole: String, CaseIterable, Sendable {
  case device, team, researcher, admin

  public var groupRole: String { "wijkweb_\(rawValue)" }

  /// Creates login role `name` in this role's group with the password's SCRAM verifier (the password
  /// itself never reaches the server); a team gets `gebieden`, which must be known areas; a device is bound
  /// to the one enrolled device of `certificate`, which the caller verified against the team's identity.
  public static func add(_ role: CentralRole, name: String, password: String, gebieden: [String] = [],
                         certificate: DeviceCertificate? = nil, on connection: Connection) throws {
    guard Self.isValidName(name) else {
      throw CentralError("\"\(CentralError.printable(name))\" cannot be a role name: use 1 to 63 lower-case letters, digits, - or _, starting with a letter.")
    }
    guard password.count >= 12 else { throw CentralError("The password is too short: use at least 12 characters.") }
    if role == .team && gebieden.isEmpty { throw CentralError("A team needs at least one gebied: add --gebied CODE.") }
    if role != .team && !gebieden.isEmpty { throw CentralError("Only a team has gebieden; leave out --gebied.") }
    if role == .device && certificate == nil { throw CentralError(LocalizedMessage(.centralDeviceNeedsCertificate)) }
    if role != .device && certificate != nil { throw CentralError("Only a device has a certificate; leave out --certificate.") }
    try connection.transaction {
      if try !connection.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]).isEmpty {
        throw CentralError("A role named \(name) exists already; choose another name.")
      }
      for code in gebieden where try connection.query("SELECT 1 FROM wijkweb.areas WHERE code = $1", [code]).isEmpty {
        throw CentralError("There is no area \(CentralError.printable(code)) in the central database; nothing was created.")
      }
      let verifier = try connection.passwordVerifier(password, role: name)
      let options = role == .admin ? "LOGIN CREATEROLE" : "LOGIN"
      try connection.execute("CREATE ROLE \(try connection.identifier(name)) \(options) PASSWORD \(try connection.literal(verifier)) IN ROLE \(role.groupRole)")
      if let certificate {
        // One login per enrolled device (the UNIQUE constraint holds it too; this says it in a sentence).
        if try !connection.query("SELECT 1 FROM wijkweb.device_bindings WHERE device_id = $1", [certificate.deviceID]).isEmpty {
          throw CentralError(LocalizedMessage(.centralDeviceBoundAlready, CentralError.printable(certificate.deviceID)))
        }
        try connection.query("INSERT INTO wijkweb.device_bindings (role_name, device_id, certificate) VALUES ($1, $2, $3)",
                             [name, certificate.deviceID, certificate.text])
      }
      for code in gebieden {
        try connection.query("INSERT INTO wijkweb.team_areas (team, area_code) VALUES ($1, $2)", [name, code])
      }
      try connection.query("INSERT INTO wijkweb.audit (action, detail) VALUES ('add-role', $1)",
                           ["\(role.rawValue) \(name)\(gebieden.isEmpty ? "" : " for " + gebieden.joined(separator: ", "))"
                            + (certificate.map { " bound to device \($0.deviceID)" } ?? "")])
    }
  }

  static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, (1...63).contains(name.utf8.count), ("a"..."z").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
  }
}
