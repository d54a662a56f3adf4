import QNetModel

/// The key graph of a plan with what the what-ifs need to change it: which
/// segments each link and node belongs to, and the graph's nodes and edges.
///
/// A link's failure or edit changes no other link's physics, so routing a
/// demand again on the changed key graph (`DemandRouter`, as the planner
/// does; see `ChangeRouter`) is all a what-if needs besides the physics of the changed part.
struct KeyNetwork: Sendable {
    let topology: Topology
    let nodeIndex: [Identifier: Int]
    let linkIndex: [Identifier: Int]
    /// The plan's segments, the edges of the key graph.
    let segments: [SegmentPlan]
    /// Link indices of each segment.
    let segmentLinks: [[Int]]
    /// Node indices of each segment, ends included.
    let segmentNodes: [[Int]]
    /// The segments each link (by index) belongs to.
    let segmentsOfLink: [[Int]]
    /// The segments each node (by index) belongs to, as an end or inside.
    let segmentsOfNode: [[Int]]
    /// Whether each node (by index) is an end of some link of the topology.
    let isLinked: [Bool]
    /// Every id in use (nodes, links, demands): new nodes and links of what-ifs take others.
    let ids: Set<Identifier>
    /// The key-holding nodes (topology index, whether they relay keys), as the planner builds its key graph.
    let keyNodes: [(topologyIndex: Int, canRelay: Bool)]
    /// The key graph's edges, one per segment in order (a segment whose ends are unknown has no capacity).
    let edges: [(from: Int, to: Int, capacity: Double, segment: Int)]
    /// The plan's key graph, with what routes a demand over it, made once for every demand's what-ifs.
    let router: DemandRouter
    /// The key graph's edge of each segment, nil for a segment the graph leaves out (it has no capacity).
    let graphEdge: [Int?]
    /// The key graph's edges in `BottleneckIndex.widestFirst` order, for routers with some of them cut.
    let widestFirst: [Int]

    /// A change of the key graph: segments removed, and segments added (over the topology's nodes and `addedNodes`);
    /// endpoints made to relay keys (`relaying`, topology indices: endpoints made trusted nodes).
    struct Change {
        var removed: Set<Int> = []
        var added: [SegmentPlan] = []
        var addedNodes: [Node] = []
        var relaying: Set<Int> = []
        /// Errors of the planned change (links of one segment naming different protocols, say): a topology
        /// edited so fails `check`, and the change is not suggested.
        var errors: [Diagnostic] = []
    }

    /// A demand routed on the plan's key graph.
    struct Routing {
        var plan: DemandPlan
        var flow: MaxFlow.Flow?
        var path: GraphPath?
        var graph: KeyGraph
    }

    /// The key network of `plan`, computed from `topology`.
    /// - Complexity: O(N + L + total segment length)
    init(topology: Topology, plan: Plan) {
        self.topology = topology
        var nodeIndex: [Identifier: Int] = [:]
        for (index, node) in topology.nodes.enumerated() where nodeIndex[node.id] == nil { nodeIndex[node.id] = index }
        var linkIndex: [Identifier: Int] = [:]
        for (index, link) in topology.links.enumerated() where linkIndex[link.id] == nil { linkIndex[link.id] = index }
        self.nodeIndex = nodeIndex
        self.linkIndex = linkIndex
        segments = plan.segments
        segmentLinks = plan.segments.map { $0.links.compactMap { linkIndex[$0] } }
        segmentNodes = plan.segments.map { $0.nodes.compactMap { nodeIndex[$0] } }
        var ofLink = [[Int]](repeating: [], count: topology.links.count)
        var ofNode = [[Int]](repeating: [], count: topology.nodes.count)
        for segment in plan.segments.indices {
            for link in segmentLinks[segment] { ofLink[link].append(segment) }
            for node in segmentNodes[segment] where ofNode[node].last != segment { ofNode[node].append(segment) }
        }
        segmentsOfLink = ofLink
        segmentsOfNode = ofNode
        var linked = [Bool](repeating: false, count: topology.nodes.count)
        for link in topology.links {
            for end in [link.from, link.to] { if let index = nodeIndex[end] { linked[index] = true } }
        }
        isLinked = linked
        ids = Set(topology.nodes.map(\.id) + topology.links.map(\.id) + topology.demands.map(\.resolvedID))
        keyNodes = Self.keyNodes(topology.nodes, offset: 0)
        edges = plan.segments.enumerated().map { index, segment in
            let (from, to) = (nodeIndex[segment.from], nodeIndex[segment.to])
            return (from ?? 0, to ?? 0, from != nil && to != nil ? segment.keyRateBps : 0, index)
        }
        let graph = KeyGraph(keyNodes: keyNodes, topologyNodeCount: topology.nodes.count, edges: edges)
        var graphEdge = [Int?](repeating: nil, count: plan.segments.count)
        for (edge, segment) in graph.edgeSegment.enumerated() { graphEdge[segment] = edge }
        self.graphEdge = graphEdge
        widestFirst = BottleneckIndex.widestFirst(graph)
        router = DemandRouter(graph: graph, topology: topology, segments: segments, nodeIndex: nodeIndex,
                              bottlenecks: BottleneckIndex(graph, widestFirst: widestFirst))
    }

    /// The key holders among `nodes` (numbered from `offset`), with whether each may relay keys.
    static func keyNodes(_ nodes: [Node], offset: Int) -> [(topologyIndex: Int, canRelay: Bool)] {
        nodes.indices.filter { nodes[$0].holdsKey }.map { (topologyIndex: offset + $0, canRelay: nodes[$0].resolvedKind != .endpoint) }
    }

    /// `demand` routed as the planner routes it, on the plan's key graph.
    /// - Complexity: as `DemandRouter.route`
    func route(_ demand: Demand) -> Routing {
        let (plan, flow, path) = router.route(demand, nodeIndex: nodeIndex)
        return Routing(plan: plan, flow: flow, path: path, graph: router.graph)
    }
}
