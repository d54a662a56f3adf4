import QNetModel

/// Routing the demands of a plan, keeping what an edit provably leaves unchanged: a demand's
/// max-flow and widest path from the previous call (see `reuse`).
extension PlanningSession {
    /// What the previous call routed, to reuse flows that an edit leaves optimal.
    struct RoutingSnapshot {
        /// Each node's id and kind: the kind decides whether it may relay, the id how the plan names it.
        var nodes: [RoutingNode]
        var edgeKeys: [EdgeKey]
        var capacity: [Double]
        var demands: [Demand]
        var results: [RoutedDemand]
        var segmentIDs: [String]
    }

    struct RoutingNode: Equatable {
        var id: Identifier
        var kind: NodeKind
    }

    struct EdgeKey: Hashable {
        var from: Int
        var to: Int
        var segment: Int
    }

    /// The plans of `demands`, routed over `graph` (whose edges are `segments`), and whether they fit together.
    func route(_ demands: [Demand], graph: KeyGraph, topology: Topology, segments: [SegmentPlan],
               nodeIndex: [Identifier: Int]) -> (demands: [DemandPlan], shared: SharedCapacity) {
        let router = DemandRouter(graph: graph, topology: topology, segments: segments, nodeIndex: nodeIndex)
        let edgeKeys = (0..<graph.edgeCount).map {
            EdgeKey(from: graph.edgeFrom[$0], to: graph.edgeTo[$0], segment: graph.edgeSegment[$0])
        }
        let segmentIDs = segments.map(\.id)
        let nodes = topology.nodes.map { RoutingNode(id: $0.id, kind: $0.resolvedKind) }
        var reuse = [Reuse](repeating: .reroute, count: demands.count)
        if let previous = previousRouting, previous.nodes == nodes, previous.edgeKeys == edgeKeys, previous.segmentIDs == segmentIDs,
           previous.demands.count == demands.count {
            let changed = (0..<graph.edgeCount).filter { previous.capacity[$0] != graph.capacity[$0] }
            let capacities = Capacities(old: previous.capacity, new: graph.capacity, edgeFrom: graph.edgeFrom, edgeTo: graph.edgeTo)
            for index in demands.indices where previous.demands[index] == demands[index] {
                reuse[index] = Self.reuse(previous.results[index], changed: changed, capacities: capacities)
            }
        }
        let pending = demands.indices.filter { reuse[$0].kept == nil }
        let routed = ParallelMap.map(pending, state: (MaxFlow.Workspace(router.network), HopSearch(router.network))) {
            [demands, reuse] buffers, index in
            router.route(demands[index], nodeIndex: nodeIndex, workspace: buffers.0, search: buffers.1,
                         keeping: reuse[index].keptRouting)
        }
        var results = [RoutedDemand]()
        results.reserveCapacity(demands.count)
        var next = 0
        for index in demands.indices {
            if let kept = reuse[index].kept {
                results.append(kept)
            } else {
                results.append(routed[next])
                next += 1
            }
        }
        lastReroutedDemandCount = pending.filter { if case .reroute = reuse[$0] { true } else { false } }.count
        lastRepathedDemandCount = pending.filter { if case .keepFlow = reuse[$0] { true } else { false } }.count
        previousRouting = RoutingSnapshot(nodes: nodes, edgeKeys: edgeKeys, capacity: graph.capacity, demands: demands, results: results,
                                          segmentIDs: segmentIDs)
        let ends = demands.map { demand -> (Int, Int)? in
            guard let ends = graph.ends(from: demand.from, to: demand.to, nodeIndex: nodeIndex), ends.source != ends.target else { return nil }
            return ends
        }
        let shared = SharedCapacity(routed: zip(results, ends).map { ($0.plan, $0.flow, $1) }, graph: graph, segments: segments)
        return (results.map(\.plan), shared)
    }

    /// A demand's routing: its plan, and the flow and widest path it came from (nil when it has none).
    typealias RoutedDemand = (plan: DemandPlan, flow: MaxFlow.Flow?, path: GraphPath?)

    /// How much of a demand's previous routing a re-plan keeps, with what it keeps.
    private enum Reuse: Sendable {
        /// Route afresh: widest path and max-flow.
        case reroute
        /// The same flow; search the widest path again, then describe the plan.
        case keepFlow(MaxFlow.Flow)
        /// The same flow and path; describe the plan again (a capacity on the path changed).
        case keepFlowAndPath(MaxFlow.Flow, GraphPath)
        /// The same routing.
        case keep(RoutedDemand)

        /// The routing kept whole, nil when some of it is routed again.
        var kept: RoutedDemand? {
            if case .keep(let routed) = self { return routed }
            return nil
        }

        /// What routing again starts from: the flow, and the path when it stands.
        var keptRouting: (flow: MaxFlow.Flow, path: GraphPath?)? {
            switch self {
            case .keepFlow(let flow): return (flow, nil)
            case .keepFlowAndPath(let flow, let path): return (flow, path)
            case .reroute, .keep: return nil
            }
        }
    }

    /// The key graph's capacities before and after an edit, with the max-flow's zero (`FlowNetwork.epsilon`) of each.
    private struct Capacities {
        var old: [Double]
        var new: [Double]
        var edgeFrom: [Int]
        var edgeTo: [Int]
        var oldEpsilon: Double
        var newEpsilon: Double

        init(old: [Double], new: [Double], edgeFrom: [Int], edgeTo: [Int]) {
            (self.old, self.new, self.edgeFrom, self.edgeTo) = (old, new, edgeFrom, edgeTo)
            oldEpsilon = FlowNetwork.epsilon(of: old)
            newEpsilon = FlowNetwork.epsilon(of: new)
        }
    }

    /// What of a previous exact routing an edit that changed the capacities of `changed` edges (and nothing else) keeps.
    ///
    /// The flow is kept when no changed edge touches the demand's ends and none was crossed by an augmenting
    /// path, each staying above the max-flow's zero or at or below it, and that zero is the same: then the
    /// residual graph that chooses every augmenting path (shortest, first in adjacency order), each path's
    /// bottleneck, and the stopping bound (the capacity around the ends) are the same, so a fresh run repeats
    /// the previous one step by step. Whether the raised edge is saturated at the end is not enough: an edge
    /// saturated by one augmenting path and freed by a later one ends unsaturated, yet a wider edge changes
    /// the path taken after it (`KeptFlowTests`).
    ///
    /// With the flow kept, the widest path of width W is the fewest-segment path over the edges of capacity
    /// ≥ W, first in adjacency order (`HopSearch`). It stays the path when no changed edge on it falls below W
    /// and no changed edge rises from ≤ W to ≥ W: then no edge joins the edges of capacity ≥ W (so no path is
    /// shorter or comes first), and none passes W (a path wider than W would need one), so W stays; an edge
    /// that leaves them is off the path. Otherwise the path is searched again.
    private static func reuse(_ result: RoutedDemand, changed: [Int], capacities: Capacities) -> Reuse {
        if changed.isEmpty { return .keep(result) }
        guard result.plan.maxFlowIsExact, let flow = result.flow, let path = result.path,
              let source = path.nodes.first, let target = path.nodes.last,
              capacities.oldEpsilon == capacities.newEpsilon else { return .reroute }
        let epsilon = capacities.newEpsilon
        var (searchPath, describeAgain) = (false, false)
        for edge in changed {
            let (old, new) = (capacities.old[edge], capacities.new[edge])
            let (a, b) = (capacities.edgeFrom[edge], capacities.edgeTo[edge])
            if a == source || a == target || b == source || b == target || (old > epsilon) != (new > epsilon)
                || flow.crossed(edge) {
                return .reroute
            }
            let onPath = path.edges.contains(edge)
            if onPath && new < path.width || old <= path.width && new >= path.width && new > old {
                searchPath = true
            } else if onPath {
                describeAgain = true
            }
        }
        if searchPath { return .keepFlow(flow) }
        return describeAgain ? .keepFlowAndPath(flow, path) : .keep(result)
    }
}
