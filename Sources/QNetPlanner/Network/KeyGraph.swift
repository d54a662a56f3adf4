import QNetModel

/// The key graph: key-holding nodes joined by segments whose capacity is
/// their key rate, in compact arrays (CSR adjacency) for routing.
///
/// Edges are undirected. A node may relay keys (`canRelay`) when it is
/// trusted or a trusted satellite; endpoints start and end demands but relay
/// nothing.
struct KeyGraph: Sendable {
    /// Topology node index of each key-graph node.
    var topologyNode: [Int]
    /// Whether each node may carry keys for others.
    var canRelay: [Bool]
    /// Ends of each edge (key-graph node indices).
    var edgeFrom: [Int]
    var edgeTo: [Int]
    /// Capacity of each edge, bit/s.
    var capacity: [Double]
    /// Segment index (in the plan) of each edge.
    var edgeSegment: [Int]
    /// Adjacency: for node u, entries adjacencyStart[u]..<adjacencyStart[u+1] name (edge, other end).
    var adjacencyStart: [Int]
    var adjacencyEdge: [Int]
    var adjacencyOther: [Int]
    /// The arc that leaves through each adjacency slot: 2e from `edgeFrom` to `edgeTo`, 2e+1 back (max-flow residuals).
    var adjacencyArc: [Int]

    var nodeCount: Int { topologyNode.count }
    var edgeCount: Int { edgeFrom.count }

    /// The key graph over `nodes` (topology indices of key holders, with their relay flag) and edges
    /// (topology node indices, capacity, segment index). Edges of zero capacity are left out.
    /// - Complexity: O(V + E)
    init(keyNodes: [(topologyIndex: Int, canRelay: Bool)], topologyNodeCount: Int,
         edges: [(from: Int, to: Int, capacity: Double, segment: Int)]) {
        topologyNode = keyNodes.map(\.topologyIndex)
        canRelay = keyNodes.map(\.canRelay)
        var compact = [Int](repeating: -1, count: topologyNodeCount)
        for (index, node) in topologyNode.enumerated() { compact[node] = index }
        edgeFrom = []; edgeTo = []; capacity = []; edgeSegment = []
        for edge in edges where edge.capacity > 0 && compact[edge.from] >= 0 && compact[edge.to] >= 0 {
            edgeFrom.append(compact[edge.from])
            edgeTo.append(compact[edge.to])
            capacity.append(edge.capacity)
            edgeSegment.append(edge.segment)
        }
        let count = topologyNode.count
        var start = [Int](repeating: 0, count: count + 1)
        for e in 0..<edgeFrom.count {
            start[edgeFrom[e] + 1] += 1
            start[edgeTo[e] + 1] += 1
        }
        for u in 0..<count { start[u + 1] += start[u] }
        var fill = start
        adjacencyEdge = [Int](repeating: 0, count: start[count])
        adjacencyOther = [Int](repeating: 0, count: start[count])
        for e in 0..<edgeFrom.count {
            let (a, b) = (edgeFrom[e], edgeTo[e])
            adjacencyEdge[fill[a]] = e; adjacencyOther[fill[a]] = b; fill[a] += 1
            adjacencyEdge[fill[b]] = e; adjacencyOther[fill[b]] = a; fill[b] += 1
        }
        adjacencyStart = start
        adjacencyArc = [Int](repeating: 0, count: start[count])
        for u in 0..<count {
            for slot in start[u]..<start[u + 1] {
                let edge = adjacencyEdge[slot]
                adjacencyArc[slot] = edgeFrom[edge] == u ? 2 * edge : 2 * edge + 1
            }
        }
        compactIndex = compact
    }

    /// Key-graph index of each topology node, -1 for nodes that hold no key.
    var compactIndex: [Int]

    /// Whether a path may continue from `node` when it started at `source`.
    @inline(__always)
    func mayLeave(_ node: Int, source: Int) -> Bool { node == source || canRelay[node] }

    /// The key-graph nodes of a demand's ends `from` and `to` (`nodeIndex` maps ids to topology indices); nil when
    /// either is not in the topology or holds no key.
    func ends(from: Identifier, to: Identifier, nodeIndex: [Identifier: Int]) -> (source: Int, target: Int)? {
        guard let from = nodeIndex[from], let to = nodeIndex[to] else { return nil }
        let (source, target) = (compactIndex[from], compactIndex[to])
        return source >= 0 && target >= 0 ? (source, target) : nil
    }

    /// The nodes a path from `source` reaches through relaying nodes, crossing only the edges `open` lets it
    /// take (`open(edge, node)`: the edge, left from `node`). Nodes that relay nothing are reached, not left.
    /// - Complexity: O(V + E)
    func reachable(from source: Int, through open: (_ edge: Int, _ from: Int) -> Bool) -> [Bool] {
        var seen = [Bool](repeating: false, count: nodeCount)
        seen[source] = true
        var queue = [source]
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            guard mayLeave(u, source: source) else { continue }
            for slot in adjacencyStart[u]..<adjacencyStart[u + 1] {
                let v = adjacencyOther[slot]
                if seen[v] || !open(adjacencyEdge[slot], u) { continue }
                seen[v] = true
                queue.append(v)
            }
        }
        return seen
    }
}
