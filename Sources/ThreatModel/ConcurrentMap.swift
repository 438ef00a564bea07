import Dispatch

/// Maps independent work over all cores, keeping input order.
enum ConcurrentMap {
    /// `transform` applied to every element, in parallel chunks.
    static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Output
    ) -> [Output] {
        guard elements.count > 1 else { return elements.map(transform) }
        let buffer = ResultBuffer<Output>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            buffer.store(transform(elements[index]), at: index)
        }
        return buffer.values()
    }
}

/// Fixed slots written once each by concurrent iterations. Raw storage, so
/// writes to distinct indices never contend for the whole buffer.
private final class ResultBuffer<Output>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Output?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Each index is written by exactly one iteration.
    func store(_ value: Output, at index: Int) { base[index] = value }

    /// Call after every slot was stored.
    func values() -> [Output] { (0..<count).map { base[$0]! } }
}
