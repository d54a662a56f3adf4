/// Maximum flow of keys between two key-graph nodes: keys of disjoint paths add.
enum MaxFlow {
    /// A flow: its value and the signed flow on the edges that carry any (positive from `edgeFrom` to `edgeTo`).
    struct Flow: Sendable {
        var value: Double
        /// Edges with non-zero flow, ascending, and their flows (sparse: a demand uses few of the graph's edges).
        var edges: [Int]
        var amounts: [Double]
        /// Edges that an augmenting path crossed but that end with no flow (cancelled), ascending: with `edges`,
        /// every edge the search pushed flow over. Usually empty.
        var cancelled: [Int] = []

        /// The flow on `edge` (0 when it carries none).
        /// - Complexity: O(log F) for F edges with flow
        func amount(on edge: Int) -> Double {
            Self.position(of: edge, in: edges).map { amounts[$0] } ?? 0
        }

        /// Whether an augmenting path crossed `edge` (it carries flow, or carried some that was cancelled).
        /// - Complexity: O(log F)
        func crossed(_ edge: Int) -> Bool {
            Self.position(of: edge, in: edges) != nil || Self.position(of: edge, in: cancelled) != nil
        }

        /// Where the ascending `list` holds `edge` (binary search), nil when it does not.
        private static func position(of edge: Int, in list: [Int]) -> Int? {
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid] < edge { low = mid + 1 } else { high = mid }
            }
            return low < list.count && list[low] == edge ? low : nil
        }

        /// A flow from its sparse edges (ascending) and their flows, and the edges whose flow was cancelled.
        init(value: Double, edges: [Int], amounts: [Double], cancelled: [Int] = []) {
            self.value = value
            self.edges = edges
            self.amounts = amounts
            self.cancelled = cancelled
        }

        /// A flow from a dense per-edge array, and whether a path crossed each edge (none when empty).
        init(value: Double, dense: [Double], crossed: [Bool] = []) {
            self.value = value
            edges = []
            amounts = []
            for (edge, amount) in dense.enumerated() {
                if amount != 0 {
                    edges.append(edge)
                    amounts.append(amount)
                } else if edge < crossed.count && crossed[edge] {
                    cancelled.append(edge)
                }
            }
        }
    }

    /// Exact maximum flow from `source` to `target` by the shortest-augmenting-path
    /// algorithm with distance labels (Ahuja and Orlin), the gap heuristic and
    /// global relabelling.
    ///
    /// Each undirected edge is a pair of arcs of capacity c, each the other's
    /// reverse (arc 2e runs from → to, arc 2e+1 to → from). Only relaying
    /// nodes carry flow through. Capacities are real numbers: residuals below
    /// 1e-12 of the largest capacity count as zero. Stops as soon as the flow
    /// reaches the smaller of the capacities around source and target (then
    /// it is maximal), or when no residual path is left.
    ///
    /// The flow is defined by the paths, not by how they are found: each
    /// augmenting path is the shortest residual path that comes first in
    /// adjacency order at every node (a node whose label is its exact distance
    /// always has an admissible arc to a neighbour on a shortest path, and
    /// arcs are tried in order), so any labelling and relabelling schedule
    /// gives the same flow, to the bit. Labels are exact distances to the target
    /// after a global relabel (one breadth-first search from the target,
    /// stopped after the source's level), and are raised lazily in between.
    /// - Complexity: O(V² E) worst case; about one breadth-first search plus
    ///   O(path length) per augmenting path on key graphs in practice.
    static func exact(in graph: KeyGraph, from source: Int, to target: Int) -> Flow {
        let network = FlowNetwork(graph)
        return exact(in: network, from: source, to: target, workspace: Workspace(network))
    }

    /// `exact(in:from:to:)` over a packed network (key-graph node indices), with the arrays of `workspace` (made for `network`):
    /// the cost of a demand is that of its search, with no O(V + E) set-up.
    static func exact(in network: FlowNetwork, from source: Int, to target: Int, workspace: Workspace) -> Flow {
        precondition(workspace.network === network, "a max-flow workspace serves the network it was made for")
        var solver = AugmentingPaths(source: Int(network.index[source]), target: Int(network.index[target]), workspace: workspace)
        solver.run()
        let flow = solver.flow()
        solver.finish()
        return flow
    }

    /// The solver's state: the network's and workspace's arrays as plain pointers, and the call's scalars.
    /// Index arithmetic wraps (`&+`) where the values are node and slot numbers, far below `Int.max`.
    private struct AugmentingPaths {
        let workspace: Workspace
        let source: Int
        let target: Int
        let nodeCount: Int
        let slotStart: UnsafeMutablePointer<Int32>
        let other: UnsafeMutablePointer<Int32>
        let mate: UnsafeMutablePointer<Int32>
        let canRelay: UnsafeMutablePointer<Bool>
        let out: UnsafeMutablePointer<Double>
        let into: UnsafeMutablePointer<Double>
        /// Per slot: the other end, and whether `out` and `into` are above epsilon (what the scans read).
        let word: UnsafeMutablePointer<UInt32>
        /// Distance label of each stamped node (a lower bound on its residual distance to the target),
        /// -1 for a relaying node with the default label `defaultLabel`; `nodeCount` = cut off, and for the
        /// nodes that relay nothing (but source and target), so they are never entered.
        let label: UnsafeMutablePointer<Int32>
        /// Current arc (slot) of each stamped node.
        let current: UnsafeMutablePointer<Int32>
        /// Number of nodes with each label below `nodeCount` (stamped or not).
        let count: UnsafeMutablePointer<Int32>
        let stamped: UnsafeMutablePointer<Int32>
        let pathSlots: UnsafeMutablePointer<Int32>
        let pathNodes: UnsafeMutablePointer<Int32>
        /// Where each node's scans stop (`Workspace.scanEnd`).
        let scanEnd: UnsafeMutablePointer<Int32>
        let epsilon: Double
        let ceiling: Double
        /// Nodes that may hold a label below `nodeCount`: relays, source and target.
        let eligibleCount: Int
        /// Arc scans since the last global relabel; another one runs when this passes `relabelBudget`.
        var work = 0
        let relabelBudget: Int
        var total = 0.0
        /// The label of every eligible node not stamped since the last global relabel (`nodeCount` for the others).
        var defaultLabel: Int
        var stampedCount = 0
        var pathLength = 0
        /// No level above this one has nodes.
        var highest = 0

        init(source: Int, target: Int, workspace: Workspace) {
            let network = workspace.network
            self.workspace = workspace
            self.source = source
            self.target = target
            nodeCount = network.nodeCount
            slotStart = network.slotStart
            other = network.other
            mate = network.mate
            canRelay = network.canRelay
            out = workspace.out
            into = workspace.into
            word = workspace.word
            label = workspace.label
            current = workspace.current
            count = workspace.count
            stamped = workspace.stamped
            pathSlots = workspace.pathSlots
            pathNodes = workspace.pathNodes
            scanEnd = workspace.scanEnd
            epsilon = network.epsilon
            defaultLabel = nodeCount
            // Tuned on the synthetic networks (the flow does not depend on it): about a sixth of 6 V + 2 E.
            relabelBudget = nodeCount + network.edgeCount / 3
            eligibleCount = network.relayCount + (network.canRelay[source] ? 0 : 1)
                + (source != target && !network.canRelay[target] ? 1 : 0)
            // The ends take part in this demand even when they relay nothing; they and their neighbours
            // scan all their slots, where the ends are.
            workspace.label[source] = -1
            workspace.label[target] = -1
            workspace.openScans(around: source, true)
            workspace.openScans(around: target, true)
            // Upper bound: the usable edges around source and target (to a relaying node or to the other end).
            let capacity = network.slotCapacity
            var aroundSource = 0.0, aroundTarget = 0.0
            for slot in Int(slotStart[source])..<Int(slotStart[source + 1]) {
                let next = Int(other[slot])
                if next == target || canRelay[next] { aroundSource += capacity[slot] }
            }
            for slot in Int(slotStart[target])..<Int(slotStart[target + 1]) {
                let next = Int(other[slot])
                if next == source || canRelay[next] { aroundTarget += capacity[slot] }
            }
            ceiling = min(aroundSource, aroundTarget)
        }

        /// The label of `v`: its own when stamped, else the default.
        @inline(__always)
        func labelOf(_ v: Int) -> Int {
            let own = Int(label[v])
            return own >= 0 ? own : defaultLabel
        }

        /// Gives `u` its own label and current arc (the defaults) before they change.
        @inline(__always)
        mutating func stamp(_ u: Int) {
            guard label[u] < 0 else { return }
            label[u] = Int32(defaultLabel)
            current[u] = slotStart[u]
            stamped[stampedCount] = Int32(u)
            stampedCount &+= 1
        }

        mutating func run() {
            guard source != target, ceiling > epsilon else { return }
            globalRelabel()
            var u = source
            while total < ceiling - epsilon && labelOf(source) < nodeCount {
                if u == target {
                    u = augment()
                    continue
                }
                // Advance along an admissible arc, if any.
                let end = Int(scanEnd[u])
                let wanted = Int(label[u]) &- 1
                let first = Int(current[u])
                var slot = first
                while slot < end {
                    let bits = word[slot]
                    let v = Int(bits & FlowNetwork.nodeMask)
                    // Nodes that relay nothing (but the target) are labelled out of reach; the source is never entered.
                    if bits & FlowNetwork.outOpen != 0 && labelOf(v) == wanted && v != source { break }
                    slot &+= 1
                }
                work &+= slot &- first
                if slot < end {
                    current[u] = Int32(truncatingIfNeeded: slot)
                    pathSlots[pathLength] = Int32(truncatingIfNeeded: slot)
                    pathNodes[pathLength] = Int32(truncatingIfNeeded: u)
                    pathLength &+= 1
                    u = Int(word[slot] & FlowNetwork.nodeMask)
                    stamp(u)
                    continue
                }
                // Retreat: relabel u to one more than its lowest residual neighbour.
                relabel(u)
                if work > relabelBudget {
                    globalRelabel()
                    u = source
                    pathLength = 0
                } else if u != source {
                    pathLength &-= 1
                    u = Int(pathNodes[pathLength])
                }
            }
        }

        /// Pushes the path's bottleneck along it; returns the node to resume from, the tail of the first arc it saturated.
        mutating func augment() -> Int {
            var amount = Double.infinity
            for i in 0..<pathLength { amount = min(amount, out[Int(pathSlots[i])]) }
            let slotEdge = workspace.network.slotEdge, edgeTouched = workspace.edgeTouched
            for i in 0..<pathLength {
                let slot = Int(pathSlots[i]), reverse = Int(mate[slot])
                // Both copies of each residual take the same operation, so they stay equal.
                out[slot] -= amount
                into[reverse] -= amount
                out[reverse] += amount
                into[slot] += amount
                mark(slot)
                mark(reverse)
                let edge = Int(slotEdge[slot])
                if !edgeTouched[edge] {
                    edgeTouched[edge] = true
                    workspace.touchedEdges.append(Int32(truncatingIfNeeded: edge))
                }
            }
            total += amount
            var keep = 0
            while keep < pathLength && out[Int(pathSlots[keep])] > epsilon { keep &+= 1 }
            if keep == pathLength { keep = 0 }   // rounding: nothing counted as saturated
            pathLength = keep
            return Int(pathNodes[keep])
        }

        /// Sets the open flags of `slot` from its residuals.
        @inline(__always)
        func mark(_ slot: Int) {
            word[slot] = (word[slot] & FlowNetwork.nodeMask) | (out[slot] > epsilon ? FlowNetwork.outOpen : 0)
                | (into[slot] > epsilon ? FlowNetwork.inOpen : 0)
        }

        /// Raises `u`'s label to one more than its lowest residual neighbour's, with the gap heuristic;
        /// its current arc becomes the first that reaches that neighbour (every earlier arc is inadmissible).
        mutating func relabel(_ u: Int) {
            var lowest = nodeCount
            let start = Int(slotStart[u]), end = Int(scanEnd[u])
            var first = start
            for slot in start..<end {
                let bits = word[slot]
                let v = Int(bits & FlowNetwork.nodeMask)
                let level = labelOf(v) &+ 1
                if level < lowest && bits & FlowNetwork.outOpen != 0 && v != source {
                    lowest = level
                    first = slot
                }
            }
            work &+= end &- start
            let old = Int(label[u])
            if old < nodeCount {
                count[old] &-= 1
                if count[old] == 0 {
                    // Gap: nothing at level `old` any more, so no node above it reaches the target.
                    let cut = Int32(truncatingIfNeeded: nodeCount)
                    for i in 0..<stampedCount {
                        let w = Int(stamped[i])
                        if label[w] > old && label[w] < cut { label[w] = cut }
                    }
                    if defaultLabel > old { defaultLabel = nodeCount }
                    if highest > old { for level in (old + 1)...highest { count[level] = 0 } }
                    highest = old
                    label[u] = cut
                    current[u] = Int32(truncatingIfNeeded: start)
                    return
                }
            }
            let raised = max(lowest, old)
            label[u] = Int32(truncatingIfNeeded: raised)
            current[u] = Int32(truncatingIfNeeded: raised == lowest ? first : start)
            if raised < nodeCount {
                count[raised] &+= 1
                highest = max(highest, raised)
            }
        }

        /// Exact residual distances to the target by breadth-first search, stopped after the source's level;
        /// nodes not reached get one more than the source (a valid lower bound), or `nodeCount` when the
        /// source is not reached. Only the nodes reached are stamped.
        mutating func globalRelabel() {
            work = 0
            workspace.stampedCount = stampedCount
            workspace.clearStamps()
            stampedCount = 0
            defaultLabel = nodeCount
            for level in 0...highest { count[level] = 0 }
            highest = 0
            stamp(target)
            label[target] = 0
            count[0] = 1
            var head = 0
            var stopLevel = nodeCount
            while head < stampedCount {
                let v = Int(stamped[head])
                head &+= 1
                let level = Int(label[v])
                if level >= stopLevel { break }
                if v == source { stopLevel = level; continue }
                let next = Int32(truncatingIfNeeded: level &+ 1)
                let before = stampedCount
                for slot in Int(slotStart[v])..<Int(scanEnd[v]) {
                    let bits = word[slot]
                    let u = Int(bits & FlowNetwork.nodeMask)
                    // The arc u → v is the reverse of the arc leaving v through this slot. Stamped nodes, and
                    // nodes that relay nothing (but the source), hold a label already. Whether u is taken is
                    // unpredictable, so it is computed, not branched on (its queue slot is written either way).
                    // In arithmetic: `take` is 1 or 0 (the open bit, and the sign bit of an unset label).
                    let old = label[u]
                    let open = Int32(truncatingIfNeeded: (bits & FlowNetwork.inOpen) >> 31)
                    let take = open & Int32(bitPattern: UInt32(bitPattern: old) >> 31)
                    label[u] = old &+ (next &- old) &* take
                    stamped[stampedCount] = Int32(truncatingIfNeeded: u)
                    stampedCount &+= Int(take)
                }
                // Levels grow along the queue: each node's level is counted as it is stamped.
                count[Int(next)] &+= Int32(truncatingIfNeeded: stampedCount &- before)
            }
            for i in 0..<stampedCount {
                let u = Int(stamped[i])
                current[u] = slotStart[u]
            }
            highest = Int(label[Int(stamped[stampedCount &- 1])])
            if stopLevel < nodeCount {
                // Nodes beyond the source's level: a lower bound one above it keeps the labelling valid.
                defaultLabel = min(stopLevel + 1, nodeCount - 1)
                count[defaultLabel] &+= Int32(truncatingIfNeeded: eligibleCount - stampedCount)
                highest = max(highest, defaultLabel)
            }
        }

        /// The flow on each edge that carries any, positive from `edgeFrom` to `edgeTo`.
        func flow() -> Flow {
            let network = workspace.network
            var edges: [Int] = [], amounts: [Double] = [], cancelled: [Int] = []
            for edge in workspace.touchedEdges.sorted() {
                let e = Int(edge)
                let amount = network.capacity[e] - out[Int(network.forwardSlot[e])]
                if abs(amount) > epsilon {
                    edges.append(e)
                    amounts.append(amount)
                } else {
                    cancelled.append(e)
                }
            }
            return Flow(value: total, edges: edges, amounts: amounts, cancelled: cancelled)
        }

        /// Leaves the workspace as the next call expects it: residuals at capacity, no node stamped or counted,
        /// the ends labelled as they were.
        func finish() {
            workspace.restoreResiduals()
            workspace.stampedCount = stampedCount
            workspace.clearStamps()
            for level in 0...highest { count[level] = 0 }
            let cut = Int32(truncatingIfNeeded: nodeCount)
            label[source] = canRelay[source] ? -1 : cut
            label[target] = canRelay[target] ? -1 : cut
            workspace.openScans(around: source, false)
            workspace.openScans(around: target, false)
        }
    }

    /// A lower bound on the flow along paths of at most `maxSegments` segments:
    /// repeatedly route the widest such path in the residual graph and take its width off every edge it uses.
    ///
    /// Exact max-flow with a hop limit is a linear programme; this greedy
    /// packing can fall short of it, and says so (`maxFlowIsExact = false`).
    /// - Complexity: O(P · H · E) for P packed paths (P ≤ E: each saturates an edge)
    static func greedyHopBounded(in graph: KeyGraph, from source: Int, to target: Int, capacity: [Double],
                                 maxSegments: Int) -> Flow {
        var remaining = capacity
        var edgeFlow = [Double](repeating: 0, count: graph.edgeCount)
        var crossed = [Bool](repeating: false, count: graph.edgeCount)
        var total = 0.0
        let epsilon = FlowNetwork.epsilon(of: capacity)
        for _ in 0...graph.edgeCount {
            guard let path = WidestPath.find(in: graph, from: source, to: target, capacity: remaining, maxSegments: maxSegments),
                  path.width > epsilon else { break }
            total += path.width
            for (step, edge) in path.edges.enumerated() {
                remaining[edge] = max(0, remaining[edge] - path.width)
                if remaining[edge] <= epsilon { remaining[edge] = 0 }
                edgeFlow[edge] += graph.edgeFrom[edge] == path.nodes[step] ? path.width : -path.width
                crossed[edge] = true
            }
        }
        return Flow(value: total, dense: edgeFlow, crossed: crossed)
    }
}
