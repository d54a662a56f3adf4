/// The key graph packed for the exact max-flow: 32-bit adjacency with each
/// slot's other end and arc side by side, built once per key graph and
/// shared, read-only, by every worker that routes demands over it.
///
/// Arc 2e runs from `edgeFrom[e]` to `edgeTo[e]`, arc 2e+1 back; both have the edge's capacity.
final class FlowNetwork: @unchecked Sendable {
    let nodeCount: Int
    let edgeCount: Int
    /// Slots of node u: `slotStart[u]..<slotStart[u+1]`.
    let slotStart: UnsafeMutablePointer<Int32>
    /// Per slot: `2·slot` the other end, `2·slot + 1` the arc leaving u through it.
    let slots: UnsafeMutablePointer<Int32>
    let canRelay: UnsafeMutablePointer<Bool>
    /// Capacity of each edge, bit/s.
    let capacity: [Double]
    /// Residuals at or below this (1e-12 of the largest capacity) count as zero.
    let epsilon: Double
    /// Number of relaying nodes.
    let relayCount: Int

    /// The packed form of `graph`.
    /// - Complexity: O(V + E)
    init(_ graph: KeyGraph) {
        nodeCount = graph.nodeCount
        edgeCount = graph.edgeCount
        let slotCount = graph.adjacencyOther.count
        precondition(slotCount < Int(Int32.max) / 2 && nodeCount < Int(Int32.max), "key graph too large for 32-bit indices")
        slotStart = .allocate(capacity: nodeCount + 1)
        for u in 0...nodeCount { slotStart[u] = Int32(graph.adjacencyStart[u]) }
        slots = .allocate(capacity: 2 * max(1, slotCount))
        for slot in 0..<slotCount {
            slots[2 * slot] = Int32(graph.adjacencyOther[slot])
            slots[2 * slot + 1] = Int32(graph.adjacencyArc[slot])
        }
        canRelay = .allocate(capacity: max(1, nodeCount))
        var relays = 0
        for u in 0..<nodeCount {
            canRelay[u] = graph.canRelay[u]
            if graph.canRelay[u] { relays += 1 }
        }
        relayCount = relays
        capacity = graph.capacity
        var largest = 0.0
        for c in graph.capacity { largest = max(largest, c) }
        epsilon = largest * 1e-12
    }

    deinit {
        slotStart.deallocate()
        slots.deallocate()
        canRelay.deallocate()
    }
}
