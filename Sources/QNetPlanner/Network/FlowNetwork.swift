/// The key graph packed for the exact max-flow, built once per key graph and
/// shared, read-only, by every worker that routes demands over it.
///
/// Each adjacency slot of node u stands for the arc leaving u through it
/// (arc 2e runs from `edgeFrom[e]` to `edgeTo[e]`, arc 2e+1 back), so the
/// residuals a node's scan reads lie side by side; `mate` is the slot of the
/// reverse arc, at the other end.
final class FlowNetwork: @unchecked Sendable {
    let nodeCount: Int
    let edgeCount: Int
    /// Slots of node u: `slotStart[u]..<slotStart[u+1]`.
    let slotStart: UnsafeMutablePointer<Int32>
    /// The other end of each slot's arc.
    let other: UnsafeMutablePointer<Int32>
    /// The slot of each slot's reverse arc.
    let mate: UnsafeMutablePointer<Int32>
    /// The edge of each slot.
    let slotEdge: UnsafeMutablePointer<Int32>
    /// The slot of arc 2e (at `edgeFrom[e]`) of each edge e.
    let forwardSlot: UnsafeMutablePointer<Int32>
    /// The capacity of each slot's arc (its edge's).
    let slotCapacity: UnsafeMutablePointer<Double>
    /// Each slot's other end (`nodeMask` bits) with `outOpen` and `inOpen` set when the capacity counts
    /// (is above `epsilon`): the form the max-flow scans, 4 bytes a slot.
    let slotWord: UnsafeMutablePointer<UInt32>
    static let nodeMask: UInt32 = (1 << 30) - 1
    /// The slot's arc has a residual above `epsilon`.
    static let outOpen: UInt32 = 1 << 30
    /// The slot's reverse arc has a residual above `epsilon`.
    static let inOpen: UInt32 = 1 << 31
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
        precondition(slotCount < Int(Int32.max) && nodeCount < Int(Self.nodeMask), "key graph too large for 32-bit indices")
        slotStart = .allocate(capacity: nodeCount + 1)
        for u in 0...nodeCount { slotStart[u] = Int32(graph.adjacencyStart[u]) }
        other = .allocate(capacity: max(1, slotCount))
        mate = .allocate(capacity: max(1, slotCount))
        slotEdge = .allocate(capacity: max(1, slotCount))
        slotCapacity = .allocate(capacity: max(1, slotCount))
        forwardSlot = .allocate(capacity: max(1, edgeCount))
        var backwardSlot = [Int32](repeating: 0, count: edgeCount)
        for slot in 0..<slotCount {
            let edge = graph.adjacencyEdge[slot]
            other[slot] = Int32(graph.adjacencyOther[slot])
            slotEdge[slot] = Int32(edge)
            slotCapacity[slot] = graph.capacity[edge]
            if graph.adjacencyArc[slot] == 2 * edge { forwardSlot[edge] = Int32(slot) } else { backwardSlot[edge] = Int32(slot) }
        }
        for slot in 0..<slotCount {
            let edge = graph.adjacencyEdge[slot]
            mate[slot] = graph.adjacencyArc[slot] == 2 * edge ? backwardSlot[edge] : forwardSlot[edge]
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
        slotWord = .allocate(capacity: max(1, slotCount))
        for slot in 0..<slotCount {
            slotWord[slot] = UInt32(truncatingIfNeeded: graph.adjacencyOther[slot])
                | (slotCapacity[slot] > epsilon ? Self.outOpen | Self.inOpen : 0)
        }
    }

    deinit {
        slotStart.deallocate()
        other.deallocate()
        mate.deallocate()
        slotEdge.deallocate()
        forwardSlot.deallocate()
        slotCapacity.deallocate()
        slotWord.deallocate()
        canRelay.deallocate()
    }
}
