/// The key graph packed for the exact max-flow, built once per key graph and
/// shared, read-only, by every worker that routes demands over it.
///
/// Each adjacency slot of node u stands for the arc leaving u through it
/// (arc 2e runs from `edgeFrom[e]` to `edgeTo[e]`, arc 2e+1 back), so the
/// residuals a node's scan reads lie side by side; `mate` is the slot of the
/// reverse arc, at the other end.
///
/// Nodes are renumbered in breadth-first order, so that neighbours sit close
/// together in memory (the searches are bound by memory latency); each node
/// keeps its slots to relaying nodes, then those to the others, each in the key
/// graph's adjacency order. The searches' choices depend only on the order of
/// the first (a path enters no other node but its own end, which is the only
/// one of its kind a search looks for). Indices below are the network's own; convert
/// with `index` and `keyGraphNode`.
final class FlowNetwork: @unchecked Sendable {
    let nodeCount: Int
    let edgeCount: Int
    /// The network's index of each key-graph node, and the key-graph node of each of the network's.
    let index: [Int32]
    let keyGraphNode: [Int32]
    /// Slots of node u: `slotStart[u]..<slotStart[u+1]`.
    let slotStart: UnsafeMutablePointer<Int32>
    /// The end of u's slots to relaying nodes, which come first: `slotStart[u]..<relayEnd[u]`. A path
    /// passes only relaying nodes, so a search from u need not look further unless u neighbours the
    /// ends of its path (the slots to the other nodes hold those ends).
    let relayEnd: UnsafeMutablePointer<Int32>
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
        // Breadth-first order over the whole graph, component after component.
        var order = [Int32](), rank = [Int32](repeating: -1, count: nodeCount)
        order.reserveCapacity(nodeCount)
        for root in 0..<nodeCount where rank[root] < 0 {
            rank[root] = Int32(order.count)
            order.append(Int32(root))
            var head = order.count - 1
            while head < order.count {
                let u = Int(order[head])
                head += 1
                for slot in graph.adjacencyStart[u]..<graph.adjacencyStart[u + 1] where rank[graph.adjacencyOther[slot]] < 0 {
                    rank[graph.adjacencyOther[slot]] = Int32(order.count)
                    order.append(Int32(graph.adjacencyOther[slot]))
                }
            }
        }
        index = rank
        keyGraphNode = order
        // The key graph's slot of each of the network's slots.
        var source = [Int](repeating: 0, count: slotCount)
        slotStart = .allocate(capacity: nodeCount + 1)
        slotStart[0] = 0
        relayEnd = .allocate(capacity: max(1, nodeCount))
        var filled = 0
        for (position, node) in order.enumerated() {
            // Slots to relaying nodes first, then to the others, each in adjacency order.
            let slots = graph.adjacencyStart[Int(node)]..<graph.adjacencyStart[Int(node) + 1]
            for slot in slots where graph.canRelay[graph.adjacencyOther[slot]] {
                source[filled] = slot
                filled += 1
            }
            relayEnd[position] = Int32(filled)
            for slot in slots where !graph.canRelay[graph.adjacencyOther[slot]] {
                source[filled] = slot
                filled += 1
            }
            slotStart[position + 1] = Int32(filled)
        }
        other = .allocate(capacity: max(1, slotCount))
        mate = .allocate(capacity: max(1, slotCount))
        slotEdge = .allocate(capacity: max(1, slotCount))
        slotCapacity = .allocate(capacity: max(1, slotCount))
        forwardSlot = .allocate(capacity: max(1, edgeCount))
        var backwardSlot = [Int32](repeating: 0, count: edgeCount)
        for slot in 0..<slotCount {
            let original = source[slot]
            let edge = graph.adjacencyEdge[original]
            other[slot] = rank[graph.adjacencyOther[original]]
            slotEdge[slot] = Int32(edge)
            slotCapacity[slot] = graph.capacity[edge]
            if graph.adjacencyArc[original] == 2 * edge { forwardSlot[edge] = Int32(slot) } else { backwardSlot[edge] = Int32(slot) }
        }
        for slot in 0..<slotCount {
            let edge = Int(slotEdge[slot])
            mate[slot] = graph.adjacencyArc[source[slot]] == 2 * edge ? backwardSlot[edge] : forwardSlot[edge]
        }
        canRelay = .allocate(capacity: max(1, nodeCount))
        var relays = 0
        for u in 0..<nodeCount {
            canRelay[u] = graph.canRelay[Int(order[u])]
            if canRelay[u] { relays += 1 }
        }
        relayCount = relays
        capacity = graph.capacity
        epsilon = Self.epsilon(of: graph.capacity)
        slotWord = .allocate(capacity: max(1, slotCount))
        fillWords()
    }

    /// `base` with other capacities for its edges (some cut to zero: a failure). Nodes, slots and their order are
    /// `base`'s, so a search makes the same choices as over a network built afresh from the graph without the cut
    /// edges: it never crosses an arc without capacity, and its choices depend on the order of a node's slots only.
    /// - Complexity: O(V + E), copies only
    init(_ base: FlowNetwork, capacity: [Double]) {
        precondition(capacity.count == base.edgeCount, "one capacity per edge of the network")
        nodeCount = base.nodeCount
        edgeCount = base.edgeCount
        index = base.index
        keyGraphNode = base.keyGraphNode
        let slotCount = Int(base.slotStart[nodeCount])
        func copy<T>(_ pointer: UnsafeMutablePointer<T>, _ count: Int) -> UnsafeMutablePointer<T> {
            let copied = UnsafeMutablePointer<T>.allocate(capacity: max(1, count))
            copied.initialize(from: pointer, count: count)
            return copied
        }
        slotStart = copy(base.slotStart, nodeCount + 1)
        relayEnd = copy(base.relayEnd, nodeCount)
        other = copy(base.other, slotCount)
        mate = copy(base.mate, slotCount)
        slotEdge = copy(base.slotEdge, slotCount)
        forwardSlot = copy(base.forwardSlot, edgeCount)
        canRelay = copy(base.canRelay, nodeCount)
        relayCount = base.relayCount
        slotCapacity = .allocate(capacity: max(1, slotCount))
        for slot in 0..<slotCount { slotCapacity[slot] = capacity[Int(slotEdge[slot])] }
        self.capacity = capacity
        epsilon = Self.epsilon(of: capacity)
        slotWord = .allocate(capacity: max(1, slotCount))
        fillWords()
    }

    /// Sets each slot's word: its other end, and both open bits when its capacity is above `epsilon`.
    private func fillWords() {
        for slot in 0..<Int(slotStart[nodeCount]) {
            slotWord[slot] = UInt32(truncatingIfNeeded: other[slot]) | (slotCapacity[slot] > epsilon ? Self.outOpen | Self.inOpen : 0)
        }
    }

    /// The residual at or below which the max-flow counts an arc as closed, over `capacities`: 1e-12 of the largest.
    static func epsilon(of capacities: [Double]) -> Double {
        var largest = 0.0
        for c in capacities { largest = max(largest, c) }
        return largest * 1e-12
    }

    deinit {
        slotStart.deallocate()
        relayEnd.deallocate()
        other.deallocate()
        mate.deallocate()
        slotEdge.deallocate()
        forwardSlot.deallocate()
        slotCapacity.deallocate()
        slotWord.deallocate()
        canRelay.deallocate()
    }
}
