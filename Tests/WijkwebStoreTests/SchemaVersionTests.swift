import Testing
@testable import WijkwebStore

@Suite struct SchemaVersionTests {
  @Test func aNewDatabaseIsAtTheLastRegisteredMigrationNotTheLastNameInSortOrder() throws {
    let store = try Store.inMemory()
    let registered = Schema.migrator().migrations
    let version = try store.schemaVersion()
    #expect(version == Store.programSchemaVersion)
    #expect(version.number == registered.count)
    #expect(version.name == registered.last)
    // The defect this guards against: sorting the names picks "v5-sealed" over the later "v5-in-progress-index".
    #expect(SchemaVersion(applied: ["v5-sealed", "v5-in-progress-index"]).description == "2 (v5-in-progress-index)")
    #expect(version.description == "\(registered.count) (\(registered.last ?? ""))")
  }

  @Test func theVersionCountsTheAppliedMigrationsAndNamesTheLast() {
    #expect(SchemaVersion(applied: ["v1", "v2", "v3"]) == SchemaVersion(applied: ["v1", "v2", "v3"]))
    #expect(SchemaVersion(applied: ["v1", "v2", "v3"]).description == "3 (v3)")
    #expect(SchemaVersion(applied: []).description == "0 (none)")
  }
}
