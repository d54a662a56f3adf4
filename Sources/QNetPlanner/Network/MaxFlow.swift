/// Maximum flow of keys between two key-graph nodes: keys of disjoint paths add.
enum MaxFlow {
    /// A flow: its value and the signed flow on each edge (positive from `edgeFrom` to `edgeTo`).
    struct Flow: Sendable {
        var value: Double
        var edgeFlow: [Double]
    }

    /// Exact maximum flow from `source` to `target` by Dinic's algorithm.
    ///
    /// Each undirected edge is a pair of arcs of capacity c, each the other's
    /// reverse (arc 2e runs from → to, arc 2e+1 to → from). Only relaying
    /// nodes carry flow through. Capacities are real numbers: residuals below
    /// 1e-12 of the largest capacity count as zero. Stops as soon as the flow
    /// reaches the smaller of the capacities around source and target.
    /// - Complexity: O(V² E) worst case; a few breadth-first phases on key
    ///   graphs in practice.
    static func dinic(in graph: KeyGraph, from source: Int, to target: Int, capacity: [Double]) -> Flow {
        let nodeCount = graph.nodeCount
        let edgeCount = graph.edgeCount
        var residual = [Double](repeating: 0, count: 2 * edgeCount)
        var largest = 0.0
        for e in 0..<edgeCount {
            residual[2 * e] = capacity[e]
            residual[2 * e + 1] = capacity[e]
            largest = max(largest, capacity[e])
        }
        let epsilon = largest * 1e-12
        var around = (source: 0.0, target: 0.0)
        for slot in graph.adjacencyStart[source]..<graph.adjacencyStart[source + 1] {
            around.source += capacity[graph.adjacencyEdge[slot]]
        }
        for slot in graph.adjacencyStart[target]..<graph.adjacencyStart[target + 1] {
            around.target += capacity[graph.adjacencyEdge[slot]]
        }
        let ceiling = min(around.source, around.target)

        var level = [Int](repeating: -1, count: nodeCount)
        var next = [Int](repeating: 0, count: nodeCount)
        var queue = [Int](repeating: 0, count: nodeCount)
        var total = 0.0

        func arc(_ slot: Int, from u: Int) -> Int {
            let edge = graph.adjacencyEdge[slot]
            return graph.edgeFrom[edge] == u ? 2 * edge : 2 * edge + 1
        }

        /// Levels by breadth-first search from the source; stops after the target's level.
        func buildLevels() -> Bool {
            for i in 0..<nodeCount { level[i] = -1 }
            level[source] = 0
            var head = 0, tail = 1
            queue[0] = source
            while head < tail {
                let u = queue[head]
                head += 1
                if level[target] >= 0 && level[u] >= level[target] { break }
                if u != source && !graph.canRelay[u] { continue }
                for slot in graph.adjacencyStart[u]..<graph.adjacencyStart[u + 1] {
                    let v = graph.adjacencyOther[slot]
                    if level[v] >= 0 || residual[arc(slot, from: u)] <= epsilon { continue }
                    if v != target && !graph.canRelay[v] { continue }
                    level[v] = level[u] + 1
                    queue[tail] = v
                    tail += 1
                }
            }
            return level[target] >= 0
        }

        /// One blocking flow: iterative depth-first search along level-increasing arcs
        /// (no recursion, so long chains cannot overflow a worker thread's stack).
        var pathArcs: [Int] = []
        var pathNodes: [Int] = []
        func blockingFlow() {
            for u in 0..<nodeCount { next[u] = graph.adjacencyStart[u] }
            pathArcs.removeAll(keepingCapacity: true)
            pathNodes.removeAll(keepingCapacity: true)
            var u = source
            while true {
                if u == target {
                    var amount = Double.infinity
                    for a in pathArcs { amount = min(amount, residual[a]) }
                    for a in pathArcs {
                        residual[a] -= amount
                        residual[a ^ 1] += amount
                    }
                    total += amount
                    if total >= ceiling - epsilon { return }
                    pathArcs.removeAll(keepingCapacity: true)
                    pathNodes.removeAll(keepingCapacity: true)
                    u = source
                    continue
                }
                var advanced = false
                while next[u] < graph.adjacencyStart[u + 1] {
                    let slot = next[u]
                    let v = graph.adjacencyOther[slot]
                    let a = arc(slot, from: u)
                    if level[v] == level[u] + 1 && residual[a] > epsilon {
                        pathArcs.append(a)
                        pathNodes.append(u)
                        u = v
                        advanced = true
                        break
                    }
                    next[u] += 1
                }
                if advanced { continue }
                if u == source { return }
                level[u] = -1   // dead end for this phase
                u = pathNodes.removeLast()
                pathArcs.removeLast()
                next[u] += 1
            }
        }

        while total < ceiling - epsilon, buildLevels() {
            blockingFlow()
        }
        var edgeFlow = [Double](repeating: 0, count: edgeCount)
        for e in 0..<edgeCount {
            let flow = (capacity[e] - residual[2 * e])
            edgeFlow[e] = abs(flow) > epsilon ? flow : 0
        }
        return Flow(value: total, edgeFlow: edgeFlow)
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
        return Flow(value: total, edgeFlow: edgeFlow)
    }
}
