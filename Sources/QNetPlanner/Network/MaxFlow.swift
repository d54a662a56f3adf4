/// Maximum flow of keys between two key-graph nodes: keys of disjoint paths add.
enum MaxFlow {
    /// A flow: its value and the signed flow on the edges that carry any (positive from `edgeFrom` to `edgeTo`).
    struct Flow: Sendable {
        var value: Double
        /// Edges with non-zero flow, ascending, and their flows (sparse: a demand uses few of the graph's edges).
        var edges: [Int]
        var amounts: [Double]

        /// The flow on `edge` (0 when it carries none).
        /// - Complexity: O(log F) for F edges with flow
        func amount(on edge: Int) -> Double {
            var low = 0, high = edges.count
            while low < high {
                let mid = (low + high) / 2
                if edges[mid] < edge { low = mid + 1 } else { high = mid }
            }
            return low < edges.count && edges[low] == edge ? amounts[low] : 0
        }

        /// A flow from its sparse edges (ascending) and their flows.
        init(value: Double, edges: [Int], amounts: [Double]) {
            self.value = value
            self.edges = edges
            self.amounts = amounts
        }

        /// A flow from a dense per-edge array.
        init(value: Double, dense: [Double]) {
            self.value = value
            edges = []
            amounts = []
            for (edge, amount) in dense.enumerated() where amount != 0 {
                edges.append(edge)
                amounts.append(amount)
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
    /// Labels are exact distances to the target after a global relabel (one
    /// breadth-first search from the target, stopped after the source's
    /// level), so augmenting paths follow shortest residual paths without a
    /// search over the whole graph per path.
    /// - Complexity: O(V² E) worst case; about one breadth-first search plus
    ///   O(path length) per augmenting path on key graphs in practice.
    static func exact(in graph: KeyGraph, from source: Int, to target: Int, capacity: [Double]) -> Flow {
        var workspace = Workspace()
        return exact(in: graph, from: source, to: target, capacity: capacity, workspace: &workspace)
    }

    /// `exact(in:from:to:capacity:)` with its arrays taken from, and given back to, `workspace`
    /// (one per worker: no large allocation, and no page faults, per demand).
    static func exact(in graph: KeyGraph, from source: Int, to target: Int, capacity: [Double],
                      workspace: inout Workspace) -> Flow {
        var solver = AugmentingPaths(graph: graph, source: source, target: target, capacity: capacity,
                                     workspace: &workspace)
        solver.run()
        let flow = solver.flow(capacity: capacity)
        solver.release(to: &workspace)
        return flow
    }

    /// Arrays the exact max-flow reuses from one call to the next.
    struct Workspace {
        var residual: [Double] = []
        var label: [Int] = []
        var count: [Int] = []
        var current: [Int] = []
        var queue: [Int] = []
        var pathArcs: [Int] = []
        var pathNodes: [Int] = []
    }

    /// The solver's state in plain stored arrays (no captured locals, which Swift would box).
    private struct AugmentingPaths {
        let graph: KeyGraph
        let source: Int
        let target: Int
        let nodeCount: Int
        var residual: [Double]
        /// Distance label of each node (a lower bound on its residual distance to the target); `nodeCount` = cut off.
        var label: [Int]
        /// Number of nodes with each label below `nodeCount`.
        var count: [Int]
        /// Current arc (adjacency slot) of each node.
        var current: [Int]
        var queue: [Int]
        var pathArcs: [Int] = []
        var pathNodes: [Int] = []
        var total = 0.0
        let epsilon: Double
        let ceiling: Double
        /// Arc scans since the last global relabel; another one runs when this passes `relabelBudget`.
        var work = 0
        let relabelBudget: Int

        init(graph: KeyGraph, source: Int, target: Int, capacity: [Double], workspace: inout Workspace) {
            self.graph = graph
            self.source = source
            self.target = target
            let edgeCount = graph.edgeCount
            nodeCount = graph.nodeCount
            // Take the workspace's arrays (leaving it empty, so they stay uniquely referenced).
            var residual: [Double] = []
            swap(&residual, &workspace.residual)
            if residual.count != 2 * edgeCount { residual = [Double](repeating: 0, count: 2 * edgeCount) }
            var label: [Int] = [], count: [Int] = [], current: [Int] = [], queue: [Int] = []
            swap(&label, &workspace.label)
            swap(&count, &workspace.count)
            swap(&current, &workspace.current)
            swap(&queue, &workspace.queue)
            swap(&pathArcs, &workspace.pathArcs)
            swap(&pathNodes, &workspace.pathNodes)
            pathArcs.removeAll(keepingCapacity: true)
            pathNodes.removeAll(keepingCapacity: true)
            if label.count != nodeCount {
                label = [Int](repeating: 0, count: nodeCount)
                count = [Int](repeating: 0, count: nodeCount + 1)
                current = [Int](repeating: 0, count: nodeCount)
                queue = [Int](repeating: 0, count: nodeCount)
            }
            var largest = 0.0
            for e in 0..<edgeCount {
                residual[2 * e] = capacity[e]
                residual[2 * e + 1] = capacity[e]
                largest = max(largest, capacity[e])
            }
            self.residual = residual
            epsilon = largest * 1e-12
            // Upper bound: the usable edges around source and target (to a relaying node or to the other end).
            var aroundSource = 0.0, aroundTarget = 0.0
            for slot in graph.adjacencyStart[source]..<graph.adjacencyStart[source + 1] {
                let other = graph.adjacencyOther[slot]
                if other == target || graph.canRelay[other] { aroundSource += capacity[graph.adjacencyEdge[slot]] }
            }
            for slot in graph.adjacencyStart[target]..<graph.adjacencyStart[target + 1] {
                let other = graph.adjacencyOther[slot]
                if other == source || graph.canRelay[other] { aroundTarget += capacity[graph.adjacencyEdge[slot]] }
            }
            ceiling = min(aroundSource, aroundTarget)
            self.label = label
            self.count = count
            self.current = current
            self.queue = queue
            relabelBudget = 6 * nodeCount + 2 * edgeCount
        }

        /// Whether flow may pass through `v` on its way from the source (the target ends paths; the source starts them).
        @inline(__always)
        func mayEnter(_ v: Int) -> Bool { v == target || (v != source && graph.canRelay[v]) }

        mutating func run() {
            guard source != target, ceiling > epsilon else { return }
            globalRelabel()
            var u = source
            while total < ceiling - epsilon && label[source] < nodeCount {
                if u == target {
                    var amount = Double.infinity
                    for a in pathArcs { amount = min(amount, residual[a]) }
                    for a in pathArcs {
                        residual[a] -= amount
                        residual[a ^ 1] += amount
                    }
                    total += amount
                    // Resume from the tail of the first arc the push saturated.
                    var keep = 0
                    while keep < pathArcs.count && residual[pathArcs[keep]] > epsilon { keep += 1 }
                    if keep == pathArcs.count { keep = 0 }   // rounding: nothing counted as saturated
                    u = pathNodes[keep]
                    pathArcs.removeSubrange(keep...)
                    pathNodes.removeSubrange(keep...)
                    continue
                }
                // Advance along an admissible arc, if any.
                let end = graph.adjacencyStart[u + 1]
                let wanted = label[u] - 1
                var slot = current[u]
                while slot < end {
                    let v = graph.adjacencyOther[slot]
                    if label[v] == wanted && residual[graph.adjacencyArc[slot]] > epsilon && mayEnter(v) { break }
                    slot += 1
                }
                work += slot - current[u]
                if slot < end {
                    current[u] = slot
                    pathArcs.append(graph.adjacencyArc[slot])
                    pathNodes.append(u)
                    u = graph.adjacencyOther[slot]
                    continue
                }
                // Retreat: relabel u to one more than its lowest residual neighbour.
                relabel(u)
                if work > relabelBudget {
                    globalRelabel()
                    u = source
                    pathArcs.removeAll(keepingCapacity: true)
                    pathNodes.removeAll(keepingCapacity: true)
                } else if u != source {
                    u = pathNodes.removeLast()
                    pathArcs.removeLast()
                }
            }
        }

        /// Raises `u`'s label to one more than its lowest residual neighbour's, with the gap heuristic.
        mutating func relabel(_ u: Int) {
            var lowest = nodeCount
            let start = graph.adjacencyStart[u], end = graph.adjacencyStart[u + 1]
            for slot in start..<end {
                let v = graph.adjacencyOther[slot]
                if label[v] + 1 < lowest && residual[graph.adjacencyArc[slot]] > epsilon && mayEnter(v) {
                    lowest = label[v] + 1
                }
            }
            work += end - start
            let old = label[u]
            current[u] = start
            if old < nodeCount {
                count[old] -= 1
                if count[old] == 0 {
                    // Gap: nothing at level `old` any more, so no node above it reaches the target.
                    for w in 0..<nodeCount where label[w] > old && label[w] < nodeCount {
                        count[label[w]] -= 1
                        label[w] = nodeCount
                    }
                    label[u] = nodeCount
                    return
                }
            }
            label[u] = max(lowest, old)
            if label[u] < nodeCount { count[label[u]] += 1 }
        }

        /// Exact residual distances to the target by breadth-first search, stopped after the source's level;
        /// nodes not reached get one more than the source (a valid lower bound), or `nodeCount` when the
        /// source is not reached.
        mutating func globalRelabel() {
            work = 0
            for i in 0..<nodeCount { label[i] = nodeCount }
            for i in count.indices { count[i] = 0 }
            label[target] = 0
            queue[0] = target
            var head = 0, tail = 1
            var stopLevel = nodeCount
            while head < tail {
                let v = queue[head]
                head += 1
                if label[v] >= stopLevel { break }
                if v == source { stopLevel = label[v]; continue }
                for slot in graph.adjacencyStart[v]..<graph.adjacencyStart[v + 1] {
                    let u = graph.adjacencyOther[slot]
                    // The arc u → v is the reverse of the arc leaving v through this slot.
                    if label[u] < nodeCount || residual[graph.adjacencyArc[slot] ^ 1] <= epsilon { continue }
                    if u != source && !graph.canRelay[u] { continue }
                    label[u] = label[v] + 1
                    queue[tail] = u
                    tail += 1
                }
            }
            if stopLevel < nodeCount {
                // Nodes beyond the source's level: a lower bound one above it keeps the labelling valid.
                let beyond = min(stopLevel + 1, nodeCount - 1)
                for i in 0..<nodeCount where label[i] == nodeCount && (i == target || i == source || graph.canRelay[i]) {
                    label[i] = beyond
                }
            }
            for i in 0..<nodeCount where label[i] < nodeCount { count[label[i]] += 1 }
            for u in 0..<nodeCount { current[u] = graph.adjacencyStart[u] }
        }

        /// The flow on each edge, positive from `edgeFrom` to `edgeTo`.
        func flow(capacity: [Double]) -> Flow {
            var edges: [Int] = [], amounts: [Double] = []
            for e in 0..<graph.edgeCount {
                let amount = capacity[e] - residual[2 * e]
                if abs(amount) > epsilon {
                    edges.append(e)
                    amounts.append(amount)
                }
            }
            return Flow(value: total, edges: edges, amounts: amounts)
        }

        /// Gives the arrays back to `workspace` for the next call.
        mutating func release(to workspace: inout Workspace) {
            swap(&residual, &workspace.residual)
            swap(&label, &workspace.label)
            swap(&count, &workspace.count)
            swap(&current, &workspace.current)
            swap(&queue, &workspace.queue)
            swap(&pathArcs, &workspace.pathArcs)
            swap(&pathNodes, &workspace.pathNodes)
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
        var total = 0.0
        let largest = capacity.max() ?? 0
        for _ in 0...graph.edgeCount {
            guard let path = WidestPath.find(in: graph, from: source, to: target, capacity: remaining, maxSegments: maxSegments),
                  path.width > largest * 1e-12 else { break }
            total += path.width
            for (step, edge) in path.edges.enumerated() {
                remaining[edge] = max(0, remaining[edge] - path.width)
                if remaining[edge] <= largest * 1e-12 { remaining[edge] = 0 }
                edgeFlow[edge] += graph.edgeFrom[edge] == path.nodes[step] ? path.width : -path.width
            }
        }
        return Flow(value: total, dense: edgeFlow)
    }
}
