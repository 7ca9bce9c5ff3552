import WijkwebCore

extension RenderError: UserFacingError {}
extension ExportError: UserFacingError {}
