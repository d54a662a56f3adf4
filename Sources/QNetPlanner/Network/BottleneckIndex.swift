/// The widest-path bottleneck between any two relaying nodes of a key graph,
/// through relaying nodes only, answered in O(log V) per pair.
///
/// Kruskal's algorithm over the edges between relaying nodes, widest first,
/// builds a maximum spanning forest; two nodes are joined by a path of
/// bottleneck ≥ w exactly when they are in one component once every edge of
/// capacity ≥ w is in. The union-find keeps its links (union by rank, no path
/// compression, so trees are O(log V) deep) with the time of each link; the
/// bottleneck of a pair is the capacity of the latest link on the tree path
/// between them. That a widest path lies in a maximum spanning tree is
/// T. C. Hu, "The maximum capacity route problem", Operations Research 9,
/// 898–900 (1961).
struct BottleneckIndex: Sendable {
    /// The node each node was linked under; itself for a root.
    private var parent: [Int32]
    /// When each node was linked (the index into `linkWidth`); `Int32.max` for a root.
    private var linkTime: [Int32]
    /// The capacity of the edge that made each link, in the order the links were made (non-increasing).
    private var linkWidth: [Double]

    /// The index of `graph`'s relaying nodes.
    /// - Complexity: O(E log E)
    init(_ graph: KeyGraph) {
        self.init(graph, widestFirst: Self.widestFirst(graph))
    }

    /// The edges between two relaying nodes of `graph`, widest first (the lower index first among equals):
    /// the order Kruskal's algorithm takes them in.
    /// - Complexity: O(E log E)
    static func widestFirst(_ graph: KeyGraph) -> [Int] {
        var order = (0..<graph.edgeCount).filter {
            graph.edgeFrom[$0] != graph.edgeTo[$0] && graph.canRelay[graph.edgeFrom[$0]] && graph.canRelay[graph.edgeTo[$0]]
        }
        order.sort { graph.capacity[$0] > graph.capacity[$1] || (graph.capacity[$0] == graph.capacity[$1] && $0 < $1) }
        return order
    }

    /// The index of `graph`'s relaying nodes from `order`, its edges' `widestFirst` order, or the order of a graph
    /// that differs from it only by edges cut to zero capacity (which are skipped, as if the graph left them out).
    /// - Complexity: O(E log V) (union by rank, no path compression)
    init(_ graph: KeyGraph, widestFirst order: [Int]) {
        let count = graph.nodeCount
        parent = (0..<count).map { Int32($0) }
        linkTime = [Int32](repeating: .max, count: count)
        linkWidth = []
        var rank = [UInt8](repeating: 0, count: count)
        for edge in order where graph.capacity[edge] > 0 {
            var a = graph.edgeFrom[edge], b = graph.edgeTo[edge]
            while parent[a] != a { a = Int(parent[a]) }
            while parent[b] != b { b = Int(parent[b]) }
            guard a != b else { continue }
            if rank[a] < rank[b] { swap(&a, &b) }
            parent[b] = Int32(a)
            linkTime[b] = Int32(linkWidth.count)
            if rank[a] == rank[b] { rank[a] += 1 }
            linkWidth.append(graph.capacity[edge])
        }
    }

    /// The largest bottleneck of a path from `a` to `b` through relaying nodes (both relaying): infinite when
    /// `a == b`, 0 when no path joins them.
    /// - Complexity: O(log V)
    func width(_ a: Int, _ b: Int) -> Double {
        var x = a, y = b
        var latest: Int32 = -1
        // Times grow towards the root, so the side whose link is older is below the meeting point.
        while x != y {
            let (tx, ty) = (linkTime[x], linkTime[y])
            if tx == .max && ty == .max { return 0 }   // two roots: different components
            if tx < ty {
                latest = max(latest, tx)
                x = Int(parent[x])
            } else {
                latest = max(latest, ty)
                y = Int(parent[y])
            }
        }
        return latest < 0 ? .infinity : linkWidth[Int(latest)]
    }
}
