/// An error whose description is said to the person at the keyboard as it is: what went wrong and what
/// to do, in plain sentences. `wijkweb` prints it once, in `main`, and exits with status 1; code between
/// the failure and `main` lets it pass rather than catching it to re-wrap the same message.
public protocol UserFacingError: Error, CustomStringConvertible {}

extension FileProblem: UserFacingError {}
extension FileProblems: UserFacingError {}
extension BundleProblem: UserFacingError {}
extension PaperKeyProblem: UserFacingError {}
extension WeightingError: UserFacingError {}
