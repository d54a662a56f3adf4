import Foundation

/// Values computed once per key and kept, safe to share between threads.
///
/// The lock is held only to read and store, not while computing, so two threads may compute the same
/// value at once (the second store wins, and both are equal).
final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    /// The value stored for `key`, or `compute(key)` stored and returned.
    func value(_ key: Key, compute: (Key) -> Value) -> Value {
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let value = compute(key)
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }

    /// How many values are stored.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return values.count
    }
}
