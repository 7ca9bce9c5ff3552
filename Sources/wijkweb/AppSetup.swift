import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebProfiles
import WijkwebStore
import WijkwebTUI

/// Opens the database and, on a first start, seeds it with the Groningen areas, the default
/// questionnaire and a current round.
enum AppSetup {
  static let defaultQuestionnaire = "positieve-gezondheid-wijk.yaml"
  static let defaultAreas = "groningen.csv"

  /// The database the command opened, for plain error messages (WijkwebCommand.main).
  nonisolated(unsafe) static var openedPath: String?

  /// Opens the store and, on a first start, seeds it. Only an interview session passes `purge: true`
  /// (deleting responses past retention as it starts); every other command leaves the data as it is,
  /// and `wijkweb purge` deletes on request. With `existing`, a database that is not there is refused
  /// instead of created (commands that read).
  static func openStore(_ options: DatabaseOptions, purge: Bool = false, existing: Bool = false) throws -> Store {
    if let path = options.path, ConnectionTarget.isURL(path) {
      throw Failure(.errCentralFileOnly, path.prefix(while: { $0 != ":" }))
    }
    let path = DatabaseLocation.resolve(explicit: options.path)
    openedPath = path
    let store: Store
    do {
      store = try Store(path: path, create: !existing)
    } catch let error as StoreError {
      throw Failure(error)
    }
    if try store.needsSeeding() {
      let questionnaireURL = try DataFiles.folder("Questionnaires").appendingPathComponent(defaultQuestionnaire)
      let source = try DataFiles.read(questionnaireURL)
      let questionnaire: Questionnaire
      do {
        questionnaire = try QuestionnaireParser.parse(source, source: questionnaireURL.path)
      } catch let problems as FileProblems {
        throw Failure(.errDefaultQuestionnaire, detail: "\(problems)")
      }
      let areasURL = try DataFiles.folder("Areas").appendingPathComponent(defaultAreas)
      let areas = try AreaFile.parse(try DataFiles.read(areasURL), source: areasURL.path)
      try store.seedIfNeeded(areas: areas, questionnaireSource: source, questionnaire: questionnaire)
    }
    if purge {
      for (name, deleted) in try store.purgeExpired(actor: "automatic") where deleted > 0 {
        FileHandle.standardError.write(Data((UIString.cmdPurged.format(MessageLanguage.chosen, name, deleted) + "\n").utf8))
      }
    }
    return store
  }

  /// Where a reading command's figures come from: the laptop's database file, or the central database
  /// when `--db` is a postgresql:// URL (read with the login's rights; its schema must be this Wijkweb's).
  static func openSource(_ options: DatabaseOptions) throws -> any ProfileSource {
    guard let url = options.path, ConnectionTarget.isURL(url) else { return try openStore(options, existing: true) }
    return CentralProfileSource(connection: try openCentral(url))
  }

  /// Where `round create|close|show|population` and `areas import` work: the laptop's store (made when
  /// missing unless `existing`), or the central database when `--db` is a postgresql:// URL (an admin's
  /// login; PostgreSQL refuses the others).
  static func openAdministration(_ options: DatabaseOptions, existing: Bool = false) throws -> any RoundAdministration {
    guard let url = options.path, ConnectionTarget.isURL(url) else { return try openStore(options, existing: existing) }
    return CentralProfileSource(connection: try openCentral(url))
  }

  /// Where the wijkagenda is kept: the team's database file, or the central database (a team's login: its
  /// own gebieden only).
  static func openAgenda(_ options: DatabaseOptions) throws -> any AgendaStore {
    guard let url = options.path, ConnectionTarget.isURL(url) else { return try openStore(options, existing: true) }
    return CentralProfileSource(connection: try openCentral(url))
  }

  /// A connection to the central database at `url` whose schema this Wijkweb can use.
  static func openCentral(_ url: String) throws -> Connection {
    let connection = try CentralCommand.Target.connect(url)
    let version = try CentralMigrator.version(connection)
    guard let version else { throw Failure(.errCentralNoWijkwebSchema, connection.target.summary) }
    guard version == CentralSchema.currentVersion else {
      throw Failure(CentralSchema.migrations.contains { $0.version == version }
        ? "\(connection.target.summary) has schema version \(version); run `wijkweb central init` to migrate it."
        : "\(connection.target.summary) has schema version \(version), made by a newer Wijkweb; update this program.")
    }
    return connection
  }

  /// What the interview needs from the store.
  static func interviewContext(_ store: Store, rightToLeft: Bool = false) throws -> InterviewContext {
    InterviewContext(
      rounds: try LanguageFiles.apply(to: try store.openRounds(), rightToLeft: rightToLeft), areas: try store.areas(),
      newResponseID: { UUID().uuidString.lowercased() },
      newReceiptCode: {
        var generator = SystemRandomNumberGenerator()
        return ReceiptCode.make(using: &generator)
      },
      earlierWeb: { code, questionnaireID in try? store.earlierWeb(receiptCode: code, questionnaireID: questionnaireID) })
  }
}

/// Records interview effects in the store.
struct StoreRecorder: InterviewRecorder {
  let store: Store
  func record(_ effects: [InterviewEffect]) throws {
    do {
      try store.apply(effects)
    } catch let error as StoreError {
      let reason: InterviewNotice.SaveFailureReason
      switch error.kind {
      case .diskFull: reason = .diskFull
      case .readOnly: reason = .readOnly
      case .busy: reason = .busy
      case .damaged, .other: reason = .other
      }
      throw SaveFailure(reason: reason, detail: error.message)
    }
  }
}
