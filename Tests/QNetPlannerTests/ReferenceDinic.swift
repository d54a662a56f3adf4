@testable import QNetPlanner

/// Dinic's algorithm, the planner's previous exact max-flow, kept as a
/// reference for `MaxFlow.exact` in tests.
extension MaxFlow {
    /// Exact maximum flow from `source` to `target` by Dinic's algorithm.
    ///
    /// Each undirected edge is a pair of arcs of capacity c, each the other's
    /// reverse (arc 2e runs from → to, arc 2e+1 to → from). Only relaying
    /// nodes carry flow through. Capacities are real numbers: residuals below
    /// 1e-12 of the largest capacity count as zero. Stops as soon as the flow
    /// reaches the smaller of the capacities around source and target.
    /// - Complexity: O(V² E) worst case; a few breadth-first phases on key
    ///   graphs in practice.
    static func referenceDinic(in graph: KeyGraph, from source: Int, to target: Int, capacity: [Double]) -> Flow {
        var solver = Dinic(graph: graph, source: source, target: target, capacity: capacity)
        solver.run()
        return solver.flow(capacity: capacity)
    }

    /// Dinic's state in plain stored arrays (no captured locals, which Swift would box).
    private struct Dinic {
        let graph: KeyGraph
        let source: Int
        let target: Int
        var residual: [Double]
        var level: [Int]
        var next: [Int]
        var queue: [Int]
        var pathArcs: [Int] = []
        var pathNodes: [Int] = []
        var total = 0.0
        let epsilon: Double
        let ceiling: Double

        init(graph: KeyGraph, source: Int, target: Int, capacity: [Double]) {
            self.graph = graph
            self.source = source
            self.target = target
            let edgeCount = graph.edgeCount
            var residual = [Double](repeating: 0, count: 2 * edgeCount)
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
            level = [Int](repeating: -1, count: graph.nodeCount)
            next = [Int](repeating: 0, count: graph.nodeCount)
            queue = [Int](repeating: 0, count: graph.nodeCount)
        }

        /// The arc that leaves `u` through adjacency slot `slot`.
        @inline(__always)
        func arc(_ slot: Int, from u: Int) -> Int { graph.adjacencyArc[slot] }

        mutating func run() {
            while total < ceiling - epsilon, buildLevels() {
                blockingFlow()
            }
        }

        /// Levels by breadth-first search from the source; stops after the target's level.
        mutating func buildLevels() -> Bool {
            for i in level.indices { level[i] = -1 }
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
        mutating func blockingFlow() {
            for u in next.indices { next[u] = graph.adjacencyStart[u] }
            pathArcs.removeAll(keepingCapacity: true)
            pathNodes.removeAll(keepingCapacity: true)
            var u = source
            while true {
                if u == target {
                    total += MaxFlow.referencePush(along: pathArcs, residual: &residual)
                    if total >= ceiling - epsilon { return }
                    // Resume from the tail of the first arc the push saturated.
                    var keep = 0
                    while keep < pathArcs.count && residual[pathArcs[keep]] > epsilon { keep += 1 }
                    u = pathNodes[keep]
                    pathArcs.removeSubrange(keep...)
                    pathNodes.removeSubrange(keep...)
                    continue
                }
                var advanced = false
                let end = graph.adjacencyStart[u + 1]
                while next[u] < end {
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

        /// The flow on each edge, positive from `edgeFrom` to `edgeTo`.
        func flow(capacity: [Double]) -> Flow {
            var edgeFlow = [Double](repeating: 0, count: graph.edgeCount)
            for e in 0..<graph.edgeCount {
                let amount = capacity[e] - residual[2 * e]
                edgeFlow[e] = abs(amount) > epsilon ? amount : 0
            }
            return Flow(value: total, dense: edgeFlow)
        }
    }
}
