import Foundation
import WijkwebCentral
import WijkwebCore
import WijkwebStore

/// Review on the central database, with the login's rights (a team: its own gebieden only).
extension CentralProfileSource: ReviewSource {
  public func reviewItems(roundID: Int64?, all: Bool) throws -> [ReviewItem] {
    try CentralReview.items(roundID: roundID, all: all, on: connection).map { item in
      ReviewItem(responseID: item.responseID, promptID: item.promptID, roundName: item.roundName, areaName: item.areaName,
                 text: item.text, status: ReviewStatus(rawValue: item.status) ?? .unreviewed, redactedText: item.redactedText,
                 dimensions: item.dimensions.split(separator: ",").compactMap { WijkwebCore.Dimension(rawValue: String($0)) })
    }
  }

  /// The server's clock and login are recorded; `now` is the laptop's and is not used.
  public func saveReview(_ item: ReviewItem, reviewer: String, now: Date) throws {
    try CentralReview.save(responseID: item.responseID, promptID: item.promptID, status: item.status.rawValue,
                           redactedText: item.status == .publishableEdited ? item.redactedText : nil,
                           dimensions: item.dimensions.map(\.key).joined(separator: ","), reviewer: reviewer, on: connection)
  }
}
