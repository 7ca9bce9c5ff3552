/// Project-wide String helpers for messages and parsed text.
extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
  var trimmingWhitespace: String {
    var result = Substring(self)
    while let first = result.first, first.isWhitespace { result.removeFirst() }
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return String(result)
  }
}
