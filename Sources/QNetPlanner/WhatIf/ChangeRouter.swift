import QNetModel

/// Routes demands on changed key graphs — segments cut by a failure, or replaced
/// by segments planned for a what-if — reusing its arrays from one change to the
/// next: the segments, edges, nodes and node index are the plan's, with a change
/// applied in place and undone after the route. Not thread-safe: one per worker.
final class ChangeRouter {
    let network: KeyNetwork
    private var segments: [SegmentPlan]
    private var edges: [(from: Int, to: Int, capacity: Double, segment: Int)]
    private var topology: Topology
    private var nodeIndex: [Identifier: Int]

    /// A router over `network`'s key graph.
    init(network: KeyNetwork) {
        self.network = network
        segments = network.segments
        edges = network.edges
        topology = network.topology
        nodeIndex = network.nodeIndex
    }

    /// The routing of `demand` after `change`, as the planner routes it.
    /// - Complexity: O(V + E) to build the graph (copies only when the change only cuts segments), then `DemandRouter.route`.
    func route(_ demand: Demand, change: KeyNetwork.Change) -> DemandPlan {
        if change.added.isEmpty && change.addedNodes.isEmpty && change.relaying.isEmpty {
            // Only cut: the plan's router with those edges at zero capacity routes as the graph without them.
            let cut = change.removed.compactMap { network.graphEdge[$0] }
            return network.router.cutting(cut, widestFirst: network.widestFirst).route(demand, nodeIndex: network.nodeIndex).plan
        }
        let (segmentCount, edgeCount, nodeCount) = (segments.count, edges.count, topology.nodes.count)
        let cut = change.removed.map { ($0, edges[$0].capacity) }
        for index in change.removed { edges[index].capacity = 0 }   // the key graph leaves out edges without capacity
        for node in change.addedNodes {
            nodeIndex[node.id] = topology.nodes.count
            topology.nodes.append(node)
        }
        for segment in change.added {
            if let from = nodeIndex[segment.from], let to = nodeIndex[segment.to] {
                edges.append((from, to, segment.keyRateBps, segments.count))
            }
            segments.append(segment)
        }
        var keyNodes = change.addedNodes.isEmpty
            ? network.keyNodes : network.keyNodes + KeyNetwork.keyNodes(change.addedNodes, offset: nodeCount)
        if !change.relaying.isEmpty {
            keyNodes = keyNodes.map { ($0.topologyIndex, $0.canRelay || change.relaying.contains($0.topologyIndex)) }
        }
        let graph = KeyGraph(keyNodes: keyNodes, topologyNodeCount: topology.nodes.count, edges: edges)
        let plan = DemandRouter(graph: graph, topology: topology, segments: segments, nodeIndex: nodeIndex)
            .route(demand, nodeIndex: nodeIndex).plan   // its max-flow arrays are made for this changed graph

        // Undo the change (the arrays are this router's alone again, so this is in place).
        for (index, capacity) in cut { edges[index].capacity = capacity }
        edges.removeLast(edges.count - edgeCount)
        segments.removeLast(segments.count - segmentCount)
        for node in change.addedNodes { nodeIndex[node.id] = network.nodeIndex[node.id] }
        topology.nodes.removeLast(topology.nodes.count - nodeCount)
        return plan
    }
}
