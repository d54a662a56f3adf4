/// The fewest-segment search of `WidestPath` over a packed key graph, with
/// its arrays reused by one worker from one demand to the next (a node counts
/// as seen when its mark equals the current round, so nothing is cleared).
final class HopSearch {
    let network: FlowNetwork
    private let mark: UnsafeMutablePointer<UInt32>
    private let parentSlot: UnsafeMutablePointer<Int32>
    private let queue: UnsafeMutablePointer<Int32>
    /// Marks the target's neighbours in the current round: they scan all their slots, the target among them.
    private let nearTarget: UnsafeMutablePointer<UInt32>
    private var round: UInt32 = 0

    /// A search over `network`.
    /// - Complexity: O(V)
    init(_ network: FlowNetwork) {
        self.network = network
        let count = max(1, network.nodeCount)
        mark = .allocate(capacity: count)
        mark.initialize(repeating: 0, count: count)
        parentSlot = .allocate(capacity: count)
        queue = .allocate(capacity: count)
        nearTarget = .allocate(capacity: count)
        nearTarget.initialize(repeating: 0, count: count)
    }

    deinit {
        mark.deallocate()
        parentSlot.deallocate()
        queue.deallocate()
        nearTarget.deallocate()
    }

    /// The path with the fewest segments from `keySource` to `keyTarget` (different key-graph nodes) using
    /// only edges of capacity ≥ `floor` and only relaying nodes inside, the first found in adjacency order
    /// among those; nil when there is none.
    /// - Complexity: O(V + E)
    func fewestHops(from keySource: Int, to keyTarget: Int, atLeast floor: Double) -> GraphPath? {
        let (source, target) = (Int(network.index[keySource]), Int(network.index[keyTarget]))
        round &+= 1
        if round == 0 {
            mark.update(repeating: 0, count: max(1, network.nodeCount))
            nearTarget.update(repeating: 0, count: max(1, network.nodeCount))
            round = 1
        }
        let (start, other, capacity) = (network.slotStart, network.other, network.slotCapacity)
        for slot in Int(start[target])..<Int(start[target &+ 1]) { nearTarget[Int(other[slot])] = round }
        mark[source] = round
        queue[0] = Int32(truncatingIfNeeded: source)
        var head = 0, tail = 1
        while head < tail, mark[target] != round {
            let u = Int(queue[head])
            head &+= 1
            guard u == source || network.canRelay[u] else { continue }
            // Only the source and the target's neighbours look past the slots to relaying nodes.
            let end = u == source || nearTarget[u] == round ? start[u &+ 1] : network.relayEnd[u]
            for slot in Int(start[u])..<Int(end) {
                // The capacities lie in slot order; the marks are scattered: test the capacity first.
                if capacity[slot] < floor { continue }
                let v = Int(other[slot])
                if mark[v] == round { continue }
                mark[v] = round
                parentSlot[v] = Int32(truncatingIfNeeded: slot)
                queue[tail] = Int32(truncatingIfNeeded: v)
                tail &+= 1
            }
        }
        guard mark[target] == round else { return nil }
        var nodes = [keyTarget]
        var edges: [Int] = []
        var width = Double.infinity
        var node = target
        while node != source {
            let slot = Int(parentSlot[node])
            edges.append(Int(network.slotEdge[slot]))
            width = min(width, capacity[slot])
            node = Int(other[Int(network.mate[slot])])
            nodes.append(Int(network.keyGraphNode[node]))
        }
        return GraphPath(nodes: nodes.reversed(), edges: edges.reversed(), width: width)
    }
}
