import Dispatch
import Foundation

/// Maps independent work over all cores, keeping input order.
///
/// A map inside another map's transform runs serially on its worker
/// (libdispatch does not nest `concurrentPerform`): parallelise the
/// outermost loop that has enough independent work.
public enum ConcurrentMap {
    /// `transform` applied to every element, in parallel.
    public static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Output
    ) -> [Output] {
        map(count: elements.count) { transform(elements[$0]) }
    }

    /// `transform(index)` for every index in `0..<count`, in parallel, in index order.
    public static func map<Output: Sendable>(count: Int, _ transform: @Sendable (Int) -> Output) -> [Output] {
        guard count > 1 else { return (0..<count).map(transform) }
        let slots = Slots<Output>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(transform(index), at: index)
        }
        return slots.values()
    }
}

/// Fixed slots written once each by concurrent iterations. Raw storage, so
/// writes to distinct indices never contend.
private final class Slots<Output>: @unchecked Sendable {
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

/// A value built on first use, once, and shared safely between threads
/// afterwards: the one lazily built cache type of the package.
public final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var built: Value?

    public init() {}

    /// The value, built by `build` on the first call (later calls wait for it).
    public func value(_ build: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let value = try build()
        built = value
        return value
    }

    /// The value if it was built already.
    public var ifBuilt: Value? {
        lock.lock()
        defer { lock.unlock() }
        return built
    }
}

/// A count shared between threads (progress, totals).
public final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    public init() {}

    /// Adds `amount` and returns the new total.
    @discardableResult
    public func add(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        total += amount
        return total
    }

    public var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }
}
