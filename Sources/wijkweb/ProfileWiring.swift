import Foundation
import WijkwebCore
import WijkwebStore
import WijkwebProfiles

extension ProfileEngine {
  /// The round's protected profile for these settings; its notes go to standard error in `language` unless
  /// `quiet` (a curses screen is up).
  func profile(round: RoundInfo, questionnaire: Questionnaire, breakdown: String?, minimum: Int?, weighted: Bool = false,
               quiet: Bool = false, language: Language = .dutch) throws -> Profile {
    let result = try profile(round: round, questionnaire: questionnaire,
                             settings: ProfileSettings(breakdown: breakdown, minimum: minimum, weighted: weighted))
    if !quiet {
      // Said as before (the sealed note in English, the weighting notes in Dutch) unless --language is given.
      let asked = MessageLanguage.isGiven(in: CommandLine.arguments)
      for note in result.notes { FileHandle.standardError.write(Data(((asked ? note.text(language) : note.description) + "\n").utf8)) }
    }
    return result.profile
  }
}
