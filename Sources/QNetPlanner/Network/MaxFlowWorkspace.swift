extension MaxFlow {
    /// The arrays of `exact` for one flow network, reused by one worker from one demand to the next.
    ///
    /// Nothing is cleared in O(V + E) per demand: residuals are restored only
    /// on the edges the previous demand pushed flow over, and a node's label
    /// and current arc count only when stamped with the current epoch (one
    /// epoch per global relabel); any other node has the epoch's default label.
    final class Workspace {
        let network: FlowNetwork
        /// Residual capacity of each arc; equal to the capacities between calls.
        let residual: UnsafeMutablePointer<Double>
        /// Whether each edge carried flow in this call, and the edges that did.
        let edgeTouched: UnsafeMutablePointer<Bool>
        var touchedEdges: [Int32] = []
        /// Distance label and current arc of each node, valid when `stamp` equals `epoch`.
        let label: UnsafeMutablePointer<Int32>
        let current: UnsafeMutablePointer<Int32>
        let stamp: UnsafeMutablePointer<Int>
        var epoch = 0
        /// Number of nodes at each label below `nodeCount`.
        let count: UnsafeMutablePointer<Int32>
        /// Breadth-first queue of the global relabel, then every node stamped in the epoch.
        let stamped: UnsafeMutablePointer<Int32>
        /// The augmenting path being built: arcs, and the node each leaves.
        let pathArcs: UnsafeMutablePointer<Int32>
        let pathNodes: UnsafeMutablePointer<Int32>

        /// A workspace for `network`, residuals at capacity.
        /// - Complexity: O(V + E)
        init(_ network: FlowNetwork) {
            self.network = network
            let n = max(1, network.nodeCount)
            residual = .allocate(capacity: max(1, 2 * network.edgeCount))
            for (e, c) in network.capacity.enumerated() {
                residual[2 * e] = c
                residual[2 * e + 1] = c
            }
            edgeTouched = .allocate(capacity: max(1, network.edgeCount))
            edgeTouched.initialize(repeating: false, count: max(1, network.edgeCount))
            label = .allocate(capacity: n)
            current = .allocate(capacity: n)
            stamp = .allocate(capacity: n)
            stamp.initialize(repeating: 0, count: n)
            count = .allocate(capacity: n + 1)
            count.initialize(repeating: 0, count: n + 1)
            stamped = .allocate(capacity: n)
            pathArcs = .allocate(capacity: n + 1)
            pathNodes = .allocate(capacity: n + 1)
        }

        /// Puts the capacities back on the edges the last call used.
        func restoreResiduals() {
            let capacity = network.capacity
            for edge in touchedEdges {
                let e = Int(edge)
                residual[2 * e] = capacity[e]
                residual[2 * e + 1] = capacity[e]
                edgeTouched[e] = false
            }
            touchedEdges.removeAll(keepingCapacity: true)
        }

        deinit {
            residual.deallocate()
            edgeTouched.deallocate()
            label.deallocate()
            current.deallocate()
            stamp.deallocate()
            count.deallocate()
            stamped.deallocate()
            pathArcs.deallocate()
            pathNodes.deallocate()
        }
    }
}
