@testable import QNetPlanner

/// The planner's previous widest-path search, kept as a reference for `WidestPath.find` in tests.
extension WidestPath {
    /// The widest path by a Dijkstra-like search for the largest bottleneck (selection by scanning,
    /// O(V²)), then a breadth-first search for the fewest segments over the edges at least that wide.
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
        return referenceFewestHops(in: graph, from: source, to: target, atLeast: width[target])
    }

    /// The path with the fewest segments over edges of capacity ≥ `floor`, the first that a breadth-first
    /// search in adjacency order finds.
    static func referenceFewestHops(in graph: KeyGraph, from source: Int, to target: Int, atLeast floor: Double) -> GraphPath? {
        var parentEdge = [Int](repeating: -1, count: graph.nodeCount)
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        var queue = [source]
        seen[source] = true
        var head = 0
        while head < queue.count, !seen[target] {
            let u = queue[head]
            head += 1
            guard graph.mayLeave(u, source: source) else { continue }
            for slot in graph.adjacencyStart[u]..<graph.adjacencyStart[u + 1] {
                let (edge, v) = (graph.adjacencyEdge[slot], graph.adjacencyOther[slot])
                if seen[v] || graph.capacity[edge] < floor { continue }
                seen[v] = true
                parentEdge[v] = edge
                queue.append(v)
            }
        }
        guard seen[target] else { return nil }
        var path = GraphPath(nodes: [target], edges: [], width: .infinity)
        while path.nodes.last! != source {
            let (node, edge) = (path.nodes.last!, parentEdge[path.nodes.last!])
            path.edges.append(edge)
            path.width = min(path.width, graph.capacity[edge])
            path.nodes.append(graph.edgeFrom[edge] == node ? graph.edgeTo[edge] : graph.edgeFrom[edge])
        }
        return GraphPath(nodes: path.nodes.reversed(), edges: path.edges.reversed(), width: path.width)
    }
}
