import Foundation

/// Maps over indices on every core when there are many, in order: the planner's links, segments and
/// demands, and the what-ifs of every demand.
enum ParallelMap {
    /// Work is spread over cores when there are at least this many indices.
    static let threshold = 32

    /// `transform` over `indices`, spread over cores when there are many.
    static func map<T: Sendable>(_ indices: [Int], _ transform: @Sendable (Int) -> T) -> [T] {
        map(indices, state: ()) { _, index in transform(index) }
    }

    /// `transform` over `indices` with a mutable `state` per worker (a reused workspace),
    /// spread over cores when there are many: each worker makes one state and takes chunks of
    /// indices until none is left.
    static func map<T: Sendable, S>(_ indices: [Int], state: @autoclosure @Sendable () -> S,
                                    _ transform: @Sendable (inout S, Int) -> T) -> [T] {
        guard indices.count >= threshold else {
            var local = state()
            return indices.map { transform(&local, $0) }
        }
        var results = [T?](repeating: nil, count: indices.count)
        let chunks = min(indices.count, 64)
        let workers = min(chunks, ProcessInfo.processInfo.activeProcessorCount)
        let queue = ChunkQueue(count: chunks)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes its own disjoint range of slots.
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var local = state()
                while let chunk = queue.take() {
                    let lower = indices.count * chunk / chunks
                    let upper = indices.count * (chunk + 1) / chunks
                    for position in lower..<upper { slots.buffer[position] = transform(&local, indices[position]) }
                }
            }
        }
        return results.map { $0! }
    }

    /// Hands out chunk numbers 0..<count, each once, to the workers of `map`.
    private final class ChunkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let count: Int

        init(count: Int) { self.count = count }

        /// The next chunk not yet taken, nil when all are.
        func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Result slots shared by the workers of `map`; each slot is written by exactly one worker.
    private struct Slots<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T?>
    }
}
