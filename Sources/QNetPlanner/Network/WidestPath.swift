/// A path through the key graph with its bottleneck.
struct GraphPath: Sendable, Hashable {
    /// Key-graph nodes from source to target.
    var nodes: [Int]
    /// Edges in order.
    var edges: [Int]
    /// Smallest capacity along the path, bit/s.
    var width: Double
}

/// Widest (maximum-bottleneck) paths in the key graph.
///
/// Among the widest paths the one with the fewest segments (so the fewest
/// trusted nodes) wins. Only relaying nodes (`KeyGraph.canRelay`) may be
/// inside a path.
enum WidestPath {
    /// The widest path from `source` to `target` over the graph's capacities, fewest segments among ties.
    /// - Complexity: O(E log E) to index the graph, then as `find(in:bottlenecks:search:from:to:)`
    static func find(in graph: KeyGraph, from source: Int, to target: Int) -> GraphPath? {
        find(in: graph, bottlenecks: BottleneckIndex(graph), search: HopSearch(FlowNetwork(graph)), from: source, to: target)
    }

    /// The widest path from `source` to `target` over the graph's capacities, fewest segments among ties,
    /// with `bottlenecks` and `search` made for `graph`; nil when no path joins them or they are the same node.
    ///
    /// Two steps: the widest bottleneck W is the best, over an edge s–a and an
    /// edge b–t (or s, t themselves when they relay), of the two capacities and
    /// the relaying nodes' bottleneck between a and b (`BottleneckIndex`), or a
    /// direct edge s–t; a breadth-first search over edges of capacity ≥ W then
    /// finds the path with the fewest segments among the widest (`HopSearch`).
    /// - Complexity: O(deg(s) · deg(t) · log V) for W, O(V + E) for the path
    static func find(in graph: KeyGraph, bottlenecks: BottleneckIndex, search: HopSearch, from source: Int,
                     to target: Int) -> GraphPath? {
        guard source != target else { return nil }
        var best = 0.0
        var starts: [(node: Int, width: Double)] = graph.canRelay[source] ? [(source, .infinity)] : []
        var ends: [(node: Int, width: Double)] = graph.canRelay[target] ? [(target, .infinity)] : []
        for slot in graph.adjacencyStart[source]..<graph.adjacencyStart[source + 1] {
            let other = graph.adjacencyOther[slot], width = graph.capacity[graph.adjacencyEdge[slot]]
            if other == target { best = max(best, width) }
            if other != source && graph.canRelay[other] { starts.append((other, width)) }
        }
        for slot in graph.adjacencyStart[target]..<graph.adjacencyStart[target + 1] {
            let other = graph.adjacencyOther[slot]
            if other != target && graph.canRelay[other] { ends.append((other, graph.capacity[graph.adjacencyEdge[slot]])) }
        }
        for start in starts where start.width > best {
            for end in ends where min(start.width, end.width) > best {
                best = max(best, min(start.width, end.width, bottlenecks.width(start.node, end.node)))
            }
        }
        guard best > 0 else { return nil }
        return search.fewestHops(from: source, to: target, atLeast: best)
    }

    /// The widest path with at most `maxSegments` segments (fewest among ties), by dynamic programming over hop counts.
    ///
    /// best_h[v] = max over edges (u, v) of min(best_{h-1}[u], c(u, v)); the
    /// smallest h at which the target reaches its best width gives the path.
    /// Stops early when a round changes nothing.
    /// - Complexity: O(H · E) time, O(H · V) memory, H = min(maxSegments, V - 1)
    static func find(in graph: KeyGraph, from source: Int, to target: Int, capacity: [Double],
                     maxSegments: Int) -> GraphPath? {
        let count = graph.nodeCount
        let rounds = min(maxSegments, max(1, count - 1))
        var parents: [[Int]] = []   // edge used to enter v in round h, -1 when carried over from h-1
        var current = [Double](repeating: 0, count: count)
        current[source] = .infinity
        var bestRound = -1
        var bestWidth = 0.0
        parents.append([Int](repeating: -1, count: count))
        for round in 1...rounds {
            var next = current
            var parent = [Int](repeating: -1, count: count)
            var changed = false
            for edge in 0..<graph.edgeCount {
                let c = capacity[edge]
                if c <= 0 { continue }
                let a = graph.edgeFrom[edge], b = graph.edgeTo[edge]
                if current[a] > 0, graph.mayLeave(a, source: source) {
                    let through = min(current[a], c)
                    if through > next[b] { next[b] = through; parent[b] = edge; changed = true }
                }
                if current[b] > 0, graph.mayLeave(b, source: source) {
                    let through = min(current[b], c)
                    if through > next[a] { next[a] = through; parent[a] = edge; changed = true }
                }
            }
            parents.append(parent)
            if next[target] > bestWidth {
                bestWidth = next[target]
                bestRound = round
            }
            current = next
            if !changed { break }
        }
        guard bestRound > 0 else { return nil }
        // Walk back through the rounds.
        var nodes = [target]
        var edges: [Int] = []
        var node = target
        var round = bestRound
        while node != source && round > 0 {
            let edge = parents[round][node]
            round -= 1
            if edge < 0 { continue }
            node = graph.edgeFrom[edge] == node ? graph.edgeTo[edge] : graph.edgeFrom[edge]
            edges.append(edge)
            nodes.append(node)
        }
        guard node == source else { return nil }
        return GraphPath(nodes: nodes.reversed(), edges: edges.reversed(), width: bestWidth)
    }
}
