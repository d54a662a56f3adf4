@testable import QNetPlanner

/// The planner's previous widest-path search, kept as a reference for `WidestPath.find` in tests.
extension WidestPath {
    /// The widest path by a Dijkstra-like search for the largest bottleneck (selection by scanning,
    /// O(V²)), then the same fewest-segments search as `find`.
    static func referenceFind(in graph: KeyGraph, from source: Int, to target: Int) -> GraphPath? {
        let count = graph.nodeCount
        var width = [Double](repeating: 0, count: count)
        var done = [Bool](repeating: false, count: count)
        width[source] = .infinity
        while true {
            var u = -1
            for v in 0..<count where !done[v] && width[v] > 0 && (u < 0 || width[v] > width[u]) { u = v }
            if u < 0 || u == target { break }
            done[u] = true
            guard graph.mayLeave(u, source: source) else { continue }
            for slot in graph.adjacencyStart[u]..<graph.adjacencyStart[u + 1] {
                let v = graph.adjacencyOther[slot]
                let through = min(width[u], graph.capacity[graph.adjacencyEdge[slot]])
                if !done[v] && through > width[v] { width[v] = through }
            }
        }
        guard width[target] > 0 else { return nil }
        return fewestHops(in: graph, from: source, to: target, capacity: graph.capacity, atLeast: width[target])
    }
}
