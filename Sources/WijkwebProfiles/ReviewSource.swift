import Foundation
import WijkwebCore
import WijkwebStore

/// Where `wijkweb review` reads reflections and keeps decisions: a laptop's store, or the central database
/// with a team's login (row-level security: only its own gebieden). The review screen is the same.
public protocol ReviewSource: RoundCatalog {
  /// The reflections of completed responses to review, oldest first: only unreviewed ones unless `all`.
  func reviewItems(roundID: Int64?, all: Bool) throws -> [ReviewItem]
  /// Stores a decision, with its audit entry (without the text).
  func saveReview(_ item: ReviewItem, reviewer: String, now: Date) throws
}

extension Store: ReviewSource {}
