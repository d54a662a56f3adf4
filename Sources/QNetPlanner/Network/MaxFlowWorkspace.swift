extension MaxFlow {
    /// The arrays of `exact` for one flow network, reused by one worker from one demand to the next.
    ///
    /// Nothing is cleared in O(V + E) per demand: residuals are restored only
    /// on the edges the previous demand pushed flow over, and only the nodes
    /// a global relabel reached, or the search entered since, hold a label and
    /// a current arc of their own (`stamped`); every other relaying node has
    /// the labelling's default label (-1 in `label`). Nodes that relay nothing
    /// keep the label `nodeCount` (never entered), except a demand's own
    /// source and target while it runs.
    final class Workspace {
        let network: FlowNetwork
        /// Residual of each slot's arc, and of its reverse; equal to the capacities between calls.
        let out: UnsafeMutablePointer<Double>
        let into: UnsafeMutablePointer<Double>
        /// Each slot's other end and whether `out` and `into` are above epsilon (`FlowNetwork.slotWord`).
        let word: UnsafeMutablePointer<UInt32>
        /// Whether each edge carried flow in this call, and the edges that did.
        let edgeTouched: UnsafeMutablePointer<Bool>
        var touchedEdges: [Int32] = []
        /// Distance label of each stamped node, -1 for the other relaying nodes, `nodeCount` for the rest.
        let label: UnsafeMutablePointer<Int32>
        /// Current arc (slot) of each stamped node.
        let current: UnsafeMutablePointer<Int32>
        /// Number of nodes at each label below `nodeCount`.
        let count: UnsafeMutablePointer<Int32>
        /// Breadth-first queue of the global relabel, then every node stamped since; one slot more than
        /// there are nodes, which the relabel's scan writes whether or not it takes a node.
        let stamped: UnsafeMutablePointer<Int32>
        var stampedCount = 0
        /// Where each node's scans stop: `FlowNetwork.relayEnd` between calls; the end of all its slots for
        /// a call's source and target and their neighbours (which look for the ends among the other slots).
        let scanEnd: UnsafeMutablePointer<Int32>
        /// The augmenting path being built: its slots, and the node each leaves.
        let pathSlots: UnsafeMutablePointer<Int32>
        let pathNodes: UnsafeMutablePointer<Int32>

        /// A workspace for `network`, residuals at capacity.
        /// - Complexity: O(V + E)
        init(_ network: FlowNetwork) {
            self.network = network
            let n = max(1, network.nodeCount)
            let slotCount = max(1, Int(network.slotStart[network.nodeCount]))
            out = .allocate(capacity: slotCount)
            out.update(from: network.slotCapacity, count: slotCount)
            into = .allocate(capacity: slotCount)
            into.update(from: network.slotCapacity, count: slotCount)
            word = .allocate(capacity: slotCount)
            word.update(from: network.slotWord, count: slotCount)
            edgeTouched = .allocate(capacity: max(1, network.edgeCount))
            edgeTouched.initialize(repeating: false, count: max(1, network.edgeCount))
            label = .allocate(capacity: n)
            label.initialize(repeating: -1, count: n)
            for u in 0..<network.nodeCount where !network.canRelay[u] { label[u] = Int32(network.nodeCount) }
            current = .allocate(capacity: n)
            count = .allocate(capacity: n + 1)
            count.initialize(repeating: 0, count: n + 1)
            stamped = .allocate(capacity: n + 1)
            pathSlots = .allocate(capacity: n + 1)
            pathNodes = .allocate(capacity: n + 1)
            scanEnd = .allocate(capacity: n)
            scanEnd.update(from: network.relayEnd, count: network.nodeCount)
        }

        /// Lets the scans of `end` and of its neighbours reach all their slots (`true`), or only those to
        /// relaying nodes again (`false`).
        func openScans(around end: Int, _ open: Bool) {
            let slots = network.slotStart
            func set(_ node: Int) { scanEnd[node] = open ? slots[node + 1] : network.relayEnd[node] }
            set(end)
            for slot in Int(slots[end])..<Int(slots[end + 1]) { set(Int(network.other[slot])) }
        }

        /// Gives every stamped node the default label again (the demand's ends included).
        func clearStamps() {
            for i in 0..<stampedCount { label[Int(stamped[i])] = -1 }
            stampedCount = 0
        }

        /// Puts the capacities back on the edges the last call used.
        func restoreResiduals() {
            for edge in touchedEdges {
                let forward = Int(network.forwardSlot[Int(edge)])
                let backward = Int(network.mate[forward])
                let capacity = network.slotCapacity[forward]
                out[forward] = capacity
                into[forward] = capacity
                out[backward] = capacity
                into[backward] = capacity
                word[forward] = network.slotWord[forward]
                word[backward] = network.slotWord[backward]
                edgeTouched[Int(edge)] = false
            }
            touchedEdges.removeAll(keepingCapacity: true)
        }

        deinit {
            out.deallocate()
            into.deallocate()
            word.deallocate()
            edgeTouched.deallocate()
            label.deallocate()
            current.deallocate()
            count.deallocate()
            stamped.deallocate()
            pathSlots.deallocate()
            pathNodes.deallocate()
            scanEnd.deallocate()
        }
    }
}
