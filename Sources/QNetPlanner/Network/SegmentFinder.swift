import QNetModel

/// A run of links between two key-holding nodes through nodes that hold no key.
struct FoundSegment: Hashable, Sendable {
    /// Node indices along the segment, ends included.
    var nodes: [Int]
    /// Link indices in order.
    var links: [Int]
}

/// Finds the segments of a topology: the edges of its key graph.
///
/// A segment starts and ends at key-holding nodes (`Node.holdsKey`) and every
/// inner node holds no key (repeaters, relays, sources). From each key-holding
/// node a depth-first search walks through key-less nodes and records every
/// simple path that reaches another key-holding node, so an untrusted node of
/// degree > 2 yields one segment per pair of its key-holding ends (and per
/// route between them). Each segment is found once, from its end with the
/// lower node index.
///
/// Bound: the search goes at most `maxInnerNodes` key-less nodes deep and
/// takes at most `maxStepsPerStart` steps from one start node, so a large
/// untrusted mesh cannot explode combinatorially; segments beyond the bound
/// are not found (a warning says so).
enum SegmentFinder {
    /// Most key-less nodes inside one segment.
    static let maxInnerNodes = 32
    /// Most search steps from one key-holding node.
    static let maxStepsPerStart = 10_000

    /// The segments over `ends` (each link's end node indices, nil for a skipped link).
    /// - Complexity: O(L) when every node holds a key (L links); with key-less
    ///   nodes, at most O(K · maxStepsPerStart) for K key-holding nodes.
    static func find(holdsKey: [Bool], ends: [(Int, Int)?]) -> (segments: [FoundSegment], truncated: Bool) {
        let nodeCount = holdsKey.count
        // Compact adjacency: for node u, entries adjStart[u]..<adjStart[u+1] of (link, other end).
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        for case let (a, b)? in ends {
            degree[a] += 1
            degree[b] += 1
        }
        var adjStart = [Int](repeating: 0, count: nodeCount + 1)
        for u in 0..<nodeCount { adjStart[u + 1] = adjStart[u] + degree[u] }
        var fill = adjStart
        var adjLink = [Int](repeating: 0, count: adjStart[nodeCount])
        var adjOther = [Int](repeating: 0, count: adjStart[nodeCount])
        for (link, pair) in ends.enumerated() {
            guard let (a, b) = pair else { continue }
            adjLink[fill[a]] = link; adjOther[fill[a]] = b; fill[a] += 1
            adjLink[fill[b]] = link; adjOther[fill[b]] = a; fill[b] += 1
        }

        var segments: [FoundSegment] = []
        var truncated = false
        var onPath = [Bool](repeating: false, count: nodeCount)
        for start in 0..<nodeCount where holdsKey[start] {
            for entry in adjStart[start]..<adjStart[start + 1] {
                let (link, next) = (adjLink[entry], adjOther[entry])
                if holdsKey[next] {
                    if start < next { segments.append(FoundSegment(nodes: [start, next], links: [link])) }
                    continue
                }
                // Depth-first through key-less nodes.
                var steps = 0
                var nodes = [start, next]
                var links = [link]
                onPath[start] = true
                onPath[next] = true
                func walk(_ node: Int) {
                    for inner in adjStart[node]..<adjStart[node + 1] {
                        let (edge, other) = (adjLink[inner], adjOther[inner])
                        if edge == links.last || onPath[other] { continue }
                        steps += 1
                        if steps > maxStepsPerStart { truncated = true; return }
                        if holdsKey[other] {
                            if start < other { segments.append(FoundSegment(nodes: nodes + [other], links: links + [edge])) }
                            continue
                        }
                        if nodes.count - 1 >= maxInnerNodes { truncated = true; continue }
                        nodes.append(other); links.append(edge); onPath[other] = true
                        walk(other)
                        onPath[other] = false; nodes.removeLast(); links.removeLast()
                    }
                }
                walk(next)
                onPath[start] = false
                onPath[next] = false
            }
        }
        return (segments, truncated)
    }
}
