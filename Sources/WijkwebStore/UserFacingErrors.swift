import WijkwebCore

extension StoreError: UserFacingError {}
extension KeyProblem: UserFacingError {}
