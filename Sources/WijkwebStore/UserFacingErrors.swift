import WijkwebCore
import WijkwebFiles

extension StoreError: UserFacingError {}
extension KeyProblem: UserFacingError {}
extension FileError: UserFacingError {}
