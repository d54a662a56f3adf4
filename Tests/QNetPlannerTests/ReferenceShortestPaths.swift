@testable import QNetPlanner

/// The flow that `MaxFlow.exact` defines, computed the slow and obvious way, as a reference in tests.
extension MaxFlow {
    /// Repeatedly augments along the first shortest residual path from `source` to `target`, "first" by
    /// adjacency order at each node, recomputing every residual distance by breadth-first search before
    /// each path; stops at the ceiling (the usable capacity around source or target) or when no path is left.
    /// Same arithmetic in the same order as `exact`, so the flows agree to the bit.
    /// - Complexity: O(P · (V + E)) for P augmenting paths
    static func referenceFirstShortestPaths(in graph: KeyGraph, from source: Int, to target: Int) -> Flow {
        let capacity = graph.capacity
        var residual = [Double](repeating: 0, count: 2 * graph.edgeCount)
        for (edge, c) in capacity.enumerated() {
            residual[2 * edge] = c
            residual[2 * edge + 1] = c
        }
        let epsilon = (capacity.max() ?? 0) * 1e-12
        let slots = { (u: Int) in graph.adjacencyStart[u]..<graph.adjacencyStart[u + 1] }
        func usable(_ v: Int, from end: Int) -> Bool { v == end || graph.canRelay[v] }
        let aroundSource = slots(source).reduce(0.0) {
            usable(graph.adjacencyOther[$1], from: target) ? $0 + capacity[graph.adjacencyEdge[$1]] : $0
        }
        let aroundTarget = slots(target).reduce(0.0) {
            usable(graph.adjacencyOther[$1], from: source) ? $0 + capacity[graph.adjacencyEdge[$1]] : $0
        }
        let ceiling = min(aroundSource, aroundTarget)
        var total = 0.0
        while source != target, ceiling > epsilon, total < ceiling - epsilon {
            // Residual distances to the target; paths never pass through the source, nor through nodes that relay nothing.
            var distance = [Int](repeating: -1, count: graph.nodeCount)
            distance[target] = 0
            var queue = [target], head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                if v == source { continue }
                for slot in slots(v) {
                    let u = graph.adjacencyOther[slot]
                    guard distance[u] < 0, residual[graph.adjacencyArc[slot] ^ 1] > epsilon,
                          u == source || graph.canRelay[u] else { continue }
                    distance[u] = distance[v] + 1
                    queue.append(u)
                }
            }
            guard distance[source] > 0 else { break }
            var arcs: [Int] = []
            var u = source
            while u != target {
                let next = slots(u).first {
                    let v = graph.adjacencyOther[$0]
                    return distance[v] == distance[u] - 1 && residual[graph.adjacencyArc[$0]] > epsilon
                        && v != source && usable(v, from: target)
                }!
                arcs.append(graph.adjacencyArc[next])
                u = graph.adjacencyOther[next]
            }
            total += referencePush(along: arcs, residual: &residual)
        }
        let used = (0..<graph.edgeCount).filter { abs(capacity[$0] - residual[2 * $0]) > epsilon }
        return Flow(value: total, edges: used, amounts: used.map { capacity[$0] - residual[2 * $0] })
    }
}

extension MaxFlow {
    /// Pushes the smallest residual of `arcs` along them (adding it to their reverses); returns the amount.
    static func referencePush(along arcs: [Int], residual: inout [Double]) -> Double {
        var amount = Double.infinity
        for arc in arcs { amount = min(amount, residual[arc]) }
        for arc in arcs {
            residual[arc] -= amount
            residual[arc ^ 1] += amount
        }
        return amount
    }
}
