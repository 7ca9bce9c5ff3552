import WijkwebCore

extension TerminalError: UserFacingError {}
