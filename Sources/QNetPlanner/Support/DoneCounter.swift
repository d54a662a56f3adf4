import Synchronization

/// A count of finished items that workers on several cores raise together.
final class DoneCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Counts one more item done; returns the count with it.
    func increment() -> Int {
        count.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
