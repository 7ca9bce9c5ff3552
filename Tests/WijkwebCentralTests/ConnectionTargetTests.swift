import Testing
@testable import WijkwebCentral

@Suite struct ConnectionTargetTests {
  @Test func aTCPHostWithoutSSLModeGetsVerifyFull() throws {
    let target = try ConnectionTarget("postgresql://wijkweb@db.gemeente.example:5432/wijkweb", environment: [:])
    #expect(target.value("sslmode") == "verify-full")
    #expect(target.value("host") == "db.gemeente.example")
    #expect(target.value("dbname") == "wijkweb")
    let address = try ConnectionTarget("host=10.0.0.5 dbname=wijkweb", environment: [:])
    #expect(address.value("sslmode") == "verify-full")
  }

  @Test func theURLOrTheEnvironmentMayChooseAnotherMode() throws {
    #expect(try ConnectionTarget("postgresql://db.example/w?sslmode=verify-ca&sslrootcert=/etc/ca.pem", environment: [:]).value("sslmode") == "verify-ca")
    #expect(try ConnectionTarget("postgresql://db.example/w?sslrootcert=/etc/ca.pem", environment: [:]).value("sslrootcert") == "/etc/ca.pem")
    #expect(try ConnectionTarget("postgresql://db.example/w", environment: ["PGSSLMODE": "require"]).value("sslmode") == nil)
  }

  @Test func aLocalSocketNeedsNoTLS() throws {
    #expect(try ConnectionTarget("postgresql:///wijkweb?host=/run/postgresql", environment: [:]).value("sslmode") == nil)
    #expect(try ConnectionTarget("postgresql:///wijkweb", environment: [:]).value("sslmode") == nil)
    #expect(try ConnectionTarget("postgresql:///wijkweb", environment: ["PGHOST": "db.example"]).value("sslmode") == "verify-full")
  }

  @Test func aServiceNameIsUsedAsAService() throws {
    let target = try ConnectionTarget("wijkweb-groningen", environment: [:])
    #expect(target.value("service") == "wijkweb-groningen")
  }

  @Test func aPasswordInTheURLIsRefused() {
    #expect(throws: CentralError.self) { try ConnectionTarget("postgresql://user:geheim@db.example/w", environment: [:]) }
    #expect(throws: CentralError.self) { try ConnectionTarget("host=db.example password=geheim", environment: [:]) }
  }

  @Test func somethingElseIsRefusedPlainly() {
    #expect(throws: CentralError.self) { try ConnectionTarget("", environment: [:]) }
    #expect(throws: CentralError.self) { try ConnectionTarget("not a \u{1B}[2J service", environment: [:]) }
    #expect(throws: CentralError.self) { try ConnectionTarget("postgresql://db.example/w?nonsense=1", environment: [:]) }
  }

  @Test func roleNamesAreLimitedToSafeIdentifiers() {
    #expect(CentralRole.isValidName("laptop-noord-3"))
    #expect(!CentralRole.isValidName("Robert'); DROP TABLE"))
    #expect(!CentralRole.isValidName("3laptop"))
    #expect(!CentralRole.isValidName(String(repeating: "a", count: 64)))
  }
}
