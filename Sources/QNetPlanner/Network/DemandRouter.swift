import QNetModel

/// Routes a demand over the key graph: widest single path and max-flow, with
/// the trusted nodes that see the key.
struct DemandRouter: Sendable {
    private(set) var graph: KeyGraph
    let topology: Topology
    let segments: [SegmentPlan]
    /// The key graph packed for the exact max-flow, shared by every demand.
    private(set) var network: FlowNetwork
    /// Widest-path bottlenecks between relaying nodes, shared by every demand.
    private(set) var bottlenecks: BottleneckIndex
    /// The key-graph nodes in the order of their ids, and each node's place in it.
    let nodesByID: [Int]
    let idRank: [Int]
    /// The segments that carry no key because a satellite link of theirs has one geometry and no pass
    /// (`FixedElevationLink`), with their ends' key-graph nodes (-1 for an end that holds no key).
    let keyOnlyWhileInView: [(id: String, ends: (Int, Int))]

    /// A router over `graph`, whose edges are `segments`, with `nodeIndex` the index of each of `topology`'s nodes.
    /// - Complexity: O(E log E + V log V)
    init(graph: KeyGraph, topology: Topology, segments: [SegmentPlan], nodeIndex: [Identifier: Int]) {
        self.init(graph: graph, topology: topology, segments: segments, nodeIndex: nodeIndex, bottlenecks: BottleneckIndex(graph))
    }

    /// A router over `graph`, whose edges are `segments`, with its bottleneck index made already.
    /// - Complexity: O(V log V + E)
    init(graph: KeyGraph, topology: Topology, segments: [SegmentPlan], nodeIndex: [Identifier: Int], bottlenecks: BottleneckIndex) {
        self.graph = graph
        self.topology = topology
        self.segments = segments
        network = FlowNetwork(graph)
        self.bottlenecks = bottlenecks
        let ids = graph.topologyNode.map { topology.nodes[$0].id }
        nodesByID = ids.indices.sorted { ids[$0] < ids[$1] }
        var rank = [Int](repeating: 0, count: ids.count)
        for (place, node) in nodesByID.enumerated() { rank[node] = place }
        idRank = rank
        keyOnlyWhileInView = segments.filter { $0.keyWhileInViewBps != nil }.map { segment in
            let end = { (id: Identifier) in nodeIndex[id].map { graph.compactIndex[$0] } ?? -1 }
            return (segment.id, (end(segment.from), end(segment.to)))
        }
    }

    /// This router with the edges `cut` at zero capacity (a failure), `widestFirst` being this graph's
    /// `BottleneckIndex.widestFirst` order: the same nodes, segments and slots, so it routes every demand
    /// as a router over the graph built without those edges does, without building that graph again.
    /// - Complexity: O(V + E log V) (copies, and the bottleneck index's unions; no sort)
    func cutting(_ cut: [Int], widestFirst: [Int]) -> DemandRouter {
        var changed = self
        for edge in cut { changed.graph.capacity[edge] = 0 }
        changed.network = FlowNetwork(network, capacity: changed.graph.capacity)
        changed.bottlenecks = BottleneckIndex(changed.graph, widestFirst: widestFirst)
        return changed
    }

    /// The routing of `demand`, with the flow it used (for incremental re-plans).
    /// - Complexity: without a trusted-node limit, O(V + E) for the widest
    ///   path plus the exact max-flow (O(V² E) worst case); with a limit k,
    ///   O((k+1) · E) for the path and O(P · (k+1) · E) for the greedy flow.
    func route(_ demand: Demand, nodeIndex: [Identifier: Int]) -> (plan: DemandPlan, flow: MaxFlow.Flow?, path: GraphPath?) {
        route(demand, nodeIndex: nodeIndex, workspace: MaxFlow.Workspace(network), search: HopSearch(network))
    }

    /// `route(_:nodeIndex:)` with the max-flow's arrays from `workspace` and the path search `search`
    /// (both made for `network`).
    ///
    /// With `kept`, a flow (and possibly a path) that routing the demand afresh is known to give again
    /// (`PlanningSession` proves it), only the rest is computed: the widest path when `kept.path` is nil, then the plan.
    func route(_ demand: Demand, nodeIndex: [Identifier: Int], workspace: MaxFlow.Workspace, search: HopSearch,
               keeping kept: (flow: MaxFlow.Flow, path: GraphPath?)? = nil) -> (plan: DemandPlan, flow: MaxFlow.Flow?, path: GraphPath?) {
        let required = Sanitise.rate(demand.keyRate?.si ?? 0)
        let ends = graph.ends(from: demand.from, to: demand.to, nodeIndex: nodeIndex)
        let (source, target) = (ends?.source ?? -1, ends?.target ?? -1)
        let limit = demand.maxTrustedNodes.map { max(0, $0) }
        // A limit at least the number of relaying nodes does not limit anything.
        let bounded = limit.map { $0 < graph.nodeCount - 2 } ?? false

        var path: GraphPath?
        var flow: MaxFlow.Flow?
        if source >= 0, target >= 0, source != target {
            if let kept {
                flow = kept.flow
                path = kept.path ?? (bounded ? WidestPath.find(in: graph, from: source, to: target, capacity: graph.capacity,
                                                               maxSegments: (limit ?? 0) + 1)
                                             : WidestPath.find(in: graph, bottlenecks: bottlenecks, search: search, from: source, to: target))
            } else if bounded, let limit {
                path = WidestPath.find(in: graph, from: source, to: target, capacity: graph.capacity, maxSegments: limit + 1)
                flow = MaxFlow.greedyHopBounded(in: graph, from: source, to: target, capacity: graph.capacity,
                                                maxSegments: limit + 1)
            } else {
                path = WidestPath.find(in: graph, bottlenecks: bottlenecks, search: search, from: source, to: target)
                if path != nil { flow = MaxFlow.exact(in: network, from: source, to: target, workspace: workspace) }
            }
        }
        // With no trusted node allowed, every path is one direct segment: packing them all is the exact flow.
        let exact = !bounded || limit == 0
        return (describe(demand, required: required, path: path, flow: flow, limit: limit, exact: exact, source: source,
                         target: target), flow, path)
    }

    /// The segments of `keyOnlyWhileInView` with an end that a demand's `source` or `target` reaches through relaying
    /// nodes (those that might have carried its key), none when an end holds no key.
    /// - Complexity: O(V + E) when there are such segments
    func segmentsKeyedOnlyInView(near source: Int, _ target: Int) -> [String] {
        guard !keyOnlyWhileInView.isEmpty, source >= 0, target >= 0 else { return [] }
        let (fromSource, fromTarget) = (graph.reachable(from: source) { _, _ in true }, graph.reachable(from: target) { _, _ in true })
        func reached(_ node: Int) -> Bool { node >= 0 && (fromSource[node] || fromTarget[node]) }
        return keyOnlyWhileInView.filter { reached($0.ends.0) || reached($0.ends.1) }.map(\.id)
    }

    /// The `DemandPlan` of a routing result.
    func describe(_ demand: Demand, required: Double, path: GraphPath?, flow: MaxFlow.Flow?, limit: Int?, exact: Bool,
                  source: Int, target: Int) -> DemandPlan {
        // No path within the limit: no flow either, so the rate is exactly 0 (not a lower bound).
        guard let path, !path.edges.isEmpty else {
            let noPath = limit.map { "no QKD path between \(demand.from) and \(demand.to) within \($0.counted("trusted node")): post-quantum cryptography only" }
                ?? "no QKD path between \(demand.from) and \(demand.to): post-quantum cryptography only"
            let inView = segmentsKeyedOnlyInView(near: source, target)
            let note = inView.isEmpty ? noPath : "\(noPath); \(FixedElevationLink.demandNote(segments: inView))"
            return DemandPlan(id: demand.resolvedID, from: demand.from, to: demand.to, requiredBps: required, bestPath: [],
                              bestPathSegments: [], bestPathBps: 0, maxFlowBps: 0, maxFlowIsExact: true, trustedNodes: [],
                              flowTrustedNodes: [], satisfied: false, fallback: "pqc-only", bottleneckSegment: nil, note: note)
        }
        // Expand segments into every node, relays and repeaters included.
        var nodes: [Identifier] = [topology.nodes[graph.topologyNode[path.nodes[0]]].id]
        var segmentIDs: [String] = []
        var bottleneck: (Double, String)?
        // The segments' fields are read in place: binding a segment plan (a large value) would copy it whole, once
        // per segment of every demand's path (about 86 of them at 10,000 nodes).
        for edge in path.edges {
            let segment = graph.edgeSegment[edge]
            segmentIDs.append(segments[segment].id)
            let forward = segments[segment].nodes.first == nodes.last
            nodes += (forward ? segments[segment].nodes : segments[segment].nodes.reversed()).dropFirst()
            if bottleneck == nil || graph.capacity[edge] < bottleneck!.0 { bottleneck = (graph.capacity[edge], segments[segment].id) }
        }
        let trusted = path.nodes.dropFirst().dropLast().map { topology.nodes[graph.topologyNode[$0]].id }
        // The nodes the flow passes, in the order of their ids: marked by rank, then read in rank order
        // (a flow passes many nodes, most of them twice: cheaper than sorting them).
        var carrying = [Bool](repeating: false, count: graph.nodeCount)
        for edge in flow?.edges ?? [] {
            let (a, b) = (graph.edgeFrom[edge], graph.edgeTo[edge])
            if a != source && a != target { carrying[idRank[a]] = true }
            if b != source && b != target { carrying[idRank[b]] = true }
        }
        let flowTrusted = flow == nil ? [] : carrying.indices.filter { carrying[$0] }.map {
            topology.nodes[graph.topologyNode[nodesByID[$0]]].id
        }
        let maxFlow = Sanitise.rate(max(flow?.value ?? 0, path.width))
        let satisfied = maxFlow >= required * (1 - 1e-12)
        var notes: [String] = []
        if limit == 0 {
            notes.append("max_trusted_nodes = 0: direct segments only, no trusted relay")
        } else if !exact, let limit {
            notes.append("max_trusted_nodes = \(limit) limits the flow: greedy packing of widest paths within the limit, a lower bound")
        }
        if !satisfied {
            notes.append(Self.shortfallNote(maxFlow: maxFlow, required: required))
            let inView = segmentsKeyedOnlyInView(near: source, target)
            if !inView.isEmpty { notes.append(FixedElevationLink.demandNote(segments: inView)) }
        }
        return DemandPlan(id: demand.resolvedID, from: demand.from, to: demand.to, requiredBps: required, bestPath: nodes,
                          bestPathSegments: segmentIDs, bestPathBps: Sanitise.rate(path.width), maxFlowBps: maxFlow,
                          maxFlowIsExact: exact, trustedNodes: trusted, flowTrustedNodes: flowTrusted, satisfied: satisfied,
                          fallback: nil, bottleneckSegment: bottleneck?.1, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// The note of a demand short of its rate, both rates as the reports format them (`max flow 8.93 kbit/s is below the
    /// required 10 kbit/s`); with 7 digits in bit/s where 3 would show the same figure twice.
    static func shortfallNote(maxFlow: Double, required: Double) -> String {
        var (flow, need) = (Format.rate(maxFlow), Format.rate(required))
        if flow == need { (flow, need) = ("\(Format.number(maxFlow, digits: 7)) bit/s", "\(Format.number(required, digits: 7)) bit/s") }
        return "max flow \(flow) is below the required \(need)"
    }
}
