import QNetModel

/// Endpoints that stand in a demand's way: an endpoint holds keys for itself and relays none (`KeyGraph.canRelay`),
/// so a path of the key graph through one carries no key between others. Found as the widest path between the
/// demand's ends on the key graph with every key holder relaying: the endpoints inside it (the demand's own ends
/// aside) are the ones that, made trusted nodes, would carry that path's key.
public struct EndpointBarrier: Sendable, Hashable {
    /// The demand's end it starts from.
    public var from: Identifier
    /// The demand's other end.
    public var to: Identifier
    /// The endpoints inside the widest path, in order from `from`.
    public var endpoints: [Identifier]
    /// The key rate of that path (its narrowest segment), bit/s.
    public var pathBps: Double

    public init(from: Identifier, to: Identifier, endpoints: [Identifier], pathBps: Double) {
        self.from = from
        self.to = to
        self.endpoints = endpoints
        self.pathBps = pathBps
    }

    /// Why a demand without key has none, in words (the report, the workbench and `check` all say it).
    public var reason: String {
        let names = endpoints.map(\.rawValue).joined(separator: ", ")
        let (noun, verb) = endpoints.count == 1 ? ("endpoint", "does") : ("endpoints", "do")
        return "the only paths with key between \(from) and \(to) pass through \(noun) \(names), which \(verb) not relay "
            + "keys (an endpoint holds keys for itself only; a trusted node relays them, and sees them)"
    }
}

extension EndpointBarrier {
    /// Finds the barriers of demands on one key graph: the graph with every key holder relaying, indexed once for
    /// its widest paths. Not thread-safe (its path search reuses arrays).
    final class Finder {
        private let graph: KeyGraph
        private let open: KeyGraph
        private let bottlenecks: BottleneckIndex
        private let search: HopSearch
        private let topology: Topology

        /// A finder on `graph`, whose nodes are `topology`'s key holders.
        /// - Complexity: O(E log E + V)
        init(_ graph: KeyGraph, topology: Topology) {
            var open = graph
            open.canRelay = [Bool](repeating: true, count: graph.nodeCount)
            self.graph = graph
            self.open = open
            bottlenecks = BottleneckIndex(open)
            search = HopSearch(FlowNetwork(open))
            self.topology = topology
        }

        /// The endpoints on the widest path from `source` to `target` (key-graph nodes) were every key holder to
        /// relay, with that path's rate; nil when no such path exists or it passes through no endpoint.
        /// - Complexity: as `WidestPath.find(in:bottlenecks:search:from:to:)`
        func barrier(from source: Int, to target: Int) -> EndpointBarrier? {
            guard source != target,
                  let path = WidestPath.find(in: open, bottlenecks: bottlenecks, search: search, from: source, to: target)
            else { return nil }
            let inner = path.nodes.dropFirst().dropLast().filter { !graph.canRelay[$0] }
            guard !inner.isEmpty else { return nil }
            let id = { (node: Int) in self.topology.nodes[self.graph.topologyNode[node]].id }
            return EndpointBarrier(from: id(source), to: id(target), endpoints: inner.map(id), pathBps: path.width)
        }
    }

    /// A warning for each demand of `topology` (planned as `plans` on `graph`) that has no key because its only
    /// paths with key pass through endpoints, located at the demand's ends.
    static func warnings(_ topology: Topology, plans: [DemandPlan], graph: KeyGraph, nodeIndex: [Identifier: Int]) -> [Diagnostic] {
        let keyless = plans.indices.filter { plans[$0].maxFlowBps <= 0 }
        guard !keyless.isEmpty, graph.canRelay.contains(false) else { return [] }
        let finder = Finder(graph, topology: topology)
        return keyless.compactMap { index in
            let demand = topology.demands[index]
            guard let ends = graph.ends(from: demand.from, to: demand.to, nodeIndex: nodeIndex),
                  let barrier = finder.barrier(from: ends.source, to: ends.target) else { return nil }
            return Diagnostic(.warning, "demand \(demand.resolvedID): \(barrier.reason)", keyPath: "demands[\(index)].between")
        }
    }
}
