import Foundation

/// Runs a producer on its own thread, at most `depth` results ahead of the consumer, so that making the
/// next batch overlaps with writing the current one.
final class Prefetcher<Element: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var ready: [Element] = []
  private var produced = 0
  private var consumed = 0
  private var cancelled = false
  private let count: Int
  private let depth: Int

  /// Starts producing `count` elements by calling `produce` on a background thread (and only there).
  init(count: Int, depth: Int = 2, produce: @escaping @Sendable () -> Element) {
    self.count = count
    self.depth = max(1, depth)
    let thread = Thread { [self] in
      while true {
        condition.lock()
        while ready.count >= self.depth && !cancelled { condition.wait() }
        let stop = cancelled || produced >= count
        condition.unlock()
        if stop { return }
        let element = produce()
        condition.lock()
        ready.append(element)
        produced += 1
        condition.broadcast()
        condition.unlock()
      }
    }
    thread.start()
  }

  /// The next element in production order, waiting for it; nil after the last.
  func next() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    guard consumed < count else { return nil }
    while ready.isEmpty { condition.wait() }
    consumed += 1
    condition.broadcast()
    return ready.removeFirst()
  }

  /// Stops the producer after the element it is making.
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  deinit { cancel() }
}
