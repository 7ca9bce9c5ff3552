/// One format of the responses export, fed row by row so that a round of any size streams through.
///
/// `begin` is called once with the number of rows that follow, `write` once per response with the values
/// in the codebook's order, and `finish` once at the end; a sink writes only to the temporary paths it was
/// given, and the caller renames them into place after `finish`.
public protocol ResponseSink: AnyObject {
  func begin(rowCount: Int) throws
  func write(_ values: [ExportValue]) throws
  func finish() throws
}

/// The formats of `wijkweb export responses`.
public enum ResponseFormat: String, CaseIterable, Sendable {
  case csv, xlsx, sav, json
}

/// The formats of `wijkweb export profiles`.
public enum ProfileFormat: String, CaseIterable, Sendable {
  case csv, xlsx, json
}
