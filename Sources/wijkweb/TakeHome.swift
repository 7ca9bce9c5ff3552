import WijkwebReports
import WijkwebTUI

/// The resident's take-home web (WijkwebReports) is where `p` on the saved screen sends the web.
typealias TakeHome = WijkwebReports.TakeHome
extension TakeHome: TakeHomePrinter {}
